/**
 * The in-graph layers against the fft.js features (float64) on the project backend (wasm), and their
 * ONNX exports against tfjs through onnxruntime, on a batch of two signals: the fixed reference
 * signal of the feature specs and the same signal at a tenth of the level with a different tone.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend, onnxParity } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import reference from '../features/__fixtures__/feature-reference.json';
import { logMelSpectrogram } from '../features/mel-spectrogram';
import { mfcc } from '../features/mfcc';
import { spectrogram } from '../features/spectrogram';
import { LogMelLayer } from './log-mel-layer';
import { MfccLayer } from './mfcc-layer';
import { AUDIO_ONNX_EXPORTERS } from './onnx-exporters';
import { StftLayer } from './stft-layer';

beforeAll(() => initBackend());

const N = reference.signal.length; // 3200 samples, 0.2 s at 16 kHz
const signals = [
  Float32Array.from(reference.signal),
  Float32Array.from(reference.signal, (v, i) => 0.1 * v + 0.05 * Math.sin((2 * Math.PI * 3000 * i) / 16000)),
];
const common = { nFft: 512, hop: 160, sampleRate: 16000, nMels: 40 } as const;

function modelOf(layer: tf.layers.Layer): tf.LayersModel {
  const input = tf.input({ shape: [N], name: 'audio' });
  return tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
}

/**
 * max |a − b| / max |b|, per example: errors relative to the scale of the feature matrix. The graph
 * computes the DFT in float32 (a MatMul over nFft products), so its absolute error is ~1e-7 of the
 * frame's energy; a bin 80 dB below the loudest one carries that same absolute error, so an
 * elementwise relative bound would measure float32 rounding, not the layer (the fixture specs
 * check the float64 features elementwise).
 */
function maxRelativeError(actual: tf.Tensor, expected: Float32Array[][]): number {
  const a = actual.arraySync() as number[][][];
  expect(actual.shape).toEqual([expected.length, expected[0].length, expected[0][0].length]);
  let worst = 0;
  expected.forEach((e, b) => {
    const scale = Math.max(...e.flatMap((r) => Array.from(r, Math.abs)));
    e.forEach((row, t) => row.forEach((v, k) => (worst = Math.max(worst, Math.abs(a[b][t][k] - v) / scale))));
  });
  return worst;
}

const batch = () => tf.tensor2d(signals.map((s) => Array.from(s)));

describe.each([
  [
    'StftLayer (power)',
    () => new StftLayer({ nFft: 512, hop: 160 }),
    (s: Float32Array) => spectrogram(s, { nFft: 512, hop: 160 }),
  ],
  [
    'StftLayer (magnitude, reflect, hamming, 400)',
    () => new StftLayer({ nFft: 400, hop: 160, power: 1, padMode: 'reflect', window: 'hamming' }),
    (s: Float32Array) => spectrogram(s, { nFft: 400, hop: 160, power: 1, padMode: 'reflect', window: 'hamming' }),
  ],
  ['LogMelLayer', () => new LogMelLayer(common), (s: Float32Array) => logMelSpectrogram(s, common)],
  [
    'LogMelLayer (htk, no norm, ref 0.01, no topDb)',
    () => new LogMelLayer({ ...common, melScale: 'htk', norm: null, ref: 0.01, topDb: null }),
    (s: Float32Array) => logMelSpectrogram(s, { ...common, melScale: 'htk', norm: null, ref: 0.01, topDb: null }),
  ],
  ['MfccLayer', () => new MfccLayer({ ...common, nMfcc: 13 }), (s: Float32Array) => mfcc(s, { ...common, nMfcc: 13 })],
] as const)('%s', (_name, makeLayer, features) => {
  it('equals the fft.js features within 1e-4 relative, without leaking tensors', async () => {
    const model = modelOf(makeLayer());
    const x = batch();
    try {
      const y = model.predict(x) as tf.Tensor;
      expect(maxRelativeError(y, signals.map(features))).toBeLessThan(1e-4);
      y.dispose();
      await expectNoLeak(() => tf.dispose(model.predict(x)));
    } finally {
      x.dispose();
      model.dispose();
    }
  });

  it('exports to ONNX with AUDIO_ONNX_EXPORTERS; onnxruntime matches tfjs within 1e-4 relative', async () => {
    const model = modelOf(makeLayer());
    const x = batch();
    try {
      const scale = tf.tidy(() => tf.max(tf.abs(model.predict(x) as tf.Tensor)).dataSync()[0]);
      const { maxAbsDiff } = await onnxParity(model, x, { exporters: AUDIO_ONNX_EXPORTERS });
      expect(maxAbsDiff / scale).toBeLessThan(1e-4);
    } finally {
      x.dispose();
      model.dispose();
    }
  });
});

describe('serialisation and errors', () => {
  it('a model with the layers round-trips through its JSON config', async () => {
    const input = tf.input({ shape: [N] });
    const logMel = new LogMelLayer({ ...common, fMin: 20 }).apply(input) as tf.SymbolicTensor;
    const model = tf.model({
      inputs: input,
      outputs: [
        logMel,
        new MfccLayer(common).apply(input) as tf.SymbolicTensor,
        new StftLayer({ power: 1 }).apply(input) as tf.SymbolicTensor,
      ],
    });
    const copy = await tf.models.modelFromJSON({
      modelTopology: model.toJSON(undefined, false) as tf.io.ModelJSON['modelTopology'],
    });
    const x = batch();
    try {
      const [a, b] = [model.predict(x) as tf.Tensor[], copy.predict(x) as tf.Tensor[]];
      a.forEach((t, i) => expect(tf.max(tf.abs(tf.sub(t, b[i]))).dataSync()[0]).toBe(0));
      tf.dispose([a, b]);
    } finally {
      x.dispose();
      model.dispose();
      copy.dispose();
    }
  });

  it('needs a fixed number of samples and valid settings, named in the message', () => {
    const input = tf.input({ batchShape: [null, null] });
    expect(() => new LogMelLayer({ sampleRate: 16000 }).apply(input)).toThrow(
      /expected input \[batch, samples\] with a fixed number of samples, got \[,\]/,
    );
    expect(() => new StftLayer({ nFft: 1 })).toThrow('StftLayer: nFft should be an integer >= 2, got 1');
    expect(() => new LogMelLayer({ sampleRate: 16000, fMax: 9000 })).toThrow('need 0 <= fMin < fMax <= sampleRate / 2');
    expect(() => new MfccLayer({ sampleRate: 16000, nMels: 10, nMfcc: 20 })).toThrow(
      'DCT coefficients should be 1..10, got 20',
    );
  });
});
