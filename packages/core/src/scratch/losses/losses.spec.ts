import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { expectClose, expectNoLeak } from '../../testing';
import { binaryCrossEntropy } from './binary-cross-entropy';
import { categoricalCrossEntropy } from './categorical-cross-entropy';
import { meanSquaredError } from './mean-squared-error';
import { projectionLoss } from './projection-loss';
import { softmaxCrossEntropy } from './softmax-cross-entropy';
import type { LossFn } from './types';

beforeAll(async () => {
  await initBackend();
});

/** The loss written directly in tf ops (mean over the batch), differentiated by tfjs; data is [yTrue, yPred]. */
const references: [string, LossFn, (y: tf.Tensor, a: tf.Tensor) => tf.Scalar, () => [tf.Tensor, tf.Tensor]][] = [
  [
    'binaryCrossEntropy',
    binaryCrossEntropy,
    (y, a) =>
      tf.div(tf.neg(tf.sum(tf.add(tf.mul(y, tf.log(a)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, a)))))), a.shape[0]),
    () => [tf.tensor2d([[1], [0], [0], [1]]), tf.tensor2d([[0.9], [0.2], [0.6], [0.35]])],
  ],
  [
    'categoricalCrossEntropy',
    categoricalCrossEntropy,
    (y, a) => tf.div(tf.neg(tf.sum(tf.mul(y, tf.log(a)))), a.shape[0]),
    () => [
      tf.tensor2d([
        [1, 0, 0],
        [0, 1, 0],
      ]),
      tf.tensor2d([
        [0.7, 0.2, 0.1],
        [0.25, 0.25, 0.5],
      ]),
    ],
  ],
  [
    'softmaxCrossEntropy',
    softmaxCrossEntropy,
    (y, z) => tf.losses.softmaxCrossEntropy(y, z) as tf.Scalar, // tfjs's own fused loss (mean over the batch)
    () => [
      tf.tensor2d([
        [0, 0, 1],
        [0, 1, 0],
      ]),
      tf.tensor2d([
        [2, -1, 0.5],
        [0, 0, 3],
      ]),
    ],
  ],
  [
    'meanSquaredError',
    meanSquaredError,
    (y, a) => tf.losses.meanSquaredError(y, a) as tf.Scalar,
    () => [
      tf.tensor2d([
        [0, 2],
        [1, 1],
        [0, 0],
      ]),
      tf.tensor2d([
        [1, 2],
        [3, -1],
        [0.5, 0],
      ]),
    ],
  ],
];

describe.each(references)('%s', (_name, lossFn, reference, data) => {
  test('loss and dA equal the tf formula and its tfjs autodiff gradient', () => {
    const [y, a] = data();
    const { loss, dA } = lossFn(y, a);
    const ref = tf.valueAndGrad((p: tf.Tensor) => reference(y, p))(a);
    expect(loss).toBeCloseTo(ref.value.dataSync()[0], 5);
    expectClose(dA, ref.grad, { atol: 1e-6, rtol: 1e-5, label: 'dA' });
    tf.dispose([a, y, dA, ref.value, ref.grad]);
  });

  test('does not leak', async () => {
    const [y, a] = data();
    await expectNoLeak(() => lossFn(y, a).dA.dispose());
    tf.dispose([a, y]);
  });
});

describe('numbers worked out by hand', () => {
  test('binaryCrossEntropy: -(ln 0.9 + ln 0.8) / 2, and dA = -(y/a - (1-y)/(1-a)) / m', () => {
    const { loss, dA } = binaryCrossEntropy(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.9], [0.2]]));
    expect(loss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 6);
    expectClose(dA, [-1 / 0.9 / 2, 1 / 0.8 / 2]);
  });

  test('softmaxCrossEntropy: ln 2 and (softmax - y) / m; categorical after softmax gives the same', () => {
    const { loss, dA } = softmaxCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 0]]));
    expect(loss).toBeCloseTo(Math.LN2, 6);
    expectClose(dA, [-0.5, 0.5]);
    expect(categoricalCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, 0.5]])).loss).toBeCloseTo(Math.LN2, 6);
  });

  test('meanSquaredError: mean over all elements', () => {
    const { loss, dA } = meanSquaredError(tf.tensor2d([[0], [1]]), tf.tensor2d([[1], [3]]));
    expect(loss).toBeCloseTo(2.5, 6);
    expectClose(dA, [1, 2]);
  });

  test('projectionLoss: sum(A R) and dA = R', () => {
    const R = tf.tensor2d([[1, -2]]);
    const { loss, dA } = projectionLoss(R)(tf.zeros([1, 2]), tf.tensor2d([[3, 4]]));
    expect(loss).toBe(3 - 8);
    expectClose(dA, R, { atol: 0, rtol: 0 });
    expect(() => projectionLoss(R)(tf.ones([2, 2]), tf.ones([2, 2]))).toThrow('projection R has [1,2]');
  });
});

test('cross-entropies are numerically safe at 0 and 1 (clipped to [1e-7, 1 - 1e-7]), and logits do not overflow', () => {
  for (const r of [
    binaryCrossEntropy(tf.tensor2d([[1], [0], [1], [0]]), tf.tensor2d([[0], [1], [1], [0]])),
    categoricalCrossEntropy(
      tf.tensor2d([
        [1, 0],
        [1, 0],
      ]),
      tf.tensor2d([
        [0, 1],
        [1, 0],
      ]),
    ),
    softmaxCrossEntropy(
      tf.tensor2d([
        [1, 0],
        [1, 0],
      ]),
      tf.tensor2d([
        [1000, -1000],
        [-1000, 1000],
      ]),
    ),
  ]) {
    expect(Number.isFinite(r.loss)).toBe(true);
    expect(Array.from(r.dA.dataSync()).every(Number.isFinite)).toBe(true);
    r.dA.dispose();
  }
  // a confident wrong answer costs about -ln(1e-7) = 16.1 per example (half the batch here)
  expect(binaryCrossEntropy(tf.tensor2d([[1], [1]]), tf.tensor2d([[0], [1]])).loss).toBeCloseTo(-Math.log(1e-7) / 2, 2);
  // with logits the wrong example costs its full margin, 2000, halved over the batch
  expect(
    softmaxCrossEntropy(
      tf.tensor2d([
        [1, 0],
        [1, 0],
      ]),
      tf.tensor2d([
        [1000, -1000],
        [-1000, 1000],
      ]),
    ).loss,
  ).toBeCloseTo(1000, 3);
});

test('shape mismatches are named', () => {
  expect(() => binaryCrossEntropy(tf.ones([1, 4]), tf.ones([4, 1]))).toThrow(
    'binaryCrossEntropy: prediction has shape [4,1] but target has [1,4]',
  );
  expect(() => meanSquaredError(tf.ones([0, 2]), tf.ones([0, 2]))).toThrow('non-empty batch');
});

test('target first, as tf.losses and Keras: the same call as tf.losses gives the same number, a swapped call does not', () => {
  // Asymmetric losses: swapping (yTrue, yPred) changes the value, so a call site with the old
  // (yPred, yTrue) order cannot pass. yTrue = [[1], [0]], yPred = [[0.9], [0.2]]:
  // binary cross-entropy -(ln 0.9 + ln 0.8) / 2 = 0.1643 (tfjs logLoss gives the same, its epsilon aside).
  const yTrue = tf.tensor2d([[1], [0]]);
  const yPred = tf.tensor2d([[0.9], [0.2]]);
  const bce = binaryCrossEntropy(yTrue, yPred);
  expect(bce.loss).toBeCloseTo(0.1643, 4);
  expect(bce.loss).toBeCloseTo((tf.losses.logLoss(yTrue, yPred, undefined, 1e-7) as tf.Scalar).dataSync()[0], 5);
  const swapped = binaryCrossEntropy(yPred, yTrue);
  expect(Math.abs(swapped.loss - bce.loss)).toBeGreaterThan(1);
  // categorical: target [1, 0, 0], prediction [0.7, 0.2, 0.1] -> -ln 0.7 = 0.3567; swapped, it takes
  // the log of the clipped zeros: -(0.2 + 0.1) ln 1e-7 = 4.84
  const yc = tf.tensor2d([[1, 0, 0]]);
  const pc = tf.tensor2d([[0.7, 0.2, 0.1]]);
  const cce = categoricalCrossEntropy(yc, pc);
  expect(cce.loss).toBeCloseTo(-Math.log(0.7), 6);
  expect(cce.loss).toBeCloseTo((tf.losses.softmaxCrossEntropy(yc, tf.log(pc)) as tf.Scalar).dataSync()[0], 5);
  const cceSwapped = categoricalCrossEntropy(pc, yc);
  expect(cceSwapped.loss).toBeCloseTo(-0.3 * Math.log(1e-7), 3);
  // softmax cross-entropy on logits against tfjs's fused loss, same argument order
  const z = tf.tensor2d([[2, -1, 0.5]]);
  expect(softmaxCrossEntropy(yc, z).loss).toBeCloseTo(
    (tf.losses.softmaxCrossEntropy(yc, z) as tf.Scalar).dataSync()[0],
    5,
  );
  // the gradient is w.r.t. the second argument: dA has yPred's values in it, not yTrue's
  expectClose(bce.dA, [-1 / 0.9 / 2, 1 / 0.8 / 2]);
  tf.dispose([yTrue, yPred, bce.dA, swapped.dA, yc, pc, cce.dA, cceSwapped.dA, z]);
});
