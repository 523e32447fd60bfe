/**
 * The masked-LM loss and its held-out metric. Targets are ids [B, M] with -1 (MLM_IGNORE_LABEL)
 * for padding slots; predictions are logits [B, M, V] (the vocabulary head at the masked
 * positions only).
 */
import * as tf from '@tensorflow/tfjs';
import { Dataset } from '@dlkit/core';

/**
 * Mean cross-entropy over the real masked positions of a batch.
 * @param yTrue [B, M] original ids, -1 for padding slots
 * @param yPred [B, M, V] logits
 */
export function maskedLmLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const labels = tf.cast(yTrue, 'int32'); // [B, M]
    const valid = tf.cast(tf.greaterEqual(labels, 0), 'float32'); // [B, M]
    const v = yPred.shape[yPred.rank - 1];
    const logp = tf.logSoftmax(yPred); // [B, M, V]
    const picked = tf.sum(tf.mul(tf.oneHot(tf.cast(tf.maximum(labels, 0), 'int32') as tf.Tensor2D, v), logp), -1); // [B, M]
    return tf.div(tf.neg(tf.sum(tf.mul(picked, valid))), tf.maximum(tf.sum(valid), 1)) as tf.Scalar;
  });
}

export interface MaskedAccuracy {
  /** Fraction of masked positions whose argmax is the original token. */
  accuracy: number;
  /** Masked positions scored. */
  count: number;
}

/** Argmax accuracy of a masked-LM training model (bertMlmTrainingModel) over a whole data set. */
export function maskedAccuracy(model: tf.LayersModel, data: Dataset, batchSize = 64): MaskedAccuracy {
  let correct = 0;
  let count = 0;
  for (let from = 0; from < data.size; from += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, data.size - from) }, (_, k) => from + k);
    const b = data.batch(indices);
    const [hits, n] = tf.tidy(() => {
      const labels = b.y; // [b, M]
      const guess = tf.argMax(model.predict(b.x) as tf.Tensor, -1); // [b, M]
      const valid = tf.greaterEqual(labels, 0);
      return [tf.sum(tf.logicalAnd(valid, tf.equal(guess, labels))), tf.sum(valid)].map((t) => t.dataSync()[0]);
    });
    tf.dispose([b.x, b.y].flat());
    correct += hits;
    count += n;
  }
  return { accuracy: count ? correct / count : 0, count };
}

/**
 * The unigram-frequency baseline: always guess the most frequent ordinary token of the training
 * sequences; its accuracy on the held-out masked positions is that token's share of them.
 */
export function unigramBaseline(
  train: readonly (readonly number[])[],
  heldOutLabels: readonly number[],
  specialIds: readonly number[],
): { token: number; accuracy: number } {
  const special = new Set(specialIds);
  const counts = new Map<number, number>();
  for (const s of train) for (const id of s) if (!special.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  let token = -1;
  let best = -1;
  for (const [id, n] of counts) if (n > best) [token, best] = [id, n];
  const hits = heldOutLabels.filter((id) => id === token).length;
  return { token, accuracy: heldOutLabels.length ? hits / heldOutLabels.length : 0 };
}
