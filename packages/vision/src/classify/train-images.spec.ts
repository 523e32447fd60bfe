// trainImages end to end on real MNIST digits written as image files (3 classes, 60 each, PNG
// and JPEG, plus a corrupt and an empty file that must be reported by name): it beats chance
// clearly, writes the pictures and exports, and an augmented run resumed from its checkpoint
// ends with exactly the weights of an uninterrupted one.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, loadModel, loadOnnx, readImageInfo } from '@dlkit/core';
import { writeDigitImageFolder } from './digit-folder';
import { expectNoLeak } from '@dlkit/core/testing';
import { loadImageFolder } from '../datasets/image-folder';
import { ImageFolderDataset } from '../datasets/image-folder-dataset';
import { buildImageClassifier } from './image-classifier';
import { predictAll, trainImages } from './train-images';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-train-images-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const data = path.join(tmp, 'digits');

beforeAll(async () => {
  await initBackend();
  await writeDigitImageFolder(data, { digits: [0, 1, 7], perClass: 60 });
  fs.writeFileSync(path.join(data, 'seven', 'corrupt.png'), 'not an image at all');
  fs.writeFileSync(path.join(data, 'one', 'empty.png'), '');
});

describe('trainImages', () => {
  it('learns 3 digit classes from image files far above chance and writes the error analysis', async () => {
    const warnings: string[] = [];
    const tensorsBefore = tf.memory().numTensors;
    const r = await trainImages({ dataDir: data, outDir: path.join(tmp, 'run'), size: 28, epochs: 6, batchSize: 16, seed: 1, progress: false, onWarning: (w) => warnings.push(w) });
    expect(tf.memory().numTensors).toBe(tensorsBefore); // training, evaluation and export leave no tensor behind
    expect(r.classes).toEqual(['one', 'seven', 'zero']);
    expect(r.skipped.map((s) => path.basename(s.file))).toEqual(['empty.png', 'corrupt.png']); // sorted by path: one/ before seven/
    expect(warnings[0]).toMatch(/skipped 2 unreadable file\(s\).*empty\.png.*corrupt\.png/);
    expect(r.testSamples).toBe(27); // round(60 · 0.15) = 9 per class
    // chance is 1/3; measured 0.963 (26/27) with seed 1 (0/1/7 are easy, as the MNIST CNN shows)
    expect(r.testAccuracy).toBeGreaterThan(0.8);
    expect(Object.keys(r.perClass)).toEqual(r.classes);
    for (const c of r.classes) expect(r.perClass[c].support).toBe(9);
    expect(r.confusionMatrix.flat().reduce((a, b) => a + b, 0)).toBe(27);
    for (const f of [r.confusion, r.misclassified, r.curves]) expect((await readImageInfo(f)).format).toBe('png');
    expect(fs.readFileSync(r.labels, 'utf8')).toBe('one\nseven\nzero\n');
    // the saved model and the ONNX export agree on a test image
    const model = await loadModel(r.model);
    const session = await loadOnnx(r.onnx);
    const x = tf.randomUniform([2, 28, 28, 3], 0, 1, 'float32', 3);
    const a = (model.predict(x) as tf.Tensor).dataSync();
    const b = (await session.predict(x.dataSync() as Float32Array, [2, 28, 28, 3])).data;
    a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-4));
    await session.dispose();
    model.dispose();
    x.dispose();
  });

  it('an augmented run resumed from its epoch-1 checkpoint ends with the same weights as an uninterrupted run', async () => {
    const common = { dataDir: data, size: 28, batchSize: 32, seed: 2, augment: true, progress: false, arch: 'resnet' as const, width: 0.5 };
    const straight = await trainImages({ ...common, outDir: path.join(tmp, 'straight'), epochs: 2 });
    const resumedDir = path.join(tmp, 'resumed');
    await trainImages({ ...common, outDir: resumedDir, epochs: 1 });
    const resumed = await trainImages({ ...common, outDir: resumedDir, epochs: 2, resume: true });
    expect(resumed.resumedFromEpoch).toBe(1);
    const [m1, m2] = [await loadModel(straight.model), await loadModel(resumed.model)];
    const w1 = m1.getWeights().map((w) => w.dataSync());
    const w2 = m2.getWeights().map((w) => w.dataSync());
    w1.forEach((w, i) => expect(Array.from(w2[i])).toEqual(Array.from(w)));
    expect(resumed.testAccuracy).toBe(straight.testAccuracy);
    m1.dispose();
    m2.dispose();
  });
});

describe('trainImages with greyscale input', () => {
  it('--channels 1 trains a 1-channel mobilenet and exports it', async () => {
    const r = await trainImages({ dataDir: data, outDir: path.join(tmp, 'grey'), size: 28, channels: 1, arch: 'mobilenet', epochs: 1, progress: false });
    const model = await loadModel(r.model);
    expect(model.inputs[0].shape).toEqual([null, 28, 28, 1]);
    const session = await loadOnnx(r.onnx);
    expect(session.inputs[0].shape.slice(1)).toEqual([28, 28, 1]);
    await session.dispose();
    model.dispose();
  });
});

describe('ImageFolderDataset and predictAll', () => {
  it('augmented batches are reproducible per epoch, differ across epochs, and neither batches nor predictAll leak', async () => {
    const folder = await loadImageFolder(data, { size: 28, seed: 1 });
    const ds = new ImageFolderDataset(folder.train, { size: 28, channels: 3, classes: 3, augment: {}, seed: 4 });
    const rows = [0, 5, 9];
    const a = ds.batch(rows);
    const b = ds.batch(rows);
    ds.setEpoch(1);
    const c = ds.batch(rows);
    expect(Array.from((a.x as tf.Tensor).dataSync())).toEqual(Array.from((b.x as tf.Tensor).dataSync()));
    expect(tf.sub(a.x as tf.Tensor, c.x as tf.Tensor).abs().max().dataSync()[0]).toBeGreaterThan(0.05);
    expect(Array.from(a.y.argMax(-1).dataSync())).toEqual(rows.map((r) => folder.train.labels[r]));
    tf.dispose([a.x as tf.Tensor, a.y, b.x as tf.Tensor, b.y, c.x as tf.Tensor, c.y]);
    await expectNoLeak(() => {
      const batch = ds.batch(rows);
      tf.dispose([batch.x as tf.Tensor, batch.y]);
    }, 2);
    const model = buildImageClassifier({ inputShape: [28, 28, 3], classes: 3 });
    const test = new ImageFolderDataset(folder.test, { size: 28, channels: 3, classes: 3 });
    await expectNoLeak(() => predictAll(model, test, 8), 2);
    const { predicted, scores } = predictAll(model, test, 8);
    expect(predicted.length).toBe(folder.test.count);
    scores.forEach((s) => expect(s).toBeGreaterThanOrEqual(1 / 3 - 1e-6)); // the max of 3 probabilities
    model.dispose();
  });
});

describe('serving helpers', () => {
  it('readImageForModel reads RGB for 3-channel models, identical to the training loader, and finds labels.txt', async () => {
    const { readImageForModel, findLabelsFile } = await import('./predict-input');
    const { readImagePixels } = await import('../datasets/image-folder-read');
    const file = path.join(data, 'zero', 'zero-0001.jpg');
    expect(Array.from(await readImageForModel(file, [28, 28, 3]))).toEqual(Array.from(await readImagePixels(file, { size: 28 })));
    expect((await readImageForModel(file, [28, 28, 1])).length).toBe(784);
    await expect(readImageForModel(file, [28, 28, 4])).rejects.toThrow(/4 channels; expected 1 \(greyscale\) or 3 \(RGB\) \(reading .*zero-0001\.jpg\)/);
    expect(findLabelsFile(path.join(tmp, 'run', 'images.onnx'))).toBe(path.join(tmp, 'run', 'labels.txt'));
    expect(findLabelsFile(path.join(tmp, 'nowhere', 'model'))).toBeUndefined();
  });
});
