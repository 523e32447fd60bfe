import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { expectClose, expectNoLeak } from '../testing';
import { isWeightKey, l2Penalty } from './l2-penalty';

beforeAll(async () => {
  await initBackend();
});

test('cost lambda/(2m) sum ||W||^2 and gradient lambda/m W, weights only (course 2 week 1)', async () => {
  const params = {
    'dense1.W': tf.variable(
      tf.tensor2d([
        [1, 2],
        [3, 4],
      ]),
    ),
    'dense1.b': tf.variable(tf.tensor1d([10, 10])),
    'batchNorm1.gamma': tf.variable(tf.tensor1d([5])),
    'dense2.W': tf.variable(tf.tensor2d([[-1], [1]])),
  };
  const { cost, grads } = l2Penalty(params, 0.5, 4);
  // sum of squares 1 + 4 + 9 + 16 + 1 + 1 = 32; 0.5 / 8 * 32 = 2
  expect(cost).toBeCloseTo(2, 10);
  expect(Object.keys(grads).sort()).toEqual(['dense1.W', 'dense2.W']);
  expectClose(grads['dense1.W'], [0.125, 0.25, 0.375, 0.5]);
  expectClose(grads['dense2.W'], [-0.125, 0.125]);
  // and that gradient is the autodiff gradient of the cost term
  const auto = tf.grad((W: tf.Tensor) => tf.mul(tf.sum(tf.square(W)), 0.5 / 8))(params['dense1.W']);
  expectClose(grads['dense1.W'], auto);
  await expectNoLeak(() => tf.dispose(Object.values(l2Penalty(params, 0.5, 4).grads)));
  tf.dispose([...Object.values(grads), ...Object.values(params), auto]);
  expect(isWeightKey('W')).toBe(true);
  expect(isWeightKey('conv2d1.W')).toBe(true);
  expect(isWeightKey('dense1.b')).toBe(false);
  expect(() => l2Penalty({}, -1, 4)).toThrow('lambda must be >= 0, got -1');
  expect(() => l2Penalty({}, 1, 0)).toThrow('m (batch size) must be a positive integer, got 0');
});
