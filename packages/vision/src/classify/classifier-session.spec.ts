// Serving a classifier from a tfjs directory or an .onnx file (moved from the CLI): the same
// probabilities from both runtimes, and paths that are neither are told apart by error type.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { exportToOnnx, initBackend, saveModel } from '@dlkit/core';
import { ClassifierSourceError, openClassifier } from './classifier-session';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-classifier-session-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  await initBackend();
});

describe('openClassifier', () => {
  it('serves a tfjs directory and its ONNX export alike, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: [4, 4, 1] }),
        tf.layers.dense({
          units: 3,
          activation: 'softmax',
          kernelInitializer: tf.initializers.randomNormal({ seed: 1 }),
        }),
      ],
    });
    const dir = path.join(tmp, 'model');
    await saveModel(model, dir);
    const onnx = path.join(tmp, 'model.onnx');
    fs.writeFileSync(onnx, exportToOnnx(model));
    model.dispose();
    const pixels = Float32Array.from({ length: 2 * 16 }, (_, i) => (i % 7) / 7);
    const results: number[][][] = [];
    for (const source of [dir, onnx]) {
      const c = await openClassifier(source);
      expect(c.imageShape).toEqual([4, 4, 1]);
      results.push(await c.predict(pixels, 2));
      await c.dispose();
    }
    expect(results[0]).toHaveLength(2);
    results[0].flat().forEach((p, i) => expect(Math.abs(p - results[1].flat()[i])).toBeLessThan(1e-5));
    expect(tf.memory().numTensors).toBe(before);
  });
  it('a missing path or a file that is not .onnx is a ClassifierSourceError', async () => {
    await expect(openClassifier(path.join(tmp, 'nope'))).rejects.toBeInstanceOf(ClassifierSourceError);
    const txt = path.join(tmp, 'model.txt');
    fs.writeFileSync(txt, 'x');
    await expect(openClassifier(txt)).rejects.toThrow(
      /expected a tfjs model directory \(with model\.json\) or an \.onnx file/,
    );
  });
});
