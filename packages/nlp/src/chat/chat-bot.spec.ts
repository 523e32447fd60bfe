import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { WordVectors } from '../embeddings/word-vectors';
import { ChatBot, NO_INTENT, trainChatBot } from './chat-bot';
import { ChatSession } from './chat-session';
import { TINY_CORPUS } from './__fixtures__/tiny-corpus';

const OPTIONS = { epochs: 40, seed: 3, ensemble: 2 };
let bot: ChatBot;
let dir: string;

// Slow (~1-10 s on busy cores): two networks of 40 epochs
beforeAll(async () => {
  await initBackend();
  bot = await trainChatBot(TINY_CORPUS, OPTIONS);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-chat-'));
}, 30_000);

afterAll(() => {
  bot.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ChatBot', () => {
  it('classifies the training intents and new wordings of them', () => {
    expect(
      bot.evaluate(TINY_CORPUS.intents.flatMap((i) => i.utterances.map((text) => ({ text, label: i.intent }))))
        .accuracy,
    ).toBe(1);
    expect(bot.classify('hello there friend').intent).toBe('greet');
    expect(bot.classify('please resume my crashed training').intent).toBe('resume');
  });

  it('handles unknown words: skipped, and a message of only unknown words is NO_INTENT with confidence 0', () => {
    expect(bot.classify('zqxj wvvk')).toEqual({ intent: NO_INTENT, confidence: 0 });
    expect(bot.classify('resume zqxj').intent).toBe('resume');
    expect(bot.classify('').intent).toBe(NO_INTENT);
  });

  // Slow (~1-10 s on busy cores): trains the two networks again
  it('is reproducible: the same seed gives the same probabilities', async () => {
    const again = await trainChatBot(TINY_CORPUS, OPTIONS);
    const texts = ['hello', 'continue it', 'run the flower experiment'];
    expect(again.classifier.probabilities(texts)).toEqual(bot.classifier.probabilities(texts));
    again.dispose();
  }, 30_000);

  // Slow (~2-20 s on busy cores): four networks of 40 epochs
  it('averages the probabilities of its ensemble members (seeds seed, seed + 1, ...), and saves and loads them', async () => {
    const texts = ['hello', 'continue it', 'run the flower experiment'];
    const members = await Promise.all(
      [3, 4].map((seed) => trainChatBot(TINY_CORPUS, { ...OPTIONS, seed, ensemble: 1 })),
    );
    const pair = await trainChatBot(TINY_CORPUS, { ...OPTIONS, ensemble: 2 });
    const [a, b] = members.map((m) => m.classifier.probabilities(texts));
    pair.classifier
      .probabilities(texts)
      .forEach((row, i) => row.forEach((p, k) => expect(p).toBeCloseTo((a[i][k] + b[i][k]) / 2, 5)));
    const model = path.join(dir, 'pair');
    await pair.save(model);
    const loaded = await ChatBot.load(model);
    expect(loaded.classifier.probabilities(texts)).toEqual(pair.classifier.probabilities(texts));
    for (const m of [...members, pair, loaded]) m.dispose();
    await expect(trainChatBot(TINY_CORPUS, { ensemble: 0 })).rejects.toThrow(
      'ensemble must be a positive integer, got 0',
    );
  }, 60_000);

  it('saves and loads: the same answers; missing or corrupt files are named', async () => {
    const model = path.join(dir, 'model');
    await bot.save(model);
    const loaded = await ChatBot.load(model);
    const texts = ['hello', 'resume the run', 'an experiment with adam optimizer'];
    expect(loaded.classifier.probabilities(texts)).toEqual(bot.classifier.probabilities(texts));
    expect(loaded.entities('planar please')).toEqual(bot.entities('planar please'));
    loaded.dispose();

    await expect(ChatBot.load(path.join(dir, 'nope'))).rejects.toThrow(
      `${path.join(dir, 'nope')}: no such model folder`,
    );
    const broken = path.join(dir, 'broken');
    await bot.save(broken);
    fs.writeFileSync(path.join(broken, 'features.json'), '{"terms": 3');
    await expect(ChatBot.load(broken)).rejects.toThrow(`${path.join(broken, 'features.json')}: not valid JSON`);
    fs.rmSync(path.join(broken, 'chat.json'));
    await expect(ChatBot.load(broken)).rejects.toThrow(`${path.join(broken, 'chat.json')}: not found`);
  });

  // Slow (~2-5 s): reads WordNet's four index files for the synset features
  it('saves and loads the optional word-vector and WordNet features', async () => {
    const vectors = new WordVectors(
      ['hello', 'resume', 'experiment'],
      Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]),
      3,
    );
    const b = await trainChatBot(TINY_CORPUS, { epochs: 5, features: { vectors, wordnet: true } });
    const model = path.join(dir, 'with-vectors');
    await b.save(model);
    const loaded = await ChatBot.load(model);
    const texts = ['hello', 'resume the run', 'a melody', 'zqxj'];
    expect(loaded.classifier.probabilities(texts)).toEqual(b.classifier.probabilities(texts));
    expect(loaded.classifier.features.vectors?.size).toBe(3);
    expect(loaded.classifier.features.dim).toBe(b.classifier.features.dim);
    expect(Object.keys(loaded.classifier.features.senseTable ?? {}).length).toBeGreaterThan(0);
    loaded.dispose();
    b.dispose();
    fs.rmSync(path.join(model, 'vectors.bin'));
    await expect(ChatBot.load(model)).rejects.toThrow(`${path.join(model, 'vectors.bin')}: not found`);
  }, 30_000);

  it('trains and answers without leaking tensors', async () => {
    await expectNoLeak(async () => {
      const b = await trainChatBot(TINY_CORPUS, { epochs: 2, ensemble: 2 });
      new ChatSession(b).reply('hello');
      b.evaluate([{ text: 'hi', label: 'greet' }]);
      b.dispose();
    }, 1);
    await expectNoLeak(() => {
      const s = new ChatSession(bot);
      for (const m of ['hello', 'run an experiment', 'planar', 'zqxj']) s.reply(m);
    });
  });
});

describe('ChatSession', () => {
  it('asks for a missing required slot, fills it from the next message and remembers it', () => {
    const s = new ChatSession(bot);
    expect(s.reply('I want to run an experiment')).toMatchObject({
      intent: 'experiment',
      answer: 'Which experiment?',
      missingSlot: 'experiment',
    });
    expect(s.reply('the flower one')).toMatchObject({
      intent: 'experiment',
      answer: 'Run dlkit dls planar.',
      slots: { experiment: 'planar' },
      entities: [{ entity: 'experiment', value: 'planar', text: 'flower', start: 4, end: 10 }],
    });
    // remembered for the next turn that needs it
    expect(s.reply('run an experiment').answer).toBe('Run dlkit dls planar.');
    expect(s.reply('run the optimisation experiment').answer).toBe('Run dlkit dls optimization.');
    s.reset();
    expect(s.reply('run an experiment').answer).toBe('Which experiment?');
  });

  it('answers a slot in the same message directly; another confident intent drops the question', () => {
    const s = new ChatSession(bot);
    expect(s.reply('run the planar experiment').answer).toBe('Run dlkit dls planar.');
    const t = new ChatSession(bot);
    expect(t.reply('show me an experiment').missingSlot).toBe('experiment');
    expect(t.reply('hello there').intent).toBe('greet');
  });

  it('gives the fallback below the threshold and for unknown words', () => {
    const s = new ChatSession(bot);
    expect(s.reply('zqxj wvvk')).toMatchObject({ intent: NO_INTENT, answer: 'Sorry?', confidence: 0 });
    const strict = new ChatSession(new ChatBot(bot.classifier, { ...TINY_CORPUS, threshold: 1 }));
    expect(strict.reply('hello').answer).toBe('Sorry?');
  });
});
