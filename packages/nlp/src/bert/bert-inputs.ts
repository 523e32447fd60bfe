/**
 * Encodings as the three int32 input tensors of a BERT model, and the mean-pooled sentence
 * embedding (transformers.js's feature-extraction with `{ pooling: 'mean', normalize: true }`:
 * the mean of last_hidden_state over the attention mask, [CLS] and [SEP] included, then L2-normalised).
 *
 * @example
 * const e = tokenizer.encodeBatch(['a cat', 'a dog sat'], { padding: 'longest' });
 * const x = bertInputs(e);                                  // [input_ids, attention_mask, token_type_ids] [2, T]
 * const v = embedSentences(encoder.model, tokenizer, texts); // [2, H], unit rows
 */
import * as tf from '@tensorflow/tfjs';
import { Encoding } from '../tokenizers/encoding';
import { SubwordTokenizer } from '../tokenizers/subword-tokenizer';

/** [input_ids, attention_mask, token_type_ids], each int32 [B, T]; the encodings must share a length. */
export function bertInputs(encodings: readonly Encoding[]): tf.Tensor2D[] {
  const t = encodings[0]?.ids.length ?? 0;
  if (encodings.some((e) => e.ids.length !== t))
    throw new Error("bertInputs: encodings of different lengths (encode with padding: 'longest' or 'max_length')");
  const rows = (key: 'ids' | 'attentionMask' | 'typeIds') =>
    tf.tensor2d(
      encodings.map((e) => e[key]),
      [encodings.length, t],
      'int32',
    );
  return [rows('ids'), rows('attentionMask'), rows('typeIds')];
}

/**
 * Mean over the real tokens, then L2 normalisation.
 * @param hidden [B, T, H]
 * @param mask [B, T] (1 = token)
 * @returns [B, H]
 */
export function meanPoolNormalized(hidden: tf.Tensor3D, mask: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const m = tf.expandDims(tf.cast(mask, 'float32'), -1); // [B, T, 1]
    const mean = tf.div(tf.sum(tf.mul(hidden, m), 1), tf.maximum(tf.sum(m, 1), 1e-9)); // [B, H]
    return tf.div(mean, tf.maximum(tf.norm(mean, 'euclidean', -1, true), 1e-12)) as tf.Tensor2D; // unit rows
  });
}

/** Sentence embeddings [texts, H] from an encoder model (inputs → last_hidden_state). */
export function embedSentences(
  encoder: tf.LayersModel,
  tokenizer: SubwordTokenizer,
  texts: readonly string[],
): tf.Tensor2D {
  const x = bertInputs(tokenizer.encodeBatch(texts, { padding: 'longest' }));
  try {
    return tf.tidy(() => meanPoolNormalized(encoder.predict(x) as tf.Tensor3D, x[1]));
  } finally {
    tf.dispose(x);
  }
}
