/**
 * Sigmoid + binary cross-entropy fused, on logits Z [m, 1] — the binary twin of the scratch
 * engine's `softmaxCrossEntropy` (an adapter kept here until the engine has one):
 *   J = (1/m) sum_i [max(z, 0) - z y + log(1 + e^-|z|)]   (= -(1/m) sum [y log a + (1-y) log(1-a)], a = sigmoid(z), computed stably)
 *   dZ = (sigmoid(Z) - Y) / m
 * Why the DLS experiments use it: the course's backward starts from dZ[L] = A[L] - Y (course 1
 * week 3-4, course 2 week 1), which stays exact when the sigmoid saturates. A separate Sigmoid
 * layer followed by binaryCrossEntropy computes dA * A (1 - A) instead, and in float32 a unit
 * with z > ~17 has A == 1 exactly, so its gradient is 0: the "large random" initialisation
 * (weights * 10) then never trains, unlike in the course's float64 numpy.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossResult } from '../scratch/losses/types';
import { sumFloat64 } from '../scratch/losses/util';

/**
 * @example
 * const { loss, dA } = sigmoidCrossEntropy(tf.tensor2d([[1], [0]]), tf.tensor2d([[0], [2]]));
 * // loss = (ln 2 + (2 + ln(1 + e^-2))) / 2 = 1.4100, dA = [[(0.5 - 1) / 2], [(0.8808 - 0) / 2]]
 */
export function sigmoidCrossEntropy(yTrue: tf.Tensor, logits: tf.Tensor): LossResult {
  if (logits.shape.join(',') !== yTrue.shape.join(',')) {
    throw new Error(
      `sigmoidCrossEntropy: logits have shape [${logits.shape}] but labels have [${yTrue.shape}]; they must match, e.g. [m, 1]`,
    );
  }
  const m = logits.shape[0];
  if (!m) throw new Error(`sigmoidCrossEntropy: expected a non-empty batch [m, 1], got shape [${logits.shape}]`);
  const [terms, dZ] = tf.tidy(() => {
    const t = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, yTrue)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    return [t, tf.div(tf.sub(tf.sigmoid(logits), yTrue), m)];
  });
  const loss = sumFloat64(terms) / m;
  terms.dispose();
  return { loss, dA: dZ };
}
