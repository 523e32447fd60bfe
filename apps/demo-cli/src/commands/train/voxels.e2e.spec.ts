// `dlkit train voxels` on a small run: the JSON contract, the files written, and that the
// training loss falls (learning itself: vision's voxel-net.spec).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, loadModel, loadOnnx, readImageInfo } from '@dlkit/core';
import { maxAbsDiff } from '@dlkit/core/testing';
import { VOXEL_CLASS_NAMES, generateVoxelScenes, sceneBatch } from '@dlkit/vision';
import { runCli } from '../../testing/run-cli';

beforeAll(() => initBackend());

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-voxels-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface VoxelsJson {
  task: string;
  testAccuracy: number;
  centreError: number;
  classes: string[];
  trainScenes: number;
  testScenes: number;
  epochs: number;
  backend: string;
  model: string;
  onnx: string;
  scenes: string;
  history: string;
}

/** The written voxels.onnx (onnxruntime) gives the saved tfjs model's outputs on held-out scenes, within 1e-4. */
async function expectOnnxMatchesModel(onnxFile: string, modelDir: string): Promise<void> {
  const C = VOXEL_CLASS_NAMES.length;
  const { x, y } = sceneBatch(generateVoxelScenes(4, { seed: 77, size: 16 }), [0, 1, 2, 3], C, false); // y: zeros, unused
  const model = await loadModel(modelDir);
  const expected = model.predict(x) as tf.Tensor;
  const session = await loadOnnx(onnxFile, { intraOpNumThreads: 1 });
  const out = await session.predict(x.dataSync() as Float32Array, x.shape);
  await session.dispose();
  expect(out.shape).toEqual([4, C + 3]);
  expect(maxAbsDiff(out.data, expected)).toBeLessThanOrEqual(1e-4);
  tf.dispose([x, y, expected]);
  model.dispose();
}

describe('dlkit train voxels', () => {
  // Slow (~10-25 s): 3 epochs of the 16^3 Conv3D network on 180 scenes, then the ONNX export.
  it('trains the Conv3D net and prints the JSON contract as the last stdout line', async () => {
    const out = path.join(tmp, 'run');
    const tensorsBefore = tf.memory().numTensors;
    const r = await runCli(
      'train',
      'voxels',
      '--scenes',
      '60',
      '--test-scenes',
      '40',
      '--epochs',
      '3',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    const j = r.json<VoxelsJson>();
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['task', 'testAccuracy', 'centreError'])); // the keys, in any order
    expect(j).toMatchObject({
      task: 'voxels',
      backend: 'wasm',
      trainScenes: 180,
      testScenes: 40,
      epochs: 3,
      classes: ['sphere', 'cube', 'rod', 'cone', 'torus'],
    });
    const losses = (JSON.parse(fs.readFileSync(j.history, 'utf8')) as { loss: number }[]).map((e) => e.loss);
    expect(losses).toHaveLength(3);
    // Learning itself is tested in vision's voxel-net.spec (a tiny set); here the loss just falls.
    expect(losses[2]).toBeLessThan(losses[0]);
    expect(j.testAccuracy).toBeGreaterThanOrEqual(0);
    expect(j.centreError).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(j.model, 'model.json'))).toBe(true);
    expect(j.onnx).toBe(path.join(out, 'voxels.onnx'));
    await expectOnnxMatchesModel(j.onnx, j.model);
    expect((await readImageInfo(j.scenes)).format).toBe('png');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/epoch 3\/3 loss/);
    expect(tf.memory().numTensors).toBe(tensorsBefore); // the command and the check above leave no tensor behind
  }, 180_000);

  it('rejects bad flags with exit code 2', async () => {
    const r = await runCli('train', 'voxels', '--scenes', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--scenes must be an integer in \[1, 50000\], got '0'/);
  });
});
