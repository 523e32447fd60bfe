import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, onnxParity } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { AUDIO_ONNX_EXPORTERS } from '../graph/onnx-exporters';
import { writeWav } from '../io/write-wav';
import { sineWave } from '../signals/test-signals';
import { ClipGenerator } from '../speech/clip-generator';
import type { SpeechSynthesizer } from '../speech/speech-synthesizer';
import { ClipDataset } from './clip-dataset';
import { generateKeywordClips } from './keyword-clips';
import { loadKeywordFolder } from './keyword-folder';
import { KEYWORD_LABELS } from './keyword-labels';
import { buildKeywordModel } from './keyword-model';
import { accuracyOfConfusion, keywordConfusion } from './train-keywords';

/** A fake engine at 16 kHz: a 0.3 s tone per word (no GPL code in audio's tests). */
const tones: SpeechSynthesizer = {
  id: 'tones@1',
  speak: (text, v) => ({
    sampleRate: 16000,
    samples: sineWave(200 + 20 * text.length + (v.pitch ?? 50), 0.3, 16000, 0.5),
  }),
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-keywords-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => initBackend());

describe('keyword data', () => {
  // Slow (~3-10 s): 24 clips, each resampled twice (speed perturbation) with a 64-tap sinc.
  it('generates a balanced, seeded set with unknown words and silence', async () => {
    const gen = new ClipGenerator(tones, { noise: ['white'] });
    const voices = [{ voice: 'a' }, { voice: 'b', variant: 'f1' }];
    const set = await generateKeywordClips(gen, voices, { perLabel: 1, seed: 4 });
    expect(set.clips).toHaveLength(KEYWORD_LABELS.length);
    expect(Array.from(set.labels)).toEqual(KEYWORD_LABELS.map((_, i) => i));
    expect(set.sources.slice(0, 2)).toEqual(['yes@b+f1', 'no@a']);
    expect(set.sources[set.sources.length - 1]).toBe('silence');
    expect((await generateKeywordClips(gen, voices, { perLabel: 1, seed: 4 })).clips.slice(0, 3)).toEqual(
      set.clips.slice(0, 3),
    );
  }, 30_000);

  it('reads a Speech Commands style folder and names a bad file', () => {
    const dir = path.join(tmp, 'folder');
    for (const [label, n] of [
      ['yes', 4],
      ['dog', 2],
      ['_background_noise_', 1],
    ] as const) {
      fs.mkdirSync(path.join(dir, label), { recursive: true });
      for (let i = 0; i < n; i++)
        writeWav(path.join(dir, label, `${i}.wav`), { sampleRate: 8000, channels: [sineWave(300, 1.5, 8000, 0.2)] });
    }
    const sets = loadKeywordFolder(dir, {
      sampleRate: 16000,
      length: 16000,
      seed: 1,
      validationFraction: 0.25,
      testFraction: 0.25,
    });
    const all = [sets.train, sets.validation, sets.test];
    expect(all.map((s) => s.clips.length).reduce((a, b) => a + b)).toBe(7);
    expect(all.flatMap((s) => Array.from(s.labels)).sort((a, b) => a - b)).toEqual([0, 0, 0, 0, 10, 10, 11]);
    expect(sets.test.clips[0]).toHaveLength(16000);
    fs.writeFileSync(path.join(dir, 'yes', 'bad.wav'), 'hello');
    expect(() =>
      loadKeywordFolder(dir, { sampleRate: 16000, length: 16000, seed: 1, validationFraction: 0, testFraction: 0 }),
    ).toThrow(`${path.join(dir, 'yes', 'bad.wav')}: not a WAV file`);
    expect(() =>
      loadKeywordFolder(path.join(tmp, 'none'), {
        sampleRate: 16000,
        length: 16000,
        seed: 1,
        validationFraction: 0,
        testFraction: 0,
      }),
    ).toThrow('not a directory, expected one folder of WAV clips per label');
  });
});

describe('keyword model', () => {
  // Slow (~3-8 s): builds the log-mel CNN and exports it (1.5 MB of DFT constants) to onnxruntime.
  it('maps raw audio to class probabilities, exports to ONNX with its features, and leaks nothing', async () => {
    await expectNoLeak(async () => {
      const model = buildKeywordModel({ sampleRate: 16000, clipSeconds: 1, classes: 12, width: 4 });
      const x = tf.randomNormal([2, 16000], 0, 0.1, 'float32', 1);
      const { maxAbsDiff } = await onnxParity(model, x, { exporters: AUDIO_ONNX_EXPORTERS });
      expect(maxAbsDiff).toBeLessThan(1e-4);
      const data = new ClipDataset(
        { clips: [sineWave(440, 1, 16000), sineWave(880, 1, 16000)], labels: Int32Array.from([0, 11]), sources: [] },
        12,
      );
      const matrix = keywordConfusion(model, data);
      expect(matrix.flat().reduce((a, b) => a + b)).toBe(2);
      expect(
        accuracyOfConfusion([
          [3, 1],
          [0, 4],
        ]),
      ).toBe(7 / 8);
      tf.dispose(x);
      model.dispose();
    });
  }, 30_000);
});
