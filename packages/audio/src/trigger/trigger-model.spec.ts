// The model, its training loop's tensors, its ONNX export and the detector that serves it, on a
// 1 s geometry (101 frames, 29 steps) with a tiny model; and WAV folders as a data source.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { exportToOnnx, initBackend, onnxParity, Rng, Trainer } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { readWav } from '../io/read-wav';
import { writeWav } from '../io/write-wav';
import { sineWave } from '../signals/test-signals';
import { rms } from '../speech/noise';
import { TriggerDataset } from './trigger-dataset';
import { TRIGGER_MODEL_FILES, TriggerDetector } from './trigger-detector';
import { triggerFeatures } from './trigger-features';
import { stepTime, TRIGGER_GEOMETRY, triggerGeometry } from './trigger-geometry';
import { triggerLabels } from './trigger-labels';
import { buildTriggerModel, triggerCurves } from './trigger-model';
import { folderTriggerSource, listWavFiles } from './trigger-sources';

const g = triggerGeometry({ ...TRIGGER_GEOMETRY, clipSeconds: 1 });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-trigger-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
beforeAll(() => initBackend());

/** A clip with a tone burst ending at `end` seconds. */
function clip(end: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const x = Float32Array.from({ length: g.samples }, () => 0.01 * rng.normal());
  const tone = sineWave(600 + 50 * seed, 0.3, g.sampleRate, 0.3);
  x.set(tone, Math.round((end - 0.3) * g.sampleRate));
  return x;
}

describe('trigger model', () => {
  let model: tf.LayersModel;
  afterAll(() => model?.dispose());

  // Slow (~3-8 s): builds two GRU models, trains three tiny epochs and exports to onnxruntime.
  it('maps log-mel frames to one probability per step, trains without leaking, and exports to ONNX', async () => {
    expect([g.frames, g.steps]).toEqual([101, 29]);
    model = buildTriggerModel(g, { filters: 4, units: 4 });
    expect(model.outputs[0].shape).toEqual([null, 29, 1]);
    const set = {
      features: [0.4, 0.6, 0.5, 0.7].map((end, i) => triggerFeatures(clip(end, i + 1), g)),
      labels: [0.4, 0.6, 0.5, 0.7].map((end) => triggerLabels([end], g)),
      triggerEnds: [[0.4], [0.6], [0.5], [0.7]],
    };
    const counts: number[] = [];
    const trainer = new Trainer(model, {
      epochs: 3,
      batchSize: 2,
      loss: 'binaryCrossentropy',
      progress: false,
      onEpochEnd: () => counts.push(tf.memory().numTensors),
    });
    const history = await trainer.fit(new TriggerDataset(set, g));
    trainer.dispose();
    expect(history.length).toBe(3);
    expect(counts[2]).toBe(counts[1]); // stable across epochs: every step's tensors are freed
    await expectNoLeak(() => triggerCurves(model, set.features, g, 3));
    const curves = triggerCurves(model, set.features, g, 3);
    expect(curves.map((c) => c.length)).toEqual([29, 29, 29, 29]);
    const x = tf.tensor3d(Float32Array.from(set.features.flatMap((f) => Array.from(f))), [4, g.frames, g.nMels]);
    const { maxAbsDiff } = await onnxParity(model, x);
    expect(maxAbsDiff).toBeLessThan(1e-4);
    x.dispose();
    fs.writeFileSync(path.join(tmp, TRIGGER_MODEL_FILES.onnx), exportToOnnx(model));
    fs.writeFileSync(
      path.join(tmp, TRIGGER_MODEL_FILES.config),
      JSON.stringify({
        word: 'activate',
        geometry: { ...TRIGGER_GEOMETRY, clipSeconds: 1 },
        threshold: 0.5,
        minGapSeconds: 0.3,
      }),
    );
  }, 60_000);

  it('serves any length through half-overlapping windows, with the tfjs curve in the first window', async () => {
    const detector = await TriggerDetector.load(tmp);
    const x = new Float32Array(Math.round(2.5 * g.sampleRate));
    x.set(clip(0.6, 1), 0);
    x.set(clip(0.6, 2), g.samples);
    const { times, probs } = await detector.curve(x);
    // windows every 14 steps (0.42 s): the first gives steps 0-28, the next ones their last 14 steps
    expect(times[0]).toBeCloseTo(stepTime(g, 0), 9);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeCloseTo(0.03, 9);
    expect(times[times.length - 1]).toBeLessThanOrEqual(2.5);
    expect(times[times.length - 1]).toBeGreaterThan(2.5 - 0.03);
    expect(probs.every((p) => p >= 0 && p <= 1)).toBe(true);
    // the first window is the first second as one clip: onnxruntime's curve equals the trained tfjs model's
    const [expected] = triggerCurves(model, [triggerFeatures(x.subarray(0, g.samples), g)], g);
    expected.forEach((p, i) => expect(Math.abs(probs[i] - p)).toBeLessThan(1e-4));
    await detector.dispose();
    await expect(TriggerDetector.load(path.join(tmp, 'nothing'))).rejects.toThrow(
      'no trigger.json, expected a model directory',
    );
  }, 30_000);

  it('writes the chimed file at the input rate and channels, and the picture; names a bad file', async () => {
    const detector = await TriggerDetector.load(tmp);
    const input = path.join(tmp, 'stereo.wav');
    const tone = sineWave(500, 1.5, 22050, 0.2);
    writeWav(input, { sampleRate: 22050, channels: [tone, tone] });
    const files = { out: path.join(tmp, 'chimed.wav'), plot: path.join(tmp, 'chimed.png') };
    const r = await detector.detectFile(input, files, 0.01); // every step is a detection: a chime at least
    expect(r.detections.length).toBeGreaterThan(0);
    expect(r.detections[0]).toEqual({ time: expect.any(Number), score: expect.any(Number) });
    const out = readWav(files.out);
    expect([out.sampleRate, out.channels.length, out.channels[0].length]).toEqual([22050, 2, tone.length]);
    expect(rms(out.channels[0])).toBeGreaterThan(rms(tone)); // the chime was added
    expect(fs.readFileSync(files.plot).subarray(1, 4).toString()).toBe('PNG');
    const bad = path.join(tmp, 'bad.wav');
    fs.writeFileSync(bad, 'not audio');
    await expect(detector.detectFile(bad, files)).rejects.toThrow(`${bad}: not a WAV file`);
    await detector.dispose();
  }, 30_000);
});

describe('folderTriggerSource', () => {
  it('reads WAV folders at any rate, trims words and draws unit-RMS background excerpts', async () => {
    const dir = path.join(tmp, 'data');
    fs.mkdirSync(path.join(dir, 'pos'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
    const padded = new Float32Array(8000);
    padded.set(sineWave(400, 0.25, 8000, 0.5), 2000); // 0.25 s of tone in 1 s at 8 kHz
    writeWav(path.join(dir, 'pos', 'a.wav'), { sampleRate: 8000, channels: [padded, padded] });
    writeWav(path.join(dir, 'bg.wav'), { sampleRate: 16000, channels: [sineWave(100, 0.3, 16000, 0.01)] });
    const files = {
      positives: listWavFiles(path.join(dir, 'pos'), 'clips'),
      negatives: [],
      background: [path.join(dir, 'bg.wav')],
    };
    const source = folderTriggerSource(files, 16000);
    const word = await source.positive(new Rng(1));
    expect(Math.abs(word.length - 0.25 * 16000)).toBeLessThanOrEqual(320); // trimmed to 10 ms frames
    const bg = await source.background(new Rng(2), 16000);
    expect(bg).toHaveLength(16000); // 0.3 s tiled to 1 s
    expect(rms(bg)).toBeCloseTo(1, 4);
    expect(() => listWavFiles(path.join(dir, 'empty'), 'WAV clips of the trigger word')).toThrow(
      `${path.join(dir, 'empty')}: no .wav files, expected a folder of WAV clips of the trigger word`,
    );
    expect(() => listWavFiles(path.join(dir, 'bg.wav'), 'clips')).toThrow('bg.wav: not a directory');
  });
});
