/**
 * The character language model (DLS course 5 week 1, "Character level language model - Dinosaurus
 * Island", with an LSTM/GRU in place of the course's plain RNN): characters → embedding →
 * recurrent layer(s) → softmax over the vocabulary at every step, trained on next-character
 * prediction with the padding positions masked out of the loss.
 *
 *   ids [B, T] → Embedding [B, T, E] → LSTM/GRU (returnSequences) [B, T, H] → Dense softmax [B, T, V]
 *
 * @example
 * const model = charLanguageModel(NAMES_CHAR_LM, vocab.size);
 * const p = model.predict(tf.tensor2d([[1, 3, 4]], [1, 3], 'int32')) as tf.Tensor; // [1, 3, V]
 */
import * as tf from '@tensorflow/tfjs';
import { TEXTGEN_PAD_ID } from './sequences';

export interface CharLmConfig {
  /** Recurrent cell. */
  cell: 'lstm' | 'gru';
  /** Size of each character's learned embedding. */
  embeddingDim: number;
  /** Hidden units of each recurrent layer. */
  units: number;
  /** Number of stacked recurrent layers. */
  layers: number;
  /** Dropout on the recurrent layers' outputs (0 = none); reproducible only through tfjs' own seeding. */
  dropout: number;
  /** Seeds every initializer, so the same seed builds the same model. */
  seed: number;
}

/** The CLI default for the names corpus (see docs/textgen.md for the measured run). */
export const NAMES_CHAR_LM = {
  cell: 'lstm',
  embeddingDim: 24,
  units: 64,
  layers: 1,
  dropout: 0,
  seed: 1,
} satisfies CharLmConfig;

/** Builds the model for a vocabulary of `vocabSize` ids (padding included); inputs have any length. */
export function charLanguageModel(config: CharLmConfig, vocabSize: number): tf.Sequential {
  const c = config;
  for (const key of ['embeddingDim', 'units', 'layers'] as const) {
    if (!(Number.isInteger(c[key]) && c[key] > 0)) throw new Error(`${key} must be a positive integer, got ${c[key]}`);
  }
  if (c.cell !== 'lstm' && c.cell !== 'gru') throw new Error(`cell must be 'lstm' or 'gru', got '${c.cell}'`);
  if (!(c.dropout >= 0 && c.dropout < 1)) throw new Error(`dropout must be in [0, 1), got ${c.dropout}`);
  if (!(Number.isInteger(vocabSize) && vocabSize >= 2))
    throw new Error(`vocabSize must be an integer >= 2, got ${vocabSize}`);
  let seed = c.seed;
  const model = tf.sequential({ name: 'char_lm' });
  model.add(
    tf.layers.embedding({
      inputDim: vocabSize,
      outputDim: c.embeddingDim,
      inputShape: [null],
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: seed++ }),
      name: 'chars',
    }),
  );
  for (let l = 0; l < c.layers; l++) {
    const args = {
      units: c.units,
      returnSequences: true,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
      // Glorot rather than Keras' orthogonal default: tfjs' orthogonal init runs a QR decomposition at
      // every build (also when a saved model is loaded) and warns on stderr above 2,000 weights; on
      // sequences of ~8 steps the two train alike.
      recurrentInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
      name: `${c.cell}_${l + 1}`,
    };
    model.add(c.cell === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args));
    if (c.dropout > 0) model.add(tf.layers.dropout({ rate: c.dropout, seed: seed++ }));
  }
  model.add(
    tf.layers.dense({
      units: vocabSize,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
      name: 'next_char',
    }),
  );
  return model;
}

const EPSILON = 1e-7; // Keras' epsilon, as core's cross-entropies

/**
 * log p(target) at every position and the mask of real (non-padding) targets.
 * @param yTrue [B, T] target ids (TEXTGEN_PAD_ID = padding)
 * @param yPred [B, T, V] probabilities
 * @returns logp [B, T], mask [B, T] (1 for a real target)
 */
export function targetLogProbs(yTrue: tf.Tensor, yPred: tf.Tensor): { logp: tf.Tensor2D; mask: tf.Tensor2D } {
  return tf.tidy(() => {
    const ids = tf.cast(yTrue, 'int32') as tf.Tensor2D; // [B, T]
    const v = yPred.shape[yPred.rank - 1];
    const logProbs = tf.log(tf.clipByValue(yPred, EPSILON, 1)); // [B, T, V]
    const logp = tf.sum(tf.mul(tf.oneHot(ids, v), logProbs), -1) as tf.Tensor2D; // [B, T]
    const mask = tf.cast(tf.notEqual(ids, TEXTGEN_PAD_ID), 'float32') as tf.Tensor2D; // [B, T]
    return { logp, mask };
  });
}

/**
 * Mean negative log-likelihood per real target character of the batch (the Trainer's loss).
 * @param yTrue [B, T] target ids, yPred [B, T, V] probabilities
 */
export function maskedSequenceCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const { logp, mask } = targetLogProbs(yTrue, yPred);
    return tf.div(tf.neg(tf.sum(tf.mul(logp, mask))), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
  });
}
