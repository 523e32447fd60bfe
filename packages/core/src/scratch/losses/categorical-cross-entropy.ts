/**
 * Categorical cross-entropy on probabilities, e.g. after a Softmax layer (DLS course 2 week 3):
 *   J = -(1/m) sum_i sum_k y_ik log a_ik,   dA = -y / (a m)   (a clipped to [eps, 1 - eps]).
 * Through the Softmax layer's backward this becomes dZ = (A - Y) / m; `softmaxCrossEntropy`
 * computes that directly from logits, which is cheaper and numerically safer.
 */
import * as tf from '@tensorflow/tfjs';
import { LOSS_EPSILON, LossResult } from './types';
import { checkPair, sumFloat64 } from './util';

/**
 * @example
 * const { loss } = categoricalCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0.7, 0.3]]));
 * // loss = -ln 0.7 = 0.3567
 */
export function categoricalCrossEntropy(yTrue: tf.Tensor, yPred: tf.Tensor): LossResult {
  const m = checkPair('categoricalCrossEntropy', yTrue, yPred);
  const [terms, dA] = tf.tidy(() => {
    const a = tf.clipByValue(yPred, LOSS_EPSILON, 1 - LOSS_EPSILON);
    return [tf.mul(yTrue, tf.log(a)), tf.div(tf.neg(tf.div(yTrue, a)), m)];
  });
  const loss = -sumFloat64(terms) / m;
  terms.dispose();
  return { loss, dA };
}
