import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { gradcheckReport } from './gradcheck-report';

beforeAll(async () => {
  await initBackend();
});

// Slow (~5-15 s): numeric gradients of 26 layers, losses and regularizers.
test('every layer, loss and regularizer passes its gradient check, without leaking', () => {
  const before = tf.memory().numTensors;
  const rows = gradcheckReport();
  expect(tf.memory().numTensors).toBe(before);
  expect(rows.length).toBe(26);
  for (const kind of [
    'dense',
    'relu',
    'leakyRelu',
    'sigmoid',
    'tanh',
    'softmax',
    'dropout',
    'batchNorm',
    'conv2d pad same stride 1',
    'conv2d pad valid stride 2',
    'maxPool2d',
    'avgPool2d',
    'flatten',
    'binaryCrossEntropy',
    'categoricalCrossEntropy',
    'softmaxCrossEntropy',
    'meanSquaredError',
    'l2Penalty',
  ]) {
    expect(rows.some((r) => r.layer.startsWith(kind))).toBe(true);
  }
  for (const row of rows) {
    expect({ layer: row.layer, passed: row.passed }).toEqual({ layer: row.layer, passed: true });
    expect(row.relativeDifference).toBeLessThan(row.threshold);
  }
}, 120_000);
