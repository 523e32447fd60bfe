import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { expectClose, expectNoLeak } from '../../testing';
import { autodiffCheck } from '../autodiff-check';
import { gradientCheck } from '../gradient-check';
import { projectionLoss } from '../losses/projection-loss';
import { Dropout } from './dropout';

beforeAll(async () => {
  await initBackend();
});

describe('Dropout', () => {
  test('inverted dropout: zeros with probability 1 - keepProb, survivors scaled by 1/keepProb, mean kept', () => {
    const drop = new Dropout({ keepProb: 0.8, seed: 3 });
    const A = drop.forward(tf.ones([200, 100]), { training: true });
    const v = A.dataSync();
    const kept = v.filter((a) => a !== 0);
    expect(kept.every((a) => Math.abs(a - 1.25) < 1e-6)).toBe(true);
    // 20,000 Bernoulli(0.8): std of the kept fraction is 0.0028, so 0.8 +- 0.01 is > 3 sigma
    expect(kept.length / v.length).toBeGreaterThan(0.79);
    expect(kept.length / v.length).toBeLessThan(0.81);
    // backward uses the same mask: dA_prev = dA * D / keepProb
    const dA = drop.backward(tf.ones([200, 100]));
    expectClose(dA, A, { atol: 0, rtol: 0, label: 'dA_prev' });
    drop.dispose();
  });

  test('the same seed reproduces the same masks; a different seed does not', () => {
    const masks = (seed: number) => {
      const drop = new Dropout({ keepProb: 0.5, seed });
      const out = [0, 1].map(() => Array.from(drop.forward(tf.ones([4, 8]), { training: true }).dataSync()));
      drop.dispose();
      return out;
    };
    const a = masks(7);
    expect(masks(7)).toEqual(a);
    expect(masks(8)).not.toEqual(a);
    expect(a[0]).not.toEqual(a[1]); // a new mask each step
  });

  test('identity at inference (no scaling), and its backward passes dA through', () => {
    const drop = new Dropout({ keepProb: 0.5, seed: 1 });
    const x = tf.tensor2d([[1, -2, 3]]);
    expectClose(drop.forward(x, { training: false }), x, { atol: 0, rtol: 0 });
    expectClose(drop.backward(tf.tensor2d([[4, 5, 6]])), [4, 5, 6], { atol: 0, rtol: 0 });
    expect(() => new Dropout({ keepProb: 0 })).toThrow('keepProb must be in (0, 1], got 0');
    drop.dispose();
  });

  test('with a fixed mask: equals autodiff of x * D / keepProb and passes gradient checking', async () => {
    const x = tf.randomNormal([5, 4], 0, 1, 'float32', 1);
    const D = tf.tensor2d([
      [1, 0, 1, 1],
      [0, 1, 1, 0],
      [1, 1, 1, 1],
      [1, 0, 0, 1],
      [1, 1, 0, 1],
    ]);
    const drop = new Dropout({ keepProb: 0.7 });
    drop.setFixedMask(D);
    for (const c of await autodiffCheck(drop, (a) => tf.div(tf.mul(a, D), 0.7), x)) {
      expectClose(c.ours, c.reference, { atol: 1e-6, label: c.key });
    }
    const R = tf.randomNormal([5, 4], 0, 1, 'float32', 2);
    const r = gradientCheck(drop, projectionLoss(R), x, R);
    expect(r.passed).toBe(true);
    expect(() => drop.forward(tf.ones([2, 2]), { training: true })).toThrow(
      'fixed mask has shape [5,4], input has [2,2]',
    );
    drop.dispose();
    tf.dispose([x, D, R]);
  });

  test('does not leak (random masks, fixed mask, inference)', async () => {
    const drop = new Dropout({ keepProb: 0.6, seed: 2 });
    const x = tf.ones([3, 4]);
    const step = (training: boolean) => () => {
      const a = drop.forward(x, { training });
      drop.backward(a).dispose();
      a.dispose();
    };
    await expectNoLeak(step(true));
    await expectNoLeak(step(false));
    const before = tf.memory().numTensors;
    const mask = tf.onesLike(x);
    drop.setFixedMask(mask);
    mask.dispose();
    await expectNoLeak(step(true));
    drop.dispose();
    x.dispose();
    // `before` counted x and an empty cache (inference); the mask copy and the last cache went with dispose
    expect(tf.memory().numTensors).toBe(before - 1);
  });
});
