import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { binaryCrossEntropy } from '../scratch/losses/binary-cross-entropy';
import { expectClose, expectNoLeak } from '../testing';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy';

beforeAll(async () => {
  await initBackend();
});

describe('sigmoidCrossEntropy (logits)', () => {
  it('matches the worked example in its doc comment', () => {
    // z = [0, 2], y = [1, 0]: terms ln 2 = 0.693147 and 2 + ln(1 + e^-2) = 2.126928; mean 1.410038
    // dZ = (sigmoid(z) - y) / 2 = [(0.5 - 1) / 2, 0.880797 / 2] = [-0.25, 0.440399]
    const z = tf.tensor2d([[0], [2]]);
    const y = tf.tensor2d([[1], [0]]);
    const { loss, dA } = sigmoidCrossEntropy(y, z);
    expect(loss).toBeCloseTo(1.410038, 5);
    expectClose(dA, [-0.25, 0.440399]);
    tf.dispose([z, y, dA]);
  });

  it('equals binaryCrossEntropy(sigmoid(z)) and its chain rule for moderate logits', () => {
    const z = tf.tensor2d([[-3], [-0.5], [0.2], [1.7], [4]]);
    const y = tf.tensor2d([[0], [1], [1], [0], [1]]);
    const a = tf.sigmoid(z);
    const ours = sigmoidCrossEntropy(y, z);
    const ref = binaryCrossEntropy(y, a);
    expect(ours.loss).toBeCloseTo(ref.loss, 5);
    const chain = tf.mul(ref.dA, tf.mul(a, tf.sub(1, a))); // dZ = dA * a (1 - a)
    expectClose(ours.dA, chain, { atol: 1e-6, rtol: 1e-4 });
    tf.dispose([z, y, a, ours.dA, ref.dA, chain]);
  });

  it('matches a two-sided numeric gradient (float64 loss sums, eps 1e-3)', () => {
    const values = [-1.3, 0.4, 2.2];
    const labels = [1, 0, 0];
    const y = tf.tensor2d(labels, [3, 1]);
    const lossAt = (v: number[]) => {
      const z = tf.tensor2d(v, [3, 1]);
      const r = sigmoidCrossEntropy(y, z);
      tf.dispose([z, r.dA]);
      return r.loss;
    };
    const z = tf.tensor2d(values, [3, 1]);
    const { dA } = sigmoidCrossEntropy(y, z);
    const analytic = dA.dataSync();
    values.forEach((_, i) => {
      const plus = values.slice();
      const minus = values.slice();
      plus[i] += 1e-3;
      minus[i] -= 1e-3;
      expect(analytic[i]).toBeCloseTo((lossAt(plus) - lossAt(minus)) / 2e-3, 4);
    });
    tf.dispose([y, z, dA]);
  });

  it('keeps the course gradient A - Y where a separate float32 sigmoid saturates', () => {
    // z = 40: float32 sigmoid(40) == 1 exactly, so Sigmoid.backward's dA * A (1 - A) is 0;
    // the fused gradient is (1 - 0) / 1 = 1, and the loss is z = 40 (finite, no clipping needed)
    const z = tf.tensor2d([[40]]);
    const y = tf.tensor2d([[0]]);
    const { loss, dA } = sigmoidCrossEntropy(y, z);
    const a = tf.sigmoid(z);
    expect(a.dataSync()[0]).toBe(1);
    a.dispose();
    expect(loss).toBeCloseTo(40, 4);
    expectClose(dA, [1]);
    tf.dispose([z, y, dA]);
  });

  it('checks shapes and leaks nothing', async () => {
    const z = tf.zeros([4, 1]);
    const y = tf.zeros([4, 2]);
    expect(() => sigmoidCrossEntropy(y, z)).toThrow(/logits have shape \[4,1\] but labels have \[4,2\]/);
    const y1 = tf.ones([4, 1]);
    await expectNoLeak(() => sigmoidCrossEntropy(y1, z).dA.dispose());
    tf.dispose([z, y, y1]);
  });
});
