import * as tf from '@tensorflow/tfjs';
import { initBackend, onnxParity } from '@dlkit/core';
import { LayerNorm } from './layer-norm-layer';
import { TRANSFORMER_ONNX_EXPORTERS } from './onnx-exporters';

beforeAll(() => initBackend());

describe('LayerNorm', () => {
  it("equals tfjs's layerNormalization, and its gradient is a handful of kernels (no per-row Tile loop)", async () => {
    const x = tf.randomNormal([4, 16, 8], 0, 2, 'float32', 1); // [B, T, D]
    const ours = new LayerNorm({ epsilon: 1e-5 });
    const theirs = tf.layers.layerNormalization({ epsilon: 1e-5 });
    ours.apply(x);
    theirs.apply(x);
    const gamma = tf.randomNormal([8], 1, 0.3, 'float32', 2);
    const beta = tf.randomNormal([8], 0, 0.3, 'float32', 3);
    ours.setWeights([gamma, beta]);
    theirs.setWeights([gamma, beta]);
    const before = tf.memory().numTensors;
    const diff = tf.tidy(
      () => tf.max(tf.abs(tf.sub(ours.apply(x) as tf.Tensor, theirs.apply(x) as tf.Tensor))).dataSync()[0],
    );
    expect(diff).toBeLessThan(1e-5);
    const slices = async (layer: tf.layers.Layer) => {
      const profile = await tf.profile(() => {
        tf.tidy(() => {
          tf.variableGrads(() => tf.sum(layer.apply(x) as tf.Tensor));
        });
      });
      return profile.kernels.filter((k) => k.name === 'Slice').length;
    };
    expect(await slices(ours)).toBe(0);
    expect(await slices(theirs)).toBeGreaterThanOrEqual(4 * 16); // γ and β: one per (b, t) row, Tile's gradient loop
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, gamma, beta]);
  });

  it('exports to ONNX LayerNormalization, equal to tfjs within 1e-4', async () => {
    const input = tf.input({ shape: [null, 8] });
    const model = tf.model({
      inputs: input,
      outputs: new LayerNorm({ epsilon: 1e-12 }).apply(input) as tf.SymbolicTensor,
    });
    const x = tf.randomNormal([2, 5, 8], 0, 1, 'float32', 4);
    expect((await onnxParity(model, x, { exporters: TRANSFORMER_ONNX_EXPORTERS })).maxAbsDiff).toBeLessThan(1e-4);
    x.dispose();
    model.dispose();
  });

  it('rejects a non-positive epsilon', () => {
    expect(() => new LayerNorm({ epsilon: 0 })).toThrow(/epsilon must be > 0/);
  });
});
