import * as fs from 'fs';
import {
  corpusExamples,
  fillAnswer,
  helpDeskCorpusPath,
  helpDeskHeldOutPath,
  parseChatCorpus,
  parseHeldOut,
  readChatCorpus,
  readHeldOut,
  utteranceKey,
} from './chat-corpus';
import { messageWords } from './intent-features';
import { TINY_CORPUS } from './__fixtures__/tiny-corpus';

const intent = (name: string, extra: object = {}) => ({
  intent: name,
  utterances: [`${name} a`, `${name} b`],
  answers: ['ok'],
  ...extra,
});
const parse = (data: object) => parseChatCorpus(JSON.stringify(data), 'bot.json');

describe('parseChatCorpus', () => {
  it('reads the documented format with defaults, and an nlp.js corpus (data, entities with options)', () => {
    const c = parse({ intents: [intent('x'), intent('y')] });
    expect(c).toMatchObject({ locale: 'en', threshold: 0.5, entities: [] });
    expect(c.fallback).toMatch(/\S/);
    const nlpjs = parse({
      name: 'Corpus',
      locale: 'en-US',
      data: [intent('x'), intent('y')],
      entities: { hero: { options: { spiderman: ['spider-man', 'spidey'] } } },
    });
    expect(nlpjs.intents.map((i) => i.intent)).toEqual(['x', 'y']);
    expect(nlpjs.entities).toEqual([
      { name: 'hero', values: [{ value: 'spiderman', synonyms: ['spider-man', 'spidey'] }] },
    ]);
  });

  it.each([
    ['{', /^bot\.json: not valid JSON/],
    ['[]', /^bot\.json: expected a JSON object/],
    ['{}', /^bot\.json: no intents/],
    ['{"intents": []}', /^bot\.json: no intents/],
  ])('refuses %s naming the file', (content, message) => {
    expect(() => parseChatCorpus(content, 'bot.json')).toThrow(message);
  });

  it('names the file and the intent or field of each bad input', () => {
    const cases: [object, string][] = [
      [{ intents: [intent('x', { utterances: [] }), intent('y')] }, 'bot.json: intent "x" has no utterances'],
      [
        { intents: [intent('x', { utterances: ['ok', ' '] }), intent('y')] },
        'bot.json: intent "x" utterances[1] is empty',
      ],
      [{ intents: [intent('x', { answers: [] }), intent('y')] }, 'bot.json: intent "x" has no answers'],
      [{ intents: [intent('x')] }, 'bot.json: need at least 2 intents to classify, got 1'],
      [{ intents: [intent('x'), intent('x')] }, 'bot.json: intent "x" is defined twice'],
      [{ intents: [{ utterances: ['a'] }, intent('y')] }, 'bot.json: intents[0] has no "intent" name'],
      [
        { intents: [intent('x', { slots: [{ entity: 'city', required: true, prompt: '?' }] }), intent('y')] },
        'bot.json: intent "x" slot "city" names no entity of "entities"',
      ],
      [
        { intents: [intent('x', { answers: ['go to {{city}}'] }), intent('y')] },
        'bot.json: intent "x": answer "go to {{city}}" uses {{city}}, which is not one of its slots',
      ],
      [
        { intents: [intent('x', { utterances: ['Hello!'] }), intent('y', { utterances: ['hello'] })] },
        'bot.json: intent "y" utterance "hello" is also an utterance of intent "x"',
      ],
      [
        { threshold: 2, intents: [intent('x'), intent('y')] },
        'bot.json: "threshold" must be a number in [0, 1], got 2',
      ],
      [{ locale: 'fr', intents: [intent('x'), intent('y')] }, 'bot.json: locale "fr" is not supported (only "en")'],
      [
        { entities: [{ name: 'e', values: [] }], intents: [intent('x'), intent('y')] },
        'bot.json: entity "e" has no values',
      ],
    ];
    for (const [data, message] of cases) expect(() => parse(data)).toThrow(message);
  });

  it('fills {{slot}} placeholders and leaves unknown ones', () => {
    expect(fillAnswer('run {{ experiment }} then {{other}}', { experiment: 'init' })).toBe('run init then {{other}}');
  });

  it('names a missing file', () => {
    expect(() => readChatCorpus('/nonexistent/bot.json')).toThrow('/nonexistent/bot.json: cannot read (ENOENT)');
  });
});

describe('parseHeldOut', () => {
  it('refuses unknown intents and utterances that are training utterances after normalisation', () => {
    const held = (utterances: string[], name = 'greet') => JSON.stringify({ intents: [{ intent: name, utterances }] });
    expect(parseHeldOut(held(['howdy']), 'h.json', TINY_CORPUS)).toEqual([{ text: 'howdy', label: 'greet' }]);
    expect(() => parseHeldOut(held(['Hello, bot!']), 'h.json', TINY_CORPUS)).toThrow(
      'h.json: intent "greet" utterance "Hello, bot!" is a training utterance of "greet"',
    );
    expect(() => parseHeldOut(held(['x'], 'nope'), 'h.json', TINY_CORPUS)).toThrow(
      'h.json: intent "nope" is not an intent of the corpus "tiny"',
    );
    expect(() => parseHeldOut(held([]), 'h.json', TINY_CORPUS)).toThrow('h.json: intent "greet" has no utterances');
  });
});

describe('the shipped help desk', () => {
  const corpus = readChatCorpus(helpDeskCorpusPath());
  const heldOut = readHeldOut(helpDeskHeldOutPath(), corpus);

  it('has at least 25 intents of at least 10 utterances, and at least 5 held-out paraphrases per intent', () => {
    expect(corpus.intents.length).toBeGreaterThanOrEqual(25);
    for (const i of corpus.intents) expect([i.intent, i.utterances.length >= 10]).toEqual([i.intent, true]);
    for (const i of corpus.intents)
      expect([i.intent, heldOut.filter((r) => r.label === i.intent).length >= 5]).toEqual([i.intent, true]);
    expect(fs.readFileSync(helpDeskHeldOutPath(), 'utf8')).not.toContain('"answers"');
  });

  it("held-out paraphrases are not training utterances, nor near-copies of their intent's (word-set Jaccard < 0.7)", () => {
    const training = new Set(corpusExamples(corpus).map((r) => utteranceKey(r.text)));
    for (const r of heldOut) expect(training.has(utteranceKey(r.text))).toBe(false);
    const words = (t: string) => new Set(messageWords(t));
    const jaccard = (a: Set<string>, b: Set<string>) =>
      [...a].filter((w) => b.has(w)).length / new Set([...a, ...b]).size;
    const nearCopies = heldOut.flatMap((h) =>
      corpus.intents
        .find((i) => i.intent === h.label)!
        .utterances.filter((u) => jaccard(words(u), words(h.text)) >= 0.7)
        .map((u) => `${h.text} ~ ${u}`),
    );
    expect(nearCopies).toEqual([]);
  });
});
