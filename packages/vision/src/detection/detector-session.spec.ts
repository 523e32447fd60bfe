// Serving the project's own grid detectors: tfjs directory and ONNX export give the same
// detections on a generated scene, inference and evaluation loops leak no tensors, and bad
// inputs are named in the errors. (An untrained model is enough: the check is parity, not quality.)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, saveModel, saveOnnx } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { yoloDetector } from './detector-model';
import { openDetector } from './detector-session';
import { rgbToPng } from './draw';
import { evaluateDetector } from './evaluate';
import { SceneDataset } from './scenes';
import { SCENE_DETECTOR_CONFIG } from './train-detector';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-detector-session-'));
const config = SCENE_DETECTOR_CONFIG;
let model: tf.Sequential;
let scenePng: string;

beforeAll(async () => {
  await initBackend();
  model = yoloDetector(config, { seed: 3 });
  await saveModel(model, path.join(tmp, 'model'));
  fs.writeFileSync(path.join(tmp, 'model', 'detector.json'), JSON.stringify(config));
  saveOnnx(model, path.join(tmp, 'detector.onnx'));
  fs.writeFileSync(path.join(tmp, 'detector.onnx.json'), JSON.stringify(config));
  const scene = new SceneDataset(1, config, 9, 'test').scene(0);
  scenePng = path.join(tmp, 'scene.png');
  fs.writeFileSync(scenePng, await rgbToPng(scene.pixels, 64, 64));
});

afterAll(() => {
  model.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('openDetector (dlkit grid detectors)', () => {
  it('tfjs directory and ONNX export agree on a scene', async () => {
    const a = await openDetector(path.join(tmp, 'model'));
    const b = await openDetector(path.join(tmp, 'detector.onnx'));
    expect([a.kind, b.kind]).toEqual(['yolo-tfjs', 'yolo-onnx']);
    const opts = { minScore: 0.05, iouThreshold: 0.45 };
    const [da, db] = [await a.detect(scenePng, opts), await b.detect(scenePng, opts)];
    expect(da.length).toBeGreaterThan(0);
    expect(db.map((d) => d.label)).toEqual(da.map((d) => d.label));
    da.forEach((d, i) => {
      expect(db[i].score).toBeCloseTo(d.score, 4);
      d.box.forEach((v, k) => expect(db[i].box[k]).toBeCloseTo(v, 2));
    });
    await expectNoLeak(() => a.detect(scenePng, opts));
    await a.dispose();
    await b.dispose();
  });

  it('evaluation on scenes leaks no tensors', async () => {
    const scenes = new SceneDataset(4, config, 1, 'test');
    await expectNoLeak(() => evaluateDetector(model, config, scenes), 2);
  });

  it('names the file and the expectation on bad inputs', async () => {
    const small = path.join(tmp, 'small.png');
    fs.writeFileSync(small, await rgbToPng(new Float32Array(32 * 48 * 3), 48, 32));
    const d = await openDetector(path.join(tmp, 'model'));
    await expect(d.detect(small)).rejects.toThrow(`${small}: image is 48×32, smaller than the detector's 64×64 input`);
    await d.dispose();
    fs.mkdirSync(path.join(tmp, 'bare'));
    await saveModel(model, path.join(tmp, 'bare'));
    await expect(openDetector(path.join(tmp, 'bare'))).rejects.toThrow(/no detector\.json beside the model/);
    await expect(openDetector(path.join(tmp, 'model'), { labels: ['a'] })).rejects.toThrow(
      /the model has 3 classes, the labels file gives 1/,
    );
    fs.writeFileSync(path.join(tmp, 'bare', 'detector.json'), JSON.stringify({ ...config, gridSize: 7 }));
    await expect(openDetector(path.join(tmp, 'bare'))).rejects.toThrow(
      /detector\.json: gridSize must divide inputSize 64, got 7/,
    );
  });
});
