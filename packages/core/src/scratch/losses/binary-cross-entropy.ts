/**
 * Binary cross-entropy on probabilities (DLS course 1 weeks 2-4):
 *   J = -(1/m) sum_i sum_j [y log a + (1 - y) log(1 - a)]   (summed over outputs, averaged over examples)
 *   dA = -(y / a - (1 - y) / (1 - a)) / m
 * with a clipped to [eps, 1 - eps]. After a Sigmoid layer this gives the course's dZ = (A - Y) / m.
 */
import * as tf from '@tensorflow/tfjs';
import { LOSS_EPSILON, LossResult } from './types';
import { checkPair, sumFloat64 } from './util';

/**
 * @example
 * const { loss, dA } = binaryCrossEntropy(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.9], [0.2]]));
 * // loss = -(ln 0.9 + ln 0.8) / 2 = 0.1643
 */
export function binaryCrossEntropy(yTrue: tf.Tensor, yPred: tf.Tensor): LossResult {
  const m = checkPair('binaryCrossEntropy', yTrue, yPred);
  const [terms, dA] = tf.tidy(() => {
    const a = tf.clipByValue(yPred, LOSS_EPSILON, 1 - LOSS_EPSILON);
    const oneMinusY = tf.sub(1, yTrue);
    const oneMinusA = tf.sub(1, a);
    const t = tf.add(tf.mul(yTrue, tf.log(a)), tf.mul(oneMinusY, tf.log(oneMinusA)));
    const d = tf.div(tf.sub(tf.div(oneMinusY, oneMinusA), tf.div(yTrue, a)), m);
    return [t, d];
  });
  const loss = -sumFloat64(terms) / m;
  terms.dispose();
  return { loss, dA };
}
