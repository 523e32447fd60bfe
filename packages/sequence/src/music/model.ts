/**
 * The melody LSTM (DLS course 5, "Jazz improvisation with LSTM"): token embedding → LSTM over the
 * sequence → per-step softmax over the next token. Trained on windows of the token stream with
 * next-token targets; generation feeds its own samples back in.
 *
 *   ids [B, T] → embedding [B, T, E] → lstm [B, T, H] → dense softmax [B, T, V]
 *
 * @example
 * const model = buildMusicLstm({ vocabSize: 120, embeddingDim: 32, units: 128, seqLength: 32 }, 1);
 */
import * as tf from '@tensorflow/tfjs';
import { dropoutSeed } from '@dlkit/core';

export interface MusicModelConfig {
  /** Tokens in the vocabulary (note events plus `<s>`). */
  vocabSize: number;
  /** Size of each token's learned vector. */
  embeddingDim: number;
  /** LSTM hidden units. */
  units: number;
  /** Window length in tokens, for training and as the generation context. */
  seqLength: number;
  /** Dropout on the LSTM's inputs during training (0 = none). */
  dropout?: number;
}

/** A fresh model; every initialiser is seeded from `seed`, so the same seed gives the same weights. */
export function buildMusicLstm(config: MusicModelConfig, seed: number): tf.LayersModel {
  for (const key of ['vocabSize', 'embeddingDim', 'units', 'seqLength'] as const) {
    if (!(Number.isInteger(config[key]) && config[key] > 0))
      throw new Error(`${key} must be a positive integer, got ${config[key]}`);
  }
  if (config.dropout !== undefined && !(config.dropout >= 0 && config.dropout < 1))
    throw new Error(`dropout must be in [0, 1), got ${config.dropout}`);
  let s = seed;
  const glorot = () => tf.initializers.glorotUniform({ seed: s++ });
  // tfjs draws dropout masks unseeded; this makes each training run's masks a function of the seed.
  let maskSeed = dropoutSeed(seed);
  const seededDropout = (x: tf.Tensor, rate: number) => tf.dropout(x, rate, undefined, maskSeed++);
  return tf.sequential({
    name: 'music_lstm',
    layers: [
      tf.layers.embedding({
        inputDim: config.vocabSize,
        outputDim: config.embeddingDim,
        inputShape: [null], // any length: training windows of seqLength, generation contexts of 1..seqLength
        embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: s++ }),
        name: 'embedding',
      }),
      tf.layers.lstm({
        units: config.units,
        returnSequences: true,
        dropout: config.dropout ?? 0,
        dropoutFunc: seededDropout,
        kernelInitializer: glorot(),
        recurrentInitializer: glorot(), // tfjs warns that orthogonal is slow at this size
        name: 'lstm',
      }),
      tf.layers.dense({
        units: config.vocabSize,
        activation: 'softmax',
        kernelInitializer: glorot(),
        name: 'next_token',
      }),
    ],
  });
}

/**
 * Disposes the model and the dropout masks its LSTM cell keeps from its last call (tfjs-layers
 * keeps them alive with tf.keep until the next call, so `model.dispose()` alone leaks 4 tensors).
 */
export function disposeMusicModel(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    const cell = (
      layer as unknown as { cell?: { dropoutMask?: tf.Tensor[] | null; recurrentDropoutMask?: tf.Tensor[] | null } }
    ).cell;
    if (cell?.dropoutMask) tf.dispose(cell.dropoutMask);
    if (cell?.recurrentDropoutMask) tf.dispose(cell.recurrentDropoutMask);
    if (cell) cell.dropoutMask = cell.recurrentDropoutMask = null;
  }
  model.dispose();
}
