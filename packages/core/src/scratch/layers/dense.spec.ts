import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { expectClose, expectNoLeak } from '../../testing';
import { autodiffCheck } from '../autodiff-check';
import { gradientCheck } from '../gradient-check';
import { projectionLoss } from '../losses/projection-loss';
import { Dense } from './dense';

beforeAll(async () => {
  await initBackend();
});

describe('Dense', () => {
  test('forward is A_prev W + b, worked out by hand', () => {
    const dense = new Dense({ units: 2, inputDim: 3, seed: 1 });
    dense.params.W.assign(
      tf.tensor2d([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    );
    dense.params.b.assign(tf.tensor1d([0.5, -1]));
    const Z = dense.forward(
      tf.tensor2d([
        [1, 0, -1],
        [2, 1, 0],
      ]),
      { training: true },
    );
    // row 1: [1 - 5 + 0.5, 2 - 6 - 1] = [-3.5, -5]; row 2: [2 + 3 + 0.5, 4 + 4 - 1] = [5.5, 7]
    expectClose(
      Z,
      tf.tensor2d([
        [-3.5, -5],
        [5.5, 7],
      ]),
      { label: 'Z' },
    );
    // dZ = ones: dW = A_prev^T 1 = column sums of A_prev per row of W, db = m, dA_prev = 1 W^T = row sums of W
    const dA = dense.backward(tf.ones([2, 2]));
    expectClose(
      dense.grads.W,
      tf.tensor2d([
        [3, 3],
        [1, 1],
        [-1, -1],
      ]),
      { label: 'dW' },
    );
    expectClose(dense.grads.b, tf.tensor1d([2, 2]), { label: 'db' });
    expectClose(
      dA,
      tf.tensor2d([
        [3, 7, 11],
        [3, 7, 11],
      ]),
      { label: 'dA_prev' },
    );
    dense.dispose();
  });

  test('backward equals tfjs autodiff of x W + b (and with L2 the extra lambda/m W)', async () => {
    const x = tf.randomNormal([5, 4], 0, 1, 'float32', 3);
    const dense = new Dense({ units: 3, seed: 2 });
    for (const c of await autodiffCheck(dense, (a, p) => tf.add(tf.matMul(a, p.W), p.b), x)) {
      expectClose(c.ours, c.reference, { atol: 1e-5, rtol: 1e-5, label: c.key });
    }
    const reg = new Dense({ units: 3, seed: 2, l2: 0.7 });
    const cmp = await autodiffCheck(reg, (a, p) => tf.add(tf.matMul(a, p.W), p.b), x);
    const W = Array.from(reg.params.W.dataSync());
    const dW = cmp.find((c) => c.key === 'W')!;
    // ours = autodiff data gradient + (0.7 / 5) W
    expectClose(
      dW.ours,
      dW.reference.map((g, i) => g + (0.7 / 5) * W[i]),
      { atol: 1e-5, label: 'dW with L2' },
    );
    // cost term lambda/(2m) ||W||^2
    const sq = W.reduce((s, w) => s + w * w, 0);
    expect(reg.regularizationCost()).toBeCloseTo((0.7 / 10) * sq, 5);
    dense.dispose();
    reg.dispose();
    x.dispose();
  });

  test('passes gradient checking (with and without L2)', () => {
    const x = tf.randomNormal([6, 4], 0, 1, 'float32', 5);
    const R = tf.randomNormal([6, 3], 0, 1, 'float32', 6);
    for (const l2 of [0, 0.5]) {
      const dense = new Dense({ units: 3, inputDim: 4, l2, initializer: 'xavier', seed: 4 });
      const result = gradientCheck(dense, projectionLoss(R), x, tf.zeros([6, 3]));
      expect(result.passed).toBe(true);
      expect(result.relativeDifference).toBeLessThan(1e-3);
      expect(result.entries.map((e) => e.key)).toEqual(['W', 'b', 'input']);
      dense.dispose();
    }
    tf.dispose([x, R]);
  });

  test('builds lazily from the first input, and validates', () => {
    const dense = new Dense({ units: 2, useBias: false });
    expect(dense.built).toBe(false);
    const Z = dense.forward(tf.ones([3, 5]), { training: false });
    expect(dense.params.W.shape).toEqual([5, 2]);
    expect(dense.params.b).toBeUndefined();
    expect(Z.shape).toEqual([3, 2]);
    expect(() => dense.forward(tf.ones([3, 4]), { training: false })).toThrow('input has 4 features, expected 5');
    expect(() => dense.forward(tf.ones([3]), { training: false })).toThrow('expected a rank-2 input [m, n_prev]');
    expect(() => dense.backward(tf.ones([3, 3]))).toThrow('dZ has shape [3,3], expected [3,2]');
    expect(() => new Dense({ units: -3 })).toThrow('units must be a positive integer, got -3');
    expect(() => new Dense({ units: 2, initializer: 'nope' as never })).toThrow("unknown initializer 'nope'");
    expect(() => new Dense({ units: 2 }).backward(tf.ones([1, 2]))).toThrow('backward called before forward');
    dense.dispose();
  });

  test('same seed, same weights; different seed, different weights', () => {
    const a = new Dense({ units: 3, inputDim: 4, seed: 9 });
    const b = new Dense({ units: 3, inputDim: 4, seed: 9 });
    const c = new Dense({ units: 3, inputDim: 4, seed: 10 });
    expectClose(a.params.W, b.params.W, { atol: 0, rtol: 0 });
    expect(Array.from(a.params.W.dataSync())).not.toEqual(Array.from(c.params.W.dataSync()));
    [a, b, c].forEach((d) => d.dispose());
  });

  test('forward/backward steps do not leak, also inside tf.tidy', async () => {
    const dense = new Dense({ units: 3, inputDim: 4, l2: 0.1 });
    const x = tf.ones([2, 4]);
    await expectNoLeak(() => {
      const Z = dense.forward(x, { training: true });
      dense.backward(Z).dispose();
      Z.dispose();
      dense.regularizationCost();
    });
    await expectNoLeak(() =>
      tf.tidy(() => {
        dense.backward(dense.forward(x, { training: true }));
      }),
    );
    // after tidy, the cache and grads survived
    expect(dense.grads.W.isDisposed).toBe(false);
    dense.dispose();
    x.dispose();
  });
});
