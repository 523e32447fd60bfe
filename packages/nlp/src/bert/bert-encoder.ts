/**
 * A BERT encoder (Devlin et al. 2019) built from sequence's transformer blocks, with the Hugging Face
 * BERT interface: int32 inputs `input_ids`, `attention_mask`, `token_type_ids` [B, T] (int64 in the
 * ONNX export) → `last_hidden_state` [B, T, H]. Embeddings: word + learned position + token type,
 * summed, then LayerNorm; then `numLayers` post-norm gelu TransformerEncoderLayers with the padding
 * mask. The heads (bert-heads.ts) apply to the same symbolic output, so every model built from one
 * encoder shares its weights.
 *
 * @example
 * const encoder = buildBertEncoder(bertConfig({ vocabSize: 2000 }));
 * encoder.model.predict([ids, mask, types]); // [B, T, 128]
 */
import * as tf from '@tensorflow/tfjs';
import { LayerNorm, PositionalEncoding, SeededDropout, TransformerEncoderLayer } from '@dlkit/sequence';
import { BertConfig } from './bert-config';

/** The graph input names, in the order every BERT model here takes them. */
export const BERT_INPUT_NAMES = ['input_ids', 'attention_mask', 'token_type_ids'] as const;

export interface BertEncoder {
  config: BertConfig;
  /** input_ids, attention_mask (1 = token, 0 = pad), token_type_ids: int32 [B, T]. */
  inputs: tf.SymbolicTensor[];
  /** [B, T, hiddenSize] */
  hidden: tf.SymbolicTensor;
  /** inputs → last_hidden_state. */
  model: tf.LayersModel;
}

/** N(0, 0.02) truncated, BERT's initializer_range. */
export function bertInitializer(seed: number): tf.serialization.Serializable {
  return tf.initializers.truncatedNormal({ stddev: 0.02, seed });
}

export function buildBertEncoder(c: BertConfig): BertEncoder {
  let seed = c.seed * 1000;
  const inputs = BERT_INPUT_NAMES.map((name) => tf.input({ shape: [null], dtype: 'int32', name })); // [B, T] each
  const [inputIds, attentionMask, tokenTypeIds] = inputs;
  const embed = (inputDim: number, name: string) =>
    tf.layers.embedding({
      inputDim,
      outputDim: c.hiddenSize,
      embeddingsInitializer: bertInitializer(seed++) as never,
      name,
    });
  const words = embed(c.vocabSize, 'word_embeddings').apply(inputIds) as tf.SymbolicTensor; // [B, T, H]
  const positions = new PositionalEncoding({
    kind: 'learned',
    maxLength: c.maxPosition,
    seed: seed++,
    name: 'position_embeddings',
  });
  const types = embed(c.typeVocabSize, 'token_type_embeddings').apply(tokenTypeIds) as tf.SymbolicTensor; // [B, T, H]
  let x = tf.layers.add({ name: 'embeddings_sum' }).apply([positions.apply(words) as tf.SymbolicTensor, types]);
  x = new LayerNorm({ epsilon: c.layerNormEpsilon, name: 'embeddings_norm' }).apply(x);
  // SeededDropout, not tfjs's Dropout: reproducible masks that change at every step
  if (c.dropout > 0) x = new SeededDropout({ rate: c.dropout, seed: seed++, name: 'embeddings_dropout' }).apply(x);
  for (let l = 0; l < c.numLayers; l++) {
    const layer = new TransformerEncoderLayer({
      numHeads: c.numHeads,
      dff: c.intermediateSize,
      activation: 'gelu',
      dropout: c.dropout,
      layerNormEpsilon: c.layerNormEpsilon,
      seed: seed++,
      name: `encoder_${l}`,
    });
    x = layer.apply([x as tf.SymbolicTensor, attentionMask]); // [B, T, H]
  }
  const hidden = x as tf.SymbolicTensor;
  return { config: c, inputs, hidden, model: tf.model({ inputs, outputs: hidden, name: 'bert' }) };
}

/**
 * Keep the word-piece embeddings of a BERT model (an encoder or any head built on one) at their
 * pretrained values while the rest fine-tunes: names never seen in fine-tuning then keep embeddings
 * of the same kind as the names that were (the trainer updates `model.trainableWeights` only).
 */
export function freezeWordEmbeddings(model: tf.LayersModel): void {
  model.getLayer('word_embeddings').trainable = false;
}

/**
 * The encoder rebuilt with another dropout rate and the same weights (dropout layers have none), or
 * the encoder itself when the rate is undefined or unchanged.
 */
export function withEncoderDropout(encoder: BertEncoder, dropout: number | undefined): BertEncoder {
  if (dropout === undefined || dropout === encoder.config.dropout) return encoder;
  if (!(dropout >= 0 && dropout < 1)) throw new Error(`dropout must be in [0, 1), got ${dropout}`);
  const rebuilt = buildBertEncoder({ ...encoder.config, dropout });
  rebuilt.model.setWeights(encoder.model.getWeights());
  return rebuilt;
}
