import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { expectClose, expectNoLeak } from '../../testing';
import { binaryCrossEntropy } from './binaryCrossEntropy';
import { categoricalCrossEntropy } from './categoricalCrossEntropy';
import { meanSquaredError } from './meanSquaredError';
import { projectionLoss } from './projectionLoss';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';
import type { LossFn } from './types';

beforeAll(async () => {
  await initBackend();
});

/** The loss written directly in tf ops (mean over the batch), differentiated by tfjs. */
const references: [string, LossFn, (a: tf.Tensor, y: tf.Tensor) => tf.Scalar, () => [tf.Tensor, tf.Tensor]][] = [
  [
    'binaryCrossEntropy',
    binaryCrossEntropy,
    (a, y) => tf.div(tf.neg(tf.sum(tf.add(tf.mul(y, tf.log(a)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, a)))))), a.shape[0]),
    () => [tf.tensor2d([[0.9], [0.2], [0.6], [0.35]]), tf.tensor2d([[1], [0], [0], [1]])],
  ],
  [
    'categoricalCrossEntropy',
    categoricalCrossEntropy,
    (a, y) => tf.div(tf.neg(tf.sum(tf.mul(y, tf.log(a)))), a.shape[0]),
    () => [tf.tensor2d([[0.7, 0.2, 0.1], [0.25, 0.25, 0.5]]), tf.tensor2d([[1, 0, 0], [0, 1, 0]])],
  ],
  [
    'softmaxCrossEntropy',
    softmaxCrossEntropy,
    (z, y) => tf.losses.softmaxCrossEntropy(y, z) as tf.Scalar, // tfjs's own fused loss (mean over the batch)
    () => [tf.tensor2d([[2, -1, 0.5], [0, 0, 3]]), tf.tensor2d([[0, 0, 1], [0, 1, 0]])],
  ],
  [
    'meanSquaredError',
    meanSquaredError,
    (a, y) => tf.losses.meanSquaredError(y, a) as tf.Scalar,
    () => [tf.tensor2d([[1, 2], [3, -1], [0.5, 0]]), tf.tensor2d([[0, 2], [1, 1], [0, 0]])],
  ],
];

describe.each(references)('%s', (_name, lossFn, reference, data) => {
  test('loss and dA equal the tf formula and its tfjs autodiff gradient', () => {
    const [a, y] = data();
    const { loss, dA } = lossFn(a, y);
    const ref = tf.valueAndGrad((p: tf.Tensor) => reference(p, y))(a);
    expect(loss).toBeCloseTo(ref.value.dataSync()[0], 5);
    expectClose(dA, ref.grad, { atol: 1e-6, rtol: 1e-5, label: 'dA' });
    tf.dispose([a, y, dA, ref.value, ref.grad]);
  });

  test('does not leak', async () => {
    const [a, y] = data();
    await expectNoLeak(() => lossFn(a, y).dA.dispose());
    tf.dispose([a, y]);
  });
});

describe('numbers worked out by hand', () => {
  test('binaryCrossEntropy: -(ln 0.9 + ln 0.8) / 2, and dA = -(y/a - (1-y)/(1-a)) / m', () => {
    const { loss, dA } = binaryCrossEntropy(tf.tensor2d([[0.9], [0.2]]), tf.tensor2d([[1], [0]]));
    expect(loss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 6);
    expectClose(dA, [-1 / 0.9 / 2, 1 / 0.8 / 2]);
  });

  test('softmaxCrossEntropy: ln 2 and (softmax - y) / m; categorical after softmax gives the same', () => {
    const { loss, dA } = softmaxCrossEntropy(tf.tensor2d([[0, 0]]), tf.tensor2d([[1, 0]]));
    expect(loss).toBeCloseTo(Math.LN2, 6);
    expectClose(dA, [-0.5, 0.5]);
    expect(categoricalCrossEntropy(tf.tensor2d([[0.5, 0.5]]), tf.tensor2d([[1, 0]])).loss).toBeCloseTo(Math.LN2, 6);
  });

  test('meanSquaredError: mean over all elements', () => {
    const { loss, dA } = meanSquaredError(tf.tensor2d([[1], [3]]), tf.tensor2d([[0], [1]]));
    expect(loss).toBeCloseTo(2.5, 6);
    expectClose(dA, [1, 2]);
  });

  test('projectionLoss: sum(A R) and dA = R', () => {
    const R = tf.tensor2d([[1, -2]]);
    const { loss, dA } = projectionLoss(R)(tf.tensor2d([[3, 4]]), tf.zeros([1, 2]));
    expect(loss).toBe(3 - 8);
    expectClose(dA, R, { atol: 0, rtol: 0 });
    expect(() => projectionLoss(R)(tf.ones([2, 2]), tf.ones([2, 2]))).toThrow('projection R has [1,2]');
  });
});

test('cross-entropies are numerically safe at 0 and 1 (clipped to [1e-7, 1 - 1e-7]), and logits do not overflow', () => {
  for (const r of [
    binaryCrossEntropy(tf.tensor2d([[0], [1], [1], [0]]), tf.tensor2d([[1], [0], [1], [0]])),
    categoricalCrossEntropy(tf.tensor2d([[0, 1], [1, 0]]), tf.tensor2d([[1, 0], [1, 0]])),
    softmaxCrossEntropy(tf.tensor2d([[1000, -1000], [-1000, 1000]]), tf.tensor2d([[1, 0], [1, 0]])),
  ]) {
    expect(Number.isFinite(r.loss)).toBe(true);
    expect(Array.from(r.dA.dataSync()).every(Number.isFinite)).toBe(true);
    r.dA.dispose();
  }
  // a confident wrong answer costs about -ln(1e-7) = 16.1 per example (half the batch here)
  expect(binaryCrossEntropy(tf.tensor2d([[0], [1]]), tf.tensor2d([[1], [1]])).loss).toBeCloseTo(-Math.log(1e-7) / 2, 2);
  // with logits the wrong example costs its full margin, 2000, halved over the batch
  expect(softmaxCrossEntropy(tf.tensor2d([[1000, -1000], [-1000, 1000]]), tf.tensor2d([[1, 0], [1, 0]])).loss).toBeCloseTo(1000, 3);
});

test('shape mismatches are named', () => {
  expect(() => binaryCrossEntropy(tf.ones([4, 1]), tf.ones([1, 4]))).toThrow('binaryCrossEntropy: prediction has shape [4,1] but target has [1,4]');
  expect(() => meanSquaredError(tf.ones([0, 2]), tf.ones([0, 2]))).toThrow('non-empty batch');
});
