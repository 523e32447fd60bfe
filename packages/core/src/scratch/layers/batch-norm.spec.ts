import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { expectClose, expectNoLeak } from '../../testing';
import { autodiffCheck } from '../autodiff-check';
import { gradientCheck } from '../gradient-check';
import { projectionLoss } from '../losses/projection-loss';
import { BatchNorm } from './batch-norm';

beforeAll(async () => {
  await initBackend();
});

const EPS = 1e-5;
/** The paper's forward in tf ops, differentiated by tfjs (mean and variance depend on Z). */
const reference = (Z: tf.Tensor, p: Record<string, tf.Tensor>) => {
  const { mean, variance } = tf.moments(Z, 0);
  return tf.add(tf.mul(p.gamma, tf.div(tf.sub(Z, mean), tf.sqrt(tf.add(variance, EPS)))), p.beta);
};

describe('BatchNorm', () => {
  test('training forward normalizes each column; backward equals tfjs autodiff of the formula', async () => {
    const bn = new BatchNorm({ epsilon: EPS });
    const Z = tf.tidy(() => tf.add(tf.mul(tf.randomNormal([8, 3], 0, 1, 'float32', 1), 3), 5));
    bn.build([3]);
    bn.params.gamma.assign(tf.tensor1d([1.5, 0.5, -1]));
    bn.params.beta.assign(tf.tensor1d([0.1, -0.2, 0.3]));
    for (const c of await autodiffCheck(bn, reference, Z, { seed: 2 })) {
      expectClose(c.ours, c.reference, { atol: 2e-5, rtol: 1e-4, label: c.key });
    }
    // with gamma = 1, beta = 0 the output columns have mean 0 and (biased) variance 1
    const plain = new BatchNorm();
    const out = plain.forward(Z, { training: true });
    const { mean, variance } = tf.moments(out, 0);
    expectClose(mean, [0, 0, 0], { atol: 1e-5 });
    expectClose(variance, [1, 1, 1], { atol: 1e-3 });
    tf.dispose([out, mean, variance, Z]);
    bn.dispose();
    plain.dispose();
  });

  test('running statistics: momentum averages of batch mean/variance, used at inference', () => {
    const bn = new BatchNorm({ momentum: 0.5, epsilon: EPS });
    const Z = tf.tensor2d([
      [1, 10],
      [3, 20],
    ]); // mean [2, 15], biased variance [1, 25]
    bn.forward(Z, { training: true }).dispose();
    // running = 0.5 * init + 0.5 * batch, init mean 0, var 1
    expectClose(bn.runningMean!, [1, 7.5], { label: 'running mean' });
    expectClose(bn.runningVar!, [1, 13], { label: 'running var' });
    const A = bn.forward(tf.tensor2d([[2, 7.5]]), { training: false }); // a single example is fine at inference
    expectClose(A, [(2 - 1) / Math.sqrt(1 + EPS), 0], { atol: 1e-6, label: 'inference output' });
    // inference backward treats the statistics as constants: dZ = dOut * gamma / sqrt(var + eps)
    expectClose(bn.backward(tf.tensor2d([[1, 1]])), [1 / Math.sqrt(1 + EPS), 1 / Math.sqrt(13 + EPS)], { atol: 1e-6 });
    expect(() => bn.forward(tf.ones([1, 2]), { training: true })).toThrow('at least 2 examples');
    expect(() => bn.forward(tf.ones([2, 3]), { training: true })).toThrow('input has 3 features, expected 2');
    expect(() => new BatchNorm({ momentum: 1 })).toThrow('momentum must be in [0, 1), got 1');
    bn.dispose();
  });

  test('passes gradient checking (training and inference mode)', () => {
    const Z = tf.randomNormal([6, 3], 0, 2, 'float32', 4);
    const R = tf.randomNormal([6, 3], 0, 1, 'float32', 5);
    for (const training of [true, false]) {
      const bn = new BatchNorm({ inputDim: 3 });
      bn.params.gamma.assign(tf.tensor1d([0.7, 1.3, -0.4]));
      bn.forward(Z, { training: true }).dispose(); // non-trivial running statistics
      const r = gradientCheck(bn, projectionLoss(R), Z, R, { training });
      expect({ training, passed: r.passed }).toEqual({ training, passed: true });
      bn.dispose();
    }
    tf.dispose([Z, R]);
  });

  test('does not leak', async () => {
    const bn = new BatchNorm({ inputDim: 2 });
    const Z = tf.tensor2d([
      [1, 2],
      [3, 5],
      [0, 1],
    ]);
    await expectNoLeak(() => {
      const out = bn.forward(Z, { training: true });
      bn.backward(out).dispose();
      out.dispose();
    });
    bn.dispose();
    Z.dispose();
  });
});
