/**
 * L2 regularization over a whole model (DLS course 2 week 1, compute_cost_with_regularization):
 *   cost term = lambda / (2m) sum_l ||W[l]||_F^2,   its gradient = (lambda / m) W[l],
 * for weights only: biases (and BatchNorm's gamma/beta) are not regularized. Weights are the
 * parameters named 'W' (or '<layer>.W' in a model's flattened parameters).
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads, Params } from './types';

export interface L2PenaltyResult {
  /** lambda / (2m) * sum of squared weights (float64 sum). */
  cost: number;
  /** (lambda / m) W for every weight key; add these to the data gradients. Owned by the caller. */
  grads: Grads;
}

/** Whether a (possibly layer-prefixed) parameter key names a weight matrix/kernel. */
export function isWeightKey(key: string): boolean {
  return key === 'W' || key.endsWith('.W');
}

/**
 * @example
 * const { cost, grads } = l2Penalty(model.params(), 0.7, m); // grads['dense1.W'] = 0.7 / m * W
 */
export function l2Penalty(
  params: Params,
  lambda: number,
  m: number,
  isWeight: (key: string) => boolean = isWeightKey,
): L2PenaltyResult {
  if (!(lambda >= 0)) throw new Error(`l2Penalty: lambda must be >= 0, got ${lambda}`);
  if (!(Number.isInteger(m) && m > 0))
    throw new Error(`l2Penalty: m (batch size) must be a positive integer, got ${m}`);
  let sumSq = 0;
  const grads: Grads = {};
  for (const [key, W] of Object.entries(params)) {
    if (!isWeight(key)) continue;
    const v = W.dataSync();
    for (let i = 0; i < v.length; i++) sumSq += v[i] * v[i];
    grads[key] = tf.mul(W, lambda / m);
  }
  return { cost: (lambda / (2 * m)) * sumSq, grads };
}
