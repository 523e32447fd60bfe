// The Conv3D two-head network: shapes, and its gradients on wasm (core's corrected Conv3D /
// MaxPool3D backprop kernels) against the tfjs cpu backend's on the same weights and scenes.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectClose } from '@dlkit/core/testing';
import { generateVoxelScenes } from './scenes';
import { VOXEL_CLASS_NAMES } from './shapes';
import { predictVoxels, sceneBatch, voxelTrainStep } from './train-voxels';
import { expectNoLeak } from '@dlkit/core/testing';
import { voxelLoss } from './voxel-loss';
import { voxelNet } from './voxel-net';

beforeAll(async () => {
  await initBackend();
});

afterAll(async () => {
  await tf.setBackend('wasm');
});

const C = VOXEL_CLASS_NAMES.length;

describe('voxelNet', () => {
  it('maps [B, D, D, D, 1] to [B, C + 3] and validates its config', () => {
    const model = voxelNet({ size: 16, numClasses: C, seed: 1 });
    const y = tf.tidy(() => model.predict(tf.zeros([2, 16, 16, 16, 1])) as tf.Tensor);
    expect(y.shape).toEqual([2, C + 3]);
    y.dispose();
    model.dispose();
    expect(() => voxelNet({ size: 4, numClasses: C })).toThrow(/size must be an integer >= 8/);
    expect(() => voxelNet({ size: 16, numClasses: 1 })).toThrow(/numClasses/);
  });

  it('has the same loss gradients on wasm as on the cpu backend (Conv3D, MaxPool3D backprop)', async () => {
    const scenes = generateVoxelScenes(3, { seed: 5, size: 8, minRadius: 0.25, maxRadius: 0.35 });
    const model = voxelNet({ size: 8, numClasses: C, filters: [3, 4], denseUnits: 6, seed: 3 });
    const weights = model.getWeights().map((w) => ({ data: Array.from(w.dataSync()), shape: w.shape }));
    const { x, y } = sceneBatch(scenes, [0, 1, 2], C);
    const xs = { data: Array.from(x.dataSync()), shape: x.shape };
    const ys = { data: Array.from(y.dataSync()), shape: y.shape };
    tf.dispose([x, y]);
    const grads = async (backend: string) => {
      await tf.setBackend(backend);
      const m = voxelNet({ size: 8, numClasses: C, filters: [3, 4], denseUnits: 6, seed: 3 });
      const init = weights.map((w) => tf.tensor(w.data, w.shape));
      m.setWeights(init);
      tf.dispose(init);
      const vars = m.trainableWeights.map((w) => w.read() as tf.Variable);
      const out = tf.tidy(() => {
        const { grads: g } = tf.variableGrads(() => voxelLoss(tf.tensor(ys.data, ys.shape), m.apply(tf.tensor(xs.data, xs.shape), { training: true }) as tf.Tensor, { numClasses: C }), vars);
        return vars.map((v) => Array.from(g[v.name].dataSync()));
      });
      m.dispose();
      return out;
    };
    const onWasm = await grads('wasm');
    const onCpu = await grads('cpu');
    await tf.setBackend('wasm');
    expect(onWasm).toHaveLength(12); // 2 convs + 4 dense layers, kernel + bias each
    onWasm.forEach((g, i) => expectClose(g, onCpu[i], { atol: 1e-4, rtol: 1e-3, label: `grad ${model.trainableWeights[i].name}` }));
    model.dispose();
  });

  it('learns a tiny set of scenes (loss falls, accuracy far above chance) without leaking tensors per step', async () => {
    const scenes = generateVoxelScenes(40, { seed: 11 });
    const model = voxelNet({ size: 16, numClasses: C, seed: 2 });
    const optimizer = tf.train.adam(3e-3);
    const opts = { numClasses: C };
    const losses: number[] = [];
    for (let epoch = 0; epoch < 20; epoch++) {
      let sum = 0;
      for (let b = 0; b < 40; b += 10) {
        const loss = voxelTrainStep(model, optimizer, scenes, [...Array(10).keys()].map((i) => b + i), opts);
        sum += loss.dataSync()[0] / 4;
        loss.dispose();
      }
      losses.push(sum);
    }
    // Chance accuracy is 0.2; the thresholds leave a wide margin under what 20 epochs reach.
    expect(losses[19]).toBeLessThan(losses[0] / 3);
    const predictions = await predictVoxels(model, scenes);
    const accuracy = predictions.filter((p, n) => p.label === scenes.labels[n]).length / 40;
    expect(accuracy).toBeGreaterThan(0.35);
    await expectNoLeak(() => voxelTrainStep(model, optimizer, scenes, [0, 1, 2, 3], opts).dispose(), 2);
    await expectNoLeak(() => predictVoxels(model, scenes, 16), 1);
    optimizer.dispose();
    model.dispose();
  });
});
