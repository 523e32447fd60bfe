/**
 * Scaled dot-product attention (Vaswani et al. 2017, "Attention is all you need", eq. 1) and its
 * masks, as plain tf functions: the math every transformer block here runs, usable on its own for
 * tests and teaching.
 *
 *   Attention(Q, K, V) = softmax(Q Kᵀ / √d_k + bias) V
 *
 * Masks follow one convention everywhere in this folder: 1 = may attend (a token), 0 = may not (a
 * pad, or a future position). A mask becomes the additive bias (mask − 1) · 1e9, so a masked score
 * is ~−1e9 and its softmax weight exactly 0 in float32; a row whose keys are all masked gets
 * uniform weights (PyTorch gives NaN there).
 *
 * @example
 * const q = tf.randomNormal([2, 4, 8]);                  // [B, Tq, d_k]
 * const kv = tf.randomNormal([2, 5, 8]);                 // [B, Tk, d_k]
 * const pad = paddingMask(tf.tensor2d([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]])); // [B, 1, Tk]
 * const { output, weights } = scaledDotProductAttention(q, kv, kv, pad); // [2, 4, 8], [2, 4, 5]
 */
import * as tf from '@tensorflow/tfjs';

/** The additive score bias of a masked position: softmax turns score − 1e9 into exactly 0. */
export const MASKED_SCORE = -1e9;

export interface AttentionResult {
  /** The attended values [..., Tq, d_v]. */
  output: tf.Tensor;
  /** The attention weights [..., Tq, Tk]: each row sums to 1. */
  weights: tf.Tensor;
}

/**
 * softmax(q kᵀ / √d_k + bias) v over the last two axes.
 *
 * @param q queries [..., Tq, d_k]
 * @param k keys [..., Tk, d_k]
 * @param v values [..., Tk, d_v]
 * @param mask optional, broadcastable to [..., Tq, Tk]: 1 = attend, 0 = masked
 *   (`paddingMask`, `causalMask`, or their product)
 */
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): AttentionResult {
  return tf.tidy(() => {
    const weights = attentionWeights(q, k, mask ? maskBias(mask) : undefined); // [..., Tq, Tk]
    return { output: tf.matMul(weights, v), weights }; // [..., Tq, d_v]
  });
}

/**
 * softmax(q kᵀ / √d_k + bias): q [..., Tq, d_k], k [..., Tk, d_k], bias (additive, see `maskBias`)
 * broadcastable to [..., Tq, Tk]; returns [..., Tq, Tk].
 */
export function attentionWeights(q: tf.Tensor, k: tf.Tensor, bias?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const dk = q.shape[q.shape.length - 1];
    const scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dk)); // [..., Tq, Tk]
    return tf.softmax(bias ? tf.add(scores, bias) : scores); // over Tk (tfjs softmax: last axis only)
  });
}

/** The additive bias of a 1/0 mask: 0 where 1, −1e9 where 0 (same shape; any numeric dtype in). */
export function maskBias(mask: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.sub(tf.cast(mask, 'float32'), 1), -MASKED_SCORE));
}

/**
 * A padding mask [B, Tk] (1 = token, 0 = pad, as a tokenizer's `attention_mask`) shaped to
 * broadcast over queries: [B, 1, Tk], or [B, 1, 1, Tk] with `heads` for [B, h, Tq, Tk] scores.
 */
export function paddingMask(mask: tf.Tensor, { heads = false }: { heads?: boolean } = {}): tf.Tensor {
  if (mask.rank !== 2) throw new Error(`padding mask must be [batch, length], got shape [${mask.shape}]`);
  const [b, t] = mask.shape;
  return tf.reshape(tf.cast(mask, 'float32'), heads ? [b, 1, 1, t] : [b, 1, t]);
}

/**
 * The look-ahead (causal) mask [T, T]: position i may attend to keys 0..i only (1 on and below the
 * diagonal). Multiply it with a padding mask to apply both.
 */
export function causalMask(length: number): tf.Tensor2D {
  if (!(Number.isInteger(length) && length > 0))
    throw new Error(`causal mask length must be a positive integer, got ${length}`);
  return tf.tidy(() => {
    const i = tf.range(0, length, 1, 'int32');
    return tf.cast(tf.greaterEqual(tf.reshape(i, [length, 1]), tf.reshape(i, [1, length])), 'float32') as tf.Tensor2D;
  });
}
