// The Conv3D two-head network learns: loss falls and accuracy rises far above chance on a tiny set
// of scenes, without leaking tensors per step.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { generateVoxelScenes } from './scenes';
import { VOXEL_CLASS_NAMES } from './shapes';
import { predictVoxels, voxelTrainStep } from './train-voxels';
import { voxelNet } from './voxel-net';

beforeAll(async () => {
  await initBackend();
});

const C = VOXEL_CLASS_NAMES.length;

describe('voxelNet training', () => {
  // Slow (~30-50 s): 20 epochs of the 16^3 Conv3D network on 40 scenes.
  it('learns a tiny set of scenes (loss falls, accuracy far above chance) without leaking tensors per step', async () => {
    const scenes = generateVoxelScenes(40, { seed: 11 });
    const model = voxelNet({ size: 16, numClasses: C, seed: 2 });
    const optimizer = tf.train.adam(3e-3);
    const opts = { numClasses: C };
    const losses: number[] = [];
    for (let epoch = 0; epoch < 20; epoch++) {
      let sum = 0;
      for (let b = 0; b < 40; b += 10) {
        const loss = voxelTrainStep(
          model,
          optimizer,
          scenes,
          [...Array(10).keys()].map((i) => b + i),
          opts,
        );
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
  }, 300_000);
});
