// The voxel net's ONNX export (what `trainVoxels` writes as voxels.onnx): onnxruntime-node's
// output equals tfjs predict on real generated scenes within 1e-4, for the default architecture
// untrained and for a tiny trained run read back from disk.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, loadModel, loadOnnx, onnxParity } from '@dlkit/core';
import { expectNoLeak, maxAbsDiff } from '@dlkit/core/testing';
import { generateVoxelScenes } from './scenes';
import { VOXEL_CLASS_NAMES } from './shapes';
import { sceneBatch, trainVoxels } from './train-voxels';
import { voxelNet } from './voxel-net';

const C = VOXEL_CLASS_NAMES.length;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-voxels-onnx-'));

beforeAll(async () => {
  await initBackend();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('voxel net ONNX export', () => {
  it('the default architecture (16^3, untrained) matches tfjs on 6 scenes', async () => {
    const model = voxelNet({ size: 16, numClasses: C, seed: 3 });
    const scenes = generateVoxelScenes(6, { seed: 5, size: 16 });
    const { x, y } = sceneBatch(scenes, [0, 1, 2, 3, 4, 5], C, false); // y: zeros, unused
    const { maxAbsDiff: diff, outputNames } = await onnxParity(model, x, {
      inputNames: ['voxels'],
      outputNames: ['heads'],
    });
    expect(outputNames).toEqual(['heads']);
    expect(diff).toBeLessThanOrEqual(1e-4);
    await expectNoLeak(() => onnxParity(model, x, { inputNames: ['voxels'], outputNames: ['heads'] }), 1);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('trainVoxels writes voxels.onnx, and it reproduces the saved tfjs model', async () => {
    const before = tf.memory().numTensors;
    const r = await trainVoxels({
      outDir: tmp,
      scenes: 16,
      testScenes: 8,
      epochs: 1,
      batchSize: 8,
      size: 8,
      model: { filters: [4], denseUnits: 8 },
    });
    expect(r.onnx).toBe(path.join(tmp, 'voxels.onnx'));
    const scenes = generateVoxelScenes(4, { seed: 11, size: 8 });
    const { x, y } = sceneBatch(scenes, [0, 1, 2, 3], C, false); // y: zeros, unused
    const model = await loadModel(r.model);
    const expected = model.predict(x) as tf.Tensor;
    const session = await loadOnnx(r.onnx, { intraOpNumThreads: 1 });
    expect(session.inputNames).toEqual(['voxels']);
    const out = await session.predict(x.dataSync() as Float32Array, x.shape);
    await session.dispose();
    expect(out.shape).toEqual([4, C + 3]);
    expect(maxAbsDiff(out.data, expected)).toBeLessThanOrEqual(1e-4);
    tf.dispose([x, y, expected]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before); // the training run and the loaded model leave nothing behind
  });
});
