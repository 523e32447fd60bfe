import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { expectClose, expectNoLeak } from '../testing';
import { loadModel, saveModel } from './filesystem';

beforeAll(() => initBackend());

function tinyModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 4, inputShape: [3], activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  return model;
}

describe('fileSystem model I/O', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-io-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('round-trips architecture and weights, so predictions match', async () => {
    const model = tinyModel();
    const dir = path.join(tmp, 'm1');
    await saveModel(model, dir);
    expect(fs.readdirSync(dir).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadModel(dir);
    const x = tf.tensor2d([
      [0.1, -0.4, 2],
      [1, 1, 1],
    ]);
    const [a, b] = [loaded.predict(x) as tf.Tensor, model.predict(x) as tf.Tensor];
    expectClose(a, b, { atol: 1e-7 });
    tf.dispose([x, a, b]);
    loaded.dispose();
    // saving reads the weights, loading makes new ones: neither leaves tensors behind
    await expectNoLeak(async () => {
      await saveModel(model, dir);
      (await loadModel(dir)).dispose();
    });
    model.dispose();
  });

  it('overwrites an existing model directory atomically, leaving no temporary files', async () => {
    const dir = path.join(tmp, 'm2');
    await saveModel(tinyModel(), dir);
    await saveModel(tinyModel(), dir);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('names the file when the weights are truncated or the directory is missing', async () => {
    const dir = path.join(tmp, 'm3');
    await saveModel(tinyModel(), dir);
    const weights = path.join(dir, 'weights.bin');
    fs.writeFileSync(weights, fs.readFileSync(weights).subarray(0, 10));
    await expect(loadModel(dir)).rejects.toThrow(/weights\.bin: 10 bytes, expected \d+/);
    await expect(loadModel(path.join(tmp, 'nope'))).rejects.toThrow(/model directory not found: .*nope/);
  });
});
