import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { Rng } from '../data/rng';
import { LOSSES, resolveLoss } from './losses';
import { expectNoLeak } from '../testing';
import { resolveMetrics } from './metrics';

beforeAll(() => initBackend());

function randomProbs(rng: Rng, b: number, k: number): tf.Tensor2D {
  const logits = Array.from({ length: b * k }, () => rng.normal(0, 2));
  return tf.tidy(() => tf.softmax(tf.tensor2d(logits, [b, k])));
}

describe('losses (oracle: tfjs-layers losses/metrics)', () => {
  const ids = [0, 3, 1, 1, 2, 0];
  let p: tf.Tensor2D, yOneHot: tf.Tensor, pb: tf.Tensor, yb: tf.Tensor, yr: tf.Tensor;
  beforeAll(() => {
    const rng = new Rng(3);
    p = randomProbs(rng, 6, 4); // [6, 4]
    yOneHot = tf.oneHot(tf.tensor1d(ids, 'int32'), 4).toFloat();
    pb = tf.sigmoid(
      tf.tensor2d(
        Array.from({ length: 12 }, () => rng.normal(0, 2)),
        [6, 2],
      ),
    );
    yb = tf.tensor2d([1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 1], [6, 2]);
    yr = tf.tensor2d(
      Array.from({ length: 12 }, () => rng.normal()),
      [6, 2],
    );
  });
  afterAll(() => tf.dispose([p, yOneHot, pb, yb, yr]));
  const value = (t: tf.Tensor) => t.dataSync()[0];

  it('categorical, sparse, binary cross-entropy, MSE and MAE match tfjs-layers', () => {
    const ref = (fn: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, a: tf.Tensor, b: tf.Tensor) => value(tf.mean(fn(a, b)));
    expect(value(LOSSES.categoricalCrossentropy.fn(yOneHot, p))).toBeCloseTo(
      ref(tf.metrics.categoricalCrossentropy, yOneHot, p),
      5,
    );
    expect(value(LOSSES.sparseCategoricalCrossentropy.fn(tf.tensor1d(ids), p))).toBeCloseTo(
      ref(tf.metrics.categoricalCrossentropy, yOneHot, p),
      5,
    );
    expect(value(LOSSES.sparseCategoricalCrossentropy.fn(tf.tensor2d(ids, [6, 1]), p))).toBeCloseTo(
      ref(tf.metrics.categoricalCrossentropy, yOneHot, p),
      5,
    );
    expect(value(LOSSES.binaryCrossentropy.fn(yb, pb))).toBeCloseTo(ref(tf.metrics.binaryCrossentropy, yb, pb), 5);
    expect(value(LOSSES.meanSquaredError.fn(yr, pb))).toBeCloseTo(ref(tf.metrics.meanSquaredError, yr, pb), 5);
    expect(value(LOSSES.meanAbsoluteError.fn(yr, pb))).toBeCloseTo(ref(tf.metrics.meanAbsoluteError, yr, pb), 5);
  });

  it('sparse loss and accuracy also take per-step targets (ids [b, T], probabilities [b, T, k])', () => {
    const seqIds = tf.tensor2d(ids, [2, 3]);
    const seqP = tf.reshape(p, [2, 3, 4]);
    expect(value(LOSSES.sparseCategoricalCrossentropy.fn(seqIds, seqP))).toBeCloseTo(
      ref2(tf.metrics.categoricalCrossentropy),
      5,
    );
    const acc = resolveMetrics(['accuracy'], 'sparseCategorical', 'x')[0].fn;
    expect(value(acc(seqIds, seqP))).toBeCloseTo(value(tf.mean(tf.metrics.categoricalAccuracy(yOneHot, p))), 6);
    tf.dispose([seqIds, seqP]);
  });
  const ref2 = (fn: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor) => value(tf.mean(fn(yOneHot, p)));

  it('every loss and the accuracy metrics leave only their result behind', async () => {
    const sparse = tf.tensor1d(ids);
    await expectNoLeak(() => {
      tf.dispose([
        LOSSES.categoricalCrossentropy.fn(yOneHot, p),
        LOSSES.sparseCategoricalCrossentropy.fn(sparse, p),
        LOSSES.binaryCrossentropy.fn(yb, pb),
        LOSSES.meanSquaredError.fn(yr, pb),
        LOSSES.meanAbsoluteError.fn(yr, pb),
        resolveMetrics(['accuracy'], 'categorical', 'x')[0].fn(yOneHot, p),
        resolveMetrics(['accuracy'], 'sparseCategorical', 'x')[0].fn(sparse, p),
        resolveMetrics(['accuracy'], 'binary', 'x')[0].fn(yb, pb),
      ]);
    });
    sparse.dispose();
  });

  it('worked values: -log(0.8), and clipping keeps log(0) finite', () => {
    expect(value(LOSSES.categoricalCrossentropy.fn(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.2, 0.8]])))).toBeCloseTo(
      -Math.log(0.8),
      6,
    );
    // p = 0 for the true class: clipped to 1e-7, loss = -log(1e-7) = 16.118
    expect(value(LOSSES.categoricalCrossentropy.fn(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 1]])))).toBeCloseTo(
      16.118,
      2,
    );
    expect(() => resolveLoss('hinge' as never)).toThrow(
      /unknown loss 'hinge', expected one of categoricalCrossentropy/,
    );
  });

  it('accuracy follows the loss kind and matches tfjs-layers metrics', () => {
    const acc = (kind: Parameters<typeof resolveMetrics>[1], yt: tf.Tensor, yp: tf.Tensor) =>
      value(resolveMetrics(['accuracy'], kind, 'x')[0].fn(yt, yp));
    expect(acc('categorical', yOneHot, p)).toBeCloseTo(value(tf.mean(tf.metrics.categoricalAccuracy(yOneHot, p))), 6);
    expect(acc('sparseCategorical', tf.tensor1d(ids), p)).toBeCloseTo(
      value(tf.mean(tf.metrics.categoricalAccuracy(yOneHot, p))),
      6,
    );
    expect(acc('binary', yb, pb)).toBeCloseTo(value(tf.mean(tf.metrics.binaryAccuracy(yb, pb))), 6);
    // Worked: predictions [0.9, 0.2, 0.6] vs labels [1, 1, 0] -> only the first is right.
    expect(acc('binary', tf.tensor2d([[1], [1], [0]]), tf.tensor2d([[0.9], [0.2], [0.6]]))).toBeCloseTo(1 / 3, 6);
    expect(() => resolveMetrics(['accuracy'], 'regression', 'meanSquaredError')).toThrow(/needs a classification loss/);
    expect(() => resolveMetrics([{ name: 'loss', fn: () => tf.scalar(0) }], 'regression', 'mse')).toThrow(/reserved/);
  });
});
