import * as tf from '@tensorflow/tfjs';
import { initBackend, onnxParity } from '@dlkit/core';
import { TRANSFORMER_ONNX_EXPORTERS } from './onnx-exporters';
import { SeededDropout } from './seeded-dropout';
import { TransformerEncoderLayer } from './transformer-encoder-layer';

beforeAll(() => initBackend());

const ones = () => tf.ones([4, 50]);
const masks = (layer: tf.layers.Layer, n: number) =>
  tf.tidy(() =>
    Array.from({ length: n }, () => (layer.apply(ones(), { training: true }) as tf.Tensor).arraySync() as number[][]),
  );

describe('SeededDropout', () => {
  it('drops about `rate` of the units, scales the rest by 1 / (1 - rate), and is the identity at inference', () => {
    const [m] = masks(new SeededDropout({ rate: 0.25, seed: 3 }), 1);
    const flat = m.flat();
    const kept = flat.filter((v) => v !== 0);
    expect(kept.every((v) => Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
    expect(Math.abs(1 - kept.length / flat.length - 0.25)).toBeLessThan(0.08);
    const inference = tf.tidy(() =>
      (new SeededDropout({ rate: 0.25, seed: 3 }).apply(ones()) as tf.Tensor).arraySync(),
    );
    expect(inference).toEqual(tf.tidy(() => ones().arraySync()));
  });

  it('a new mask at every call, the same sequence of masks for the same seed, another for another seed', () => {
    const a = masks(new SeededDropout({ rate: 0.5, seed: 3 }), 3);
    expect(a[0]).not.toEqual(a[1]);
    expect(a[1]).not.toEqual(a[2]);
    expect(masks(new SeededDropout({ rate: 0.5, seed: 3 }), 3)).toEqual(a);
    expect(masks(new SeededDropout({ rate: 0.5, seed: 4 }), 1)[0]).not.toEqual(a[0]);
    expect(() => new SeededDropout({ rate: 1 })).toThrow(/rate must be in \[0, 1\)/);
  });

  it('seeds the dropout inside a seeded encoder layer: two runs of the same layer config train alike', () => {
    const run = () => {
      const layer = new TransformerEncoderLayer({ numHeads: 2, dff: 16, dropout: 0.3, seed: 5 });
      return tf.tidy(() => {
        const x = tf.randomNormal([2, 5, 8], 0, 1, 'float32', 1);
        return [1, 2].map(() => (layer.apply(x, { training: true }) as tf.Tensor).arraySync());
      });
    };
    const [first, second] = run();
    expect(first).not.toEqual(second);
    expect(run()).toEqual([first, second]);
  });

  it('exports to ONNX as the identity', async () => {
    const x = tf.input({ shape: [null, 6] });
    const y = new SeededDropout({ rate: 0.4, seed: 1 }).apply(tf.layers.dense({ units: 6 }).apply(x));
    const model = tf.model({ inputs: x, outputs: y as tf.SymbolicTensor });
    const input = tf.randomNormal([2, 3, 6], 0, 1, 'float32', 2);
    try {
      const parity = await onnxParity(model, input, { exporters: TRANSFORMER_ONNX_EXPORTERS });
      expect(parity.maxAbsDiff).toBeLessThanOrEqual(1e-5);
    } finally {
      input.dispose();
      model.dispose();
    }
  });
});
