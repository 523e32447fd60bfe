/**
 * Mean squared error over all elements (Keras's 'mse'): for a prediction of n = m k values,
 *   J = (1/n) sum (a - y)^2,   dA = 2 (a - y) / n.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossResult } from './types';
import { checkPair, sumFloat64 } from './util';

/**
 * @example
 * const { loss, dA } = meanSquaredError(tf.tensor2d([[0], [1]]), tf.tensor2d([[1], [3]]));
 * // loss = (1 + 4) / 2 = 2.5, dA = [[1], [2]]
 */
export function meanSquaredError(yTrue: tf.Tensor, yPred: tf.Tensor): LossResult {
  checkPair('meanSquaredError', yTrue, yPred);
  const n = yPred.size;
  const [sq, dA] = tf.tidy(() => {
    const diff = tf.sub(yPred, yTrue);
    return [tf.square(diff), tf.mul(diff, 2 / n)];
  });
  const loss = sumFloat64(sq) / n;
  sq.dispose();
  return { loss, dA };
}
