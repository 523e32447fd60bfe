/**
 * Softmax + categorical cross-entropy fused, on logits Z [m, k] (DLS course 2 week 3):
 *   J = -(1/m) sum_i sum_k y_ik log softmax(Z)_ik   (log-softmax computed stably, no clipping needed)
 *   dZ = (softmax(Z) - Y) / m
 * `dA` of the result is this gradient w.r.t. the logits: use it after a Dense layer without Softmax.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossResult } from './types';
import { checkPair, sumFloat64 } from './util';

/**
 * @example
 * const { loss, dA } = softmaxCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 0]]));
 * // loss = ln 2 = 0.6931, dA = [[-0.5, 0.5]]
 */
export function softmaxCrossEntropy(yTrue: tf.Tensor, logits: tf.Tensor): LossResult {
  const m = checkPair('softmaxCrossEntropy', yTrue, logits);
  const [terms, dZ] = tf.tidy(() => {
    const logA = tf.logSoftmax(logits); // log softmax(Z) = Z - logsumexp(Z)
    return [tf.mul(yTrue, logA), tf.div(tf.sub(tf.exp(logA), yTrue), m)];
  });
  const loss = -sumFloat64(terms) / m;
  terms.dispose();
  return { loss, dA: dZ };
}
