// Training and generation end to end on a small folder of corpus tunes with a tiny LSTM:
// seeded, leak-free, saved and loaded, and the written files read back.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readImageInfo } from '@dlkit/core';
import * as tf from '@tensorflow/tfjs';
import { expectNoLeak } from '@dlkit/core/testing';
import { TUNES, tuneMelody } from './corpus';
import { melodySteps } from './events';
import { generateMelody, loadMusicModel, runMusicGenerate } from './generate';
import { melodyToMidi, readMidiFile } from './midi';
import { disposeMusicModel } from './model';
import { tokenWindows, trainMusicModel } from './train';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-music-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const midiDir = path.join(tmp, 'midi');
fs.mkdirSync(midiDir);
for (const id of ['ode-to-joy', 'twinkle-twinkle', 'frere-jacques', 'hot-cross-buns']) {
  fs.writeFileSync(path.join(midiDir, `${id}.mid`), melodyToMidi(tuneMelody(TUNES.find((t) => t.id === id)!)));
}
fs.writeFileSync(path.join(midiDir, 'broken.mid'), 'not midi');
const tiny = { midiDir, epochs: 2, units: 16, embeddingDim: 8, seqLength: 16, stride: 4, seed: 3 };

describe('tokenWindows', () => {
  it('pairs each window with the next tokens', () => {
    expect(tokenWindows([1, 2, 3, 4, 5, 6], 3, 2)).toEqual({
      xs: [
        [1, 2, 3],
        [3, 4, 5],
      ],
      ys: [
        [2, 3, 4],
        [4, 5, 6],
      ],
    });
    expect(() => tokenWindows([1, 2], 3, 1)).toThrow(/too few for one window/);
  });
});

describe('trainMusicModel + generate', () => {
  const out = path.join(tmp, 'run');
  const losses: number[] = [];
  // The model the generation tests read: its own run, so each test can run alone.
  const trained = path.join(tmp, 'trained');
  // Slow (~0.5-2 s): a tiny 2-epoch training run.
  beforeAll(async () => {
    await trainMusicModel({ ...tiny, outDir: trained });
  }, 30_000);

  it('trains on a MIDI folder, skipping and reporting the bad file, seeded and without leaking tensors', async () => {
    const skipped: string[] = [];
    await expectNoLeak(async () => {
      const r = await trainMusicModel({ ...tiny, outDir: out, onSkip: (file) => skipped.push(path.basename(file)) });
      losses.push(r.loss);
      expect(r).toMatchObject({ task: 'music-train', melodies: 4, epochs: 2, model: path.join(out, 'model') });
      expect(r.skipped).toEqual([
        {
          file: path.join(midiDir, 'broken.mid'),
          error: expect.stringMatching(/broken\.mid: not a readable MIDI file/),
        },
      ]);
      expect(r.loss).toBeLessThan(Math.log(r.vocabSize)); // it learned something in 2 epochs
    }, 1);
    expect(skipped).toEqual(['broken.mid', 'broken.mid']);
    expect(losses[1]).toBe(losses[0]); // same seed, same run
    const meta = JSON.parse(fs.readFileSync(path.join(out, 'model', 'music.json'), 'utf8'));
    expect(meta.vocab.tokens[0]).toBe('<s>');
    expect(meta.corpusPitchClasses.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
    expect(meta.config).toEqual({
      vocabSize: meta.vocab.tokens.length,
      embeddingDim: 8,
      units: 16,
      seqLength: 16,
      dropout: 0.4,
    });
  });

  it('generates the same melody for the same seed, exactly N bars long, without leaking tensors', async () => {
    const m = await loadMusicModel(trained); // the training output folder works as well as its model/
    try {
      const a = generateMelody(m, { bars: 3, seed: 5, temperature: 1 });
      expect(generateMelody(m, { bars: 3, seed: 5, temperature: 1 })).toEqual(a);
      expect(generateMelody(m, { bars: 3, seed: 6, temperature: 1 }).events).not.toEqual(a.events);
      expect(melodySteps(a.events)).toBe(48);
      await expectNoLeak(() => generateMelody(m, { bars: 2, seed: 1 }), 2);
      expect(() => generateMelody(m, { bars: 0 })).toThrow(/bars must be a positive integer/);
      expect(() => generateMelody(m, { temperature: -1 })).toThrow(/temperature/);
    } finally {
      disposeMusicModel(m.model);
    }
  });

  it('writes MIDI (reading back as the generated notes), WAV and piano roll, with the KL numbers', async () => {
    const before = tf.memory().numTensors;
    const file = path.join(tmp, 'gen', 'tune.mid');
    const r = await runMusicGenerate({
      model: path.join(trained, 'model'),
      out: file,
      bars: 4,
      seed: 2,
      wav: true,
      pianoRoll: true,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(r).toMatchObject({
      task: 'music',
      midi: file,
      wav: path.join(tmp, 'gen', 'tune.wav'),
      pianoRoll: path.join(tmp, 'gen', 'tune.png'),
    });
    const back = readMidiFile(file);
    expect(back.events.filter((e) => e.pitch !== null)).toHaveLength(r.notes);
    expect(r.pitchClassKl).toBeGreaterThanOrEqual(0);
    expect(r.randomBaselineKl).toBeGreaterThan(0);
    expect(fs.statSync(r.wav!).size).toBeGreaterThan(44);
    const png = await readImageInfo(r.pianoRoll!);
    expect([png.format, png.width, png.height]).toEqual(['png', 960, 520]);
  });

  it('names a missing or wrong model directory', async () => {
    await expect(loadMusicModel(path.join(tmp, 'nope'))).rejects.toThrow(/model directory .*nope not found/);
    await expect(loadMusicModel(midiDir)).rejects.toThrow(/is not a music model directory: music\.json not found/);
  });
});
