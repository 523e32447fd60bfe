// The image-folder dataset and the serving helpers on real MNIST digits written as image files
// (3 classes, 60 each, PNG and JPEG, plus a corrupt and an empty file). Training runs on them
// (trainImages: accuracy, exports, exact resume): train-images.e2e.spec.ts.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { writeDigitImageFolder } from './digit-folder';
import { expectNoLeak } from '@dlkit/core/testing';
import { loadImageFolder } from '../datasets/image-folder';
import { ImageFolderDataset } from '../datasets/image-folder-dataset';
import { buildImageClassifier } from './image-classifier';
import { predictAll } from './train-images';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-train-images-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const data = path.join(tmp, 'digits');

// Slow (~1-3 s): encodes 180 digits as PNG and JPEG files.
beforeAll(async () => {
  await initBackend();
  await writeDigitImageFolder(data, { digits: [0, 1, 7], perClass: 60 });
  fs.writeFileSync(path.join(data, 'seven', 'corrupt.png'), 'not an image at all');
  fs.writeFileSync(path.join(data, 'one', 'empty.png'), '');
}, 30_000);

describe('ImageFolderDataset and predictAll', () => {
  // Slow (~1-2 s): builds a resnet and runs predictAll three times inside the leak check.
  it('augmented batches are reproducible per epoch, differ across epochs, and neither batches nor predictAll leak', async () => {
    const folder = await loadImageFolder(data, { size: 28, seed: 1 });
    const ds = new ImageFolderDataset(folder.train, { size: 28, channels: 3, classes: 3, augment: {}, seed: 4 });
    const rows = [0, 5, 9];
    const a = ds.batch(rows);
    const b = ds.batch(rows);
    ds.setEpoch(1);
    const c = ds.batch(rows);
    expect(Array.from((a.x as tf.Tensor).dataSync())).toEqual(Array.from((b.x as tf.Tensor).dataSync()));
    expect(
      tf
        .sub(a.x as tf.Tensor, c.x as tf.Tensor)
        .abs()
        .max()
        .dataSync()[0],
    ).toBeGreaterThan(0.05);
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
  }, 30_000);
});

describe('serving helpers', () => {
  it('readImageForModel reads RGB for 3-channel models, identical to the training loader, and finds labels.txt', async () => {
    const { readImageForModel, findLabelsFile } = await import('./predict-input');
    const { readImagePixels } = await import('../datasets/image-folder-read');
    const file = path.join(data, 'zero', 'zero-0001.jpg');
    expect(Array.from(await readImageForModel(file, [28, 28, 3]))).toEqual(
      Array.from(await readImagePixels(file, { size: 28 })),
    );
    expect((await readImageForModel(file, [28, 28, 1])).length).toBe(784);
    await expect(readImageForModel(file, [28, 28, 4])).rejects.toThrow(
      /4 channels; expected 1 \(greyscale\) or 3 \(RGB\) \(reading .*zero-0001\.jpg\)/,
    );
    fs.mkdirSync(path.join(tmp, 'run'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'run', 'labels.txt'), 'zero\none\nseven\n');
    expect(findLabelsFile(path.join(tmp, 'run', 'images.onnx'))).toBe(path.join(tmp, 'run', 'labels.txt'));
    expect(findLabelsFile(path.join(tmp, 'nowhere', 'model'))).toBeUndefined();
  });
});
