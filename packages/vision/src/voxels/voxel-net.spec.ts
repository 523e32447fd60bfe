// The Conv3D two-head network: shapes, and its gradients on wasm (core's corrected Conv3D /
// MaxPool3D backprop kernels) against the tfjs cpu backend's on the same weights and scenes.
// That it learns: voxel-net.e2e.spec.ts.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectClose, expectNoLeak } from '@dlkit/core/testing';
import { generateVoxelScenes } from './scenes';
import { VOXEL_CLASS_NAMES } from './shapes';
import { predictVoxels, sceneBatch, voxelTrainStep } from './train-voxels';
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
        const { grads: g } = tf.variableGrads(
          () =>
            voxelLoss(
              tf.tensor(ys.data, ys.shape),
              m.apply(tf.tensor(xs.data, xs.shape), { training: true }) as tf.Tensor,
              { numClasses: C },
            ),
          vars,
        );
        return vars.map((v) => Array.from(g[v.name].dataSync()));
      });
      m.dispose();
      return out;
    };
    const onWasm = await grads('wasm');
    const onCpu = await grads('cpu');
    await tf.setBackend('wasm');
    expect(onWasm).toHaveLength(12); // 2 convs + 4 dense layers, kernel + bias each
    onWasm.forEach((g, i) =>
      expectClose(g, onCpu[i], { atol: 1e-4, rtol: 1e-3, label: `grad ${model.trainableWeights[i].name}` }),
    );
    model.dispose();
  });

  it('one training step and prediction leak no tensors (a tiny 8^3 net)', async () => {
    const scenes = generateVoxelScenes(4, { seed: 7, size: 8, minRadius: 0.25, maxRadius: 0.35 });
    const model = voxelNet({ size: 8, numClasses: C, filters: [3, 4], denseUnits: 6, seed: 1 });
    const optimizer = tf.train.adam(3e-3);
    await expectNoLeak(() => voxelTrainStep(model, optimizer, scenes, [0, 1, 2, 3], { numClasses: C }).dispose(), 2);
    await expectNoLeak(() => predictVoxels(model, scenes, 3), 1);
    optimizer.dispose();
    model.dispose();
  });
});
