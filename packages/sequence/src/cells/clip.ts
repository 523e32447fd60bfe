/**
 * Gradient clipping, the cure the course gives for exploding gradients in RNNs (DLS course 5 week 1,
 * "Dinosaur Island": `clip(gradients, maxValue)`; Pascanu, Mikolov & Bengio 2013, "On the
 * difficulty of training recurrent neural networks", Algorithm 1, for the norm version).
 *
 * - by value: every entry is clipped to [-maxValue, maxValue] (changes the gradient's direction);
 * - by global norm: with N = sqrt(sum over all tensors of ||g||^2), if N > maxNorm every tensor is
 *   scaled by maxNorm / N (keeps the direction; tf.clip_by_global_norm, torch clip_grad_norm_).
 *
 * Both work on core's `Grads` records and return NEW tensors owned by the caller (clones where
 * nothing changed), so they slot between `backward` and `optimizer.step`:
 *   const clipped = clipGradientsByNorm(model.grads(), 5);
 *   optimizer.step(model.params(), clipped);
 *   disposeGrads(clipped);
 * (They only depend on core's types; they could live in core's scratch engine next to `trainStep`.)
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads } from '@dlkit/core/scratch';

/**
 * Clips every gradient entry to [-maxValue, maxValue].
 *
 * @example
 * const clipped = clipGradientsByValue({ W: tf.tensor1d([-7, 0.5, 3]) }, 2); // W: [-2, 0.5, 2]
 */
export function clipGradientsByValue(grads: Grads, maxValue: number): Grads {
  if (!(maxValue > 0 && Number.isFinite(maxValue)))
    throw new Error(`clipGradientsByValue: maxValue must be a positive finite number, got ${maxValue}`);
  const out: Grads = {};
  for (const [k, g] of Object.entries(grads)) out[k] = tf.tidy(() => tf.clipByValue(g, -maxValue, maxValue));
  return out;
}

/** sqrt(sum over all tensors of the sum of squares), accumulated in float64. */
export function globalNorm(grads: Grads): number {
  let sq = 0;
  for (const g of Object.values(grads)) {
    const s = tf.tidy(() => tf.sum(tf.square(g)));
    sq += s.dataSync()[0];
    s.dispose();
  }
  return Math.sqrt(sq);
}

/**
 * Scales all gradients together by maxNorm / N when their global norm N exceeds maxNorm (call
 * `globalNorm` first to log N). A non-finite norm cannot be scaled meaningfully and throws.
 *
 * @example
 * const clipped = clipGradientsByNorm({ a: tf.tensor1d([3, 4]), b: tf.tensor1d([12]) }, 6.5);
 * // N = sqrt(9 + 16 + 144) = 13 -> scale 0.5: a = [1.5, 2], b = [6]
 */
export function clipGradientsByNorm(grads: Grads, maxNorm: number): Grads {
  if (!(maxNorm > 0 && Number.isFinite(maxNorm)))
    throw new Error(`clipGradientsByNorm: maxNorm must be a positive finite number, got ${maxNorm}`);
  const norm = globalNorm(grads);
  if (!Number.isFinite(norm))
    throw new Error(`clipGradientsByNorm: the gradients' global norm is ${norm}; a gradient overflowed or is NaN`);
  const scale = norm > maxNorm ? maxNorm / norm : 1;
  const out: Grads = {};
  for (const [k, g] of Object.entries(grads)) out[k] = scale < 1 ? tf.mul(g, scale) : g.clone();
  return out;
}

/** Disposes every tensor of a gradient record (for the clipped copies the functions above return). */
export function disposeGrads(grads: Grads): void {
  for (const g of Object.values(grads)) g.dispose();
}
