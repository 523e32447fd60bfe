import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { expectClose, expectNoLeak } from '../../testing';
import { autodiffCheck, ReferenceForward } from '../autodiff-check';
import { gradientCheck } from '../gradient-check';
import { projectionLoss } from '../losses/projection-loss';
import type { ScratchLayer } from '../types';
import { BaseLayer } from './base';
import { LeakyReLU } from './leaky-relu';
import { ReLU } from './relu';
import { Sigmoid } from './sigmoid';
import { Softmax } from './softmax';
import { Tanh } from './tanh';

beforeAll(async () => {
  await initBackend();
});

/** Input with |x| >= 0.1, so eps = 1e-3 never crosses ReLU's kink. */
function input(): tf.Tensor {
  return tf.tidy(() => {
    const z = tf.randomNormal([5, 4], 0, 1, 'float32', 11);
    return tf.mul(tf.sign(z), tf.add(tf.abs(z), 0.1));
  });
}

const cases: [string, () => BaseLayer, ReferenceForward][] = [
  ['ReLU', () => new ReLU(), (x) => tf.relu(x)],
  ['LeakyReLU', () => new LeakyReLU({ alpha: 0.2 }), (x) => tf.leakyRelu(x, 0.2)],
  ['Sigmoid', () => new Sigmoid(), (x) => tf.sigmoid(x)],
  ['Tanh', () => new Tanh(), (x) => tf.tanh(x)],
  ['Softmax', () => new Softmax(), (x) => tf.softmax(x)],
];

describe.each(cases)('%s', (_name, make, reference) => {
  test('forward and backward equal tfjs autodiff of the tf op', async () => {
    const layer = make();
    const x = input();
    for (const c of await autodiffCheck(layer, reference, x, { seed: 1 })) {
      expectClose(c.ours, c.reference, { atol: 1e-6, rtol: 1e-5, label: c.key });
    }
    layer.dispose();
    x.dispose();
  });

  test('passes gradient checking', () => {
    const layer = make();
    const x = input();
    const R = tf.randomNormal([5, 4], 0, 1, 'float32', 2);
    const r = gradientCheck(layer as ScratchLayer, projectionLoss(R), x, R);
    expect(r.passed).toBe(true);
    expect(r.relativeDifference).toBeLessThan(1e-3);
    tf.dispose([x, R]);
    layer.dispose();
  });

  test('does not leak across steps', async () => {
    const layer = make();
    const x = input();
    await expectNoLeak(() => {
      const a = layer.forward(x, { training: true });
      layer.backward(a).dispose();
      a.dispose();
    });
    layer.dispose();
    x.dispose();
  });
});

test('values worked out by hand', () => {
  const z = tf.tensor2d([[-2, 0, 3]]);
  const ctx = { training: false };
  expectClose(new ReLU().forward(z, ctx), [0, 0, 3]);
  expectClose(new LeakyReLU({ alpha: 0.1 }).forward(z, ctx), [-0.2, 0, 3]);
  // sigmoid(0) = 0.5, its derivative 0.25; tanh'(0) = 1
  const sig = new Sigmoid();
  sig.forward(tf.tensor2d([[0]]), ctx);
  expectClose(sig.backward(tf.tensor2d([[1]])), [0.25]);
  const tanh = new Tanh();
  tanh.forward(tf.tensor2d([[0]]), ctx);
  expectClose(tanh.backward(tf.tensor2d([[2]])), [2]);
  // softmax([0, ln 3]) = [0.25, 0.75]; with dA = [1, 0]: dZ = A * (dA - A.dA) = [0.25 * 0.75, 0.75 * -0.25]
  const sm = new Softmax();
  expectClose(sm.forward(tf.tensor2d([[0, Math.log(3)]]), ctx), [0.25, 0.75]);
  expectClose(sm.backward(tf.tensor2d([[1, 0]])), [0.1875, -0.1875]);
  // ReLU gradient at exactly 0 is taken as 0
  const relu = new ReLU();
  relu.forward(z, ctx);
  expectClose(relu.backward(tf.ones([1, 3])), [0, 0, 1]);
  expect(() => new LeakyReLU({ alpha: 2 })).toThrow('alpha must be in [0, 1), got 2');
  expect(() => relu.backward(tf.ones([1, 2]))).toThrow('dA has shape [1,2], expected [1,3]');
});
