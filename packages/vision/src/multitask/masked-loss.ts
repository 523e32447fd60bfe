/**
 * Losses for partially labelled multi-task data (the course's multi-task example, where a
 * missing label is marked and left out of the cost): a target of -1 (or mask 0) contributes
 * nothing to the loss or its gradient, and the loss is the mean over the PRESENT labels only
 * (sum of masked per-sample losses / number present; 0 when none is present, never NaN).
 *
 * Per-sample losses (ε-clipped like tf.losses): softmax head, class index t:
 *   -log p[t];  sigmoid head, t ∈ {0, 1}: -(t log p + (1 - t) log(1 - p)).
 *
 * @example
 * const loss = maskedLoss('softmax', tf.tensor1d([3, -1, 7]), probs); // sample 2 ignored
 */
import * as tf from '@tensorflow/tfjs';

export type HeadKind = 'softmax' | 'sigmoid';

/** Marks a missing label. */
export const MISSING = -1;

const EPSILON = 1e-7;

/**
 * Mean loss over present labels.
 * @param kind 'softmax' (pred [B, K] probabilities) or 'sigmoid' (pred [B, 1] or [B] probabilities)
 * @param target [B] class indices / 0-1 labels, MISSING (-1) where unlabelled
 * @param pred the head's output
 * @param mask optional [B] 1 = present, 0 = missing (default: target >= 0)
 */
export function maskedLoss(kind: HeadKind, target: tf.Tensor, pred: tf.Tensor, mask?: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const b = pred.shape[0];
    if (target.size !== b) throw new Error(`maskedLoss: target has ${target.size} values for a batch of ${b}`);
    const t = target.reshape([b]); // [B]
    const m = (mask ? mask.reshape([b]) : t.greaterEqual(0)).toFloat(); // [B]
    // Missing targets are replaced by a valid dummy (0) so no log/oneHot sees -1; the mask zeroes them.
    const safe = tf.where(m.cast('bool'), t, tf.zerosLike(t)); // [B]
    const p = pred.clipByValue(EPSILON, 1 - EPSILON);
    let perSample: tf.Tensor; // [B]
    if (kind === 'softmax') {
      const k = pred.shape[pred.shape.length - 1] as number;
      if (pred.rank !== 2) throw new Error(`maskedLoss: softmax predictions should be [B, K], got [${pred.shape}]`);
      const oneHot = tf.oneHot(safe.toInt(), k).toFloat(); // [B, K]
      perSample = oneHot.mul(p.log()).sum(-1).neg();
    } else {
      const q = p.reshape([b]);
      perSample = safe
        .mul(q.log())
        .add(tf.scalar(1).sub(safe).mul(tf.scalar(1).sub(q).log()))
        .neg();
    }
    const present = m.sum();
    return perSample.mul(m).sum().div(tf.maximum(present, 1)) as tf.Scalar;
  });
}
