import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { Rng } from '../../data/rng';
import { expectClose, expectNoLeak } from '../../testing';
import { autodiffCheck } from '../autodiff-check';
import { gradientCheck } from '../gradient-check';
import { projectionLoss } from '../losses/projection-loss';
import { AvgPool2D } from './avg-pool2d';
import { Flatten } from './flatten';
import { MaxPool2D } from './max-pool2d';

beforeAll(async () => {
  await initBackend();
});

/** Values 0.1 apart in random order: max-pool winners are unique and stay put under eps = 1e-3. */
function distinct(shape: number[], seed: number): tf.Tensor {
  return tf.tidy(() => {
    const n = shape.reduce((a, b) => a * b, 1);
    const perm = new Rng(seed).permutation(n);
    return tf.tensor(
      Float32Array.from(perm, (k) => (k - n / 2) * 0.1),
      shape,
    );
  });
}

// [poolSize, stride, H, W]
const geometries: [number, number, number, number][] = [
  [2, 2, 4, 4], // non-overlapping: the reshape path
  [3, 3, 7, 8], // non-overlapping with leftover rows and columns
  [3, 1, 5, 4], // overlapping windows
  [2, 1, 3, 3],
  [3, 2, 7, 6], // overlapping, stride 2, a leftover column
];

describe('MaxPool2D', () => {
  test('forward and backward worked out by hand (course create_mask_from_window)', () => {
    const pool = new MaxPool2D({ poolSize: 2 });
    const x = tf.tensor4d([1, 3, 2, 0, 4, 2, 8, 1, 0, 1, 5, 6, 2, -1, 7, 3], [1, 4, 4, 1]);
    expectClose(pool.forward(x, { training: false }), [4, 8, 2, 7]);
    // the gradient goes to the max of each window only
    expectClose(
      pool.backward(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1])),
      [0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0],
    );
    // ties: the first position of the window (row-major) takes the whole gradient
    pool.forward(tf.ones([1, 2, 2, 1]), { training: false });
    expectClose(pool.backward(tf.ones([1, 1, 1, 1])), [1, 0, 0, 0]);
    pool.dispose();
  });

  test.each(geometries)(
    'f %s stride %s on %sx%s: equals tf.maxPool autodiff on the cpu backend',
    async (f, s, H, W) => {
      const pool = new MaxPool2D({ poolSize: f, stride: s });
      const x = distinct([2, H, W, 3], 1);
      for (const c of await autodiffCheck(pool, (a) => tf.maxPool(a as tf.Tensor4D, f, s, 'valid'), x, {
        referenceBackend: 'cpu',
      })) {
        expectClose(c.ours, c.reference, { atol: 1e-6, label: c.key });
      }
      pool.dispose();
      x.dispose();
    },
  );

  // Slow (~1-5 s): numeric gradients, two forward passes per checked entry.
  test.each(geometries)(
    'f %s stride %s on %sx%s: passes gradient checking',
    (f, s, H, W) => {
      const pool = new MaxPool2D({ poolSize: f, stride: s });
      const x = distinct([2, H, W, 2], 2);
      const R = tf.randomNormal([2, ...pool.computeOutputShape([H, W, 2])], 0, 1, 'float32', 3);
      expect(gradientCheck(pool, projectionLoss(R), x, R).passed).toBe(true);
      pool.dispose();
      tf.dispose([x, R]);
    },
    30_000,
  );
});

describe('AvgPool2D', () => {
  test('forward and backward worked out by hand (course distribute_value)', () => {
    const pool = new AvgPool2D({ poolSize: 2 });
    const x = tf.tensor4d([1, 3, 2, 0, 4, 2, 8, 1, 0, 1, 5, 6, 2, -1, 7, 3], [1, 4, 4, 1]);
    expectClose(pool.forward(x, { training: false }), [2.5, 2.75, 0.5, 5.25]);
    expectClose(
      pool.backward(tf.tensor4d([4, 8, 12, 16], [1, 2, 2, 1])),
      [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4],
    );
    pool.dispose();
  });

  // Slow (~1-4 s): cpu-backend autodiff plus a numeric gradient check.
  test.each(geometries)(
    'f %s stride %s on %sx%s: equals tf.avgPool autodiff on the cpu backend, passes gradient checking',
    async (f, s, H, W) => {
      const pool = new AvgPool2D({ poolSize: f, stride: s });
      const x = tf.randomNormal([2, H, W, 3], 0, 1, 'float32', 4);
      for (const c of await autodiffCheck(pool, (a) => tf.avgPool(a as tf.Tensor4D, f, s, 'valid'), x, {
        referenceBackend: 'cpu',
      })) {
        expectClose(c.ours, c.reference, { atol: 1e-6, label: c.key });
      }
      const R = tf.randomNormal([2, ...pool.computeOutputShape([H, W, 3])], 0, 1, 'float32', 5);
      expect(gradientCheck(pool, projectionLoss(R), x, R).passed).toBe(true);
      pool.dispose();
      tf.dispose([x, R]);
    },
    30_000,
  );
});

describe('Flatten', () => {
  test('row-major reshape, backward reshapes back; equals autodiff; passes gradient checking', async () => {
    const flat = new Flatten();
    const x = tf.randomNormal([2, 3, 2, 2], 0, 1, 'float32', 6);
    for (const c of await autodiffCheck(flat, (a) => tf.reshape(a, [2, 12]), x))
      expectClose(c.ours, c.reference, { atol: 0, rtol: 0, label: c.key });
    const R = tf.randomNormal([2, 12], 0, 1, 'float32', 7);
    expect(gradientCheck(flat, projectionLoss(R), x, R).passed).toBe(true);
    expect(flat.computeOutputShape([3, 2, 2])).toEqual([12]);
    expect(() => flat.backward(tf.ones([2, 5]))).toThrow('expected 24 values');
    flat.dispose();
    tf.dispose([x, R]);
  });
});

test('pools validate and do not leak', async () => {
  expect(() => new MaxPool2D({ poolSize: 0 })).toThrow('poolSize must be a positive integer, got 0');
  expect(() => new AvgPool2D({ poolSize: 2, stride: 1.5 })).toThrow('stride must be a positive integer, got 1.5');
  const max = new MaxPool2D({ poolSize: 3 });
  expect(() => max.forward(tf.ones([1, 2, 2, 1]), { training: false })).toThrow(
    'input 2x2 is smaller than the 3x3 pooling window',
  );
  const x = tf.randomNormal([2, 6, 6, 2]);
  for (const layer of [max, new AvgPool2D({ poolSize: 2, stride: 1 }), new Flatten()]) {
    await expectNoLeak(() => {
      const a = layer.forward(x, { training: true });
      layer.backward(a).dispose();
      a.dispose();
    });
    layer.dispose();
  }
  x.dispose();
});
