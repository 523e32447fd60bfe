/**
 * Emojify V2 (Coursera Sequence Models, week 2): word ids → an Embedding initialised from the word
 * vectors (frozen or fine-tuned) → LSTM → Dense softmax. Reading the words in order, it can learn
 * that "not" flips "happy". Id 0 pads (masked), id 1 is the unknown word (a zero vector at start).
 *
 * @example
 * const clf = new LstmClassifier(vectors, EMOJIFY_LABELS, { units: 32, trainEmbedding: true });
 * await clf.fit(train, { epochs: 30 });
 * clf.predict('not feeling happy').label; // '😞'
 * clf.dispose();
 */
import * as tf from '@tensorflow/tfjs';
import type { WordVectors } from '../embeddings/word-vectors';
import { sentenceWords } from './labeled-text';
import { TextClassifier } from './text-classifier';

export interface LstmClassifierOptions {
  /** LSTM hidden size (the course uses 128, stacked twice). */
  units?: number;
  /** Fine-tune the embedding (true) or keep the pretrained vectors frozen (false, as in the course). */
  trainEmbedding?: boolean;
  /** Sentences are cut to this many words. */
  maxLength?: number;
  /** Seeds the LSTM and Dense initialisation. */
  seed?: number;
}

export const LSTM_CLASSIFIER_DEFAULTS = {
  units: 64,
  trainEmbedding: false,
  maxLength: 20,
  seed: 1,
} satisfies LstmClassifierOptions;

export const PAD_ID = 0;
export const UNKNOWN_ID = 1;

export class LstmClassifier extends TextClassifier {
  protected readonly model: tf.LayersModel;
  private readonly maxLength: number;

  constructor(
    readonly vectors: WordVectors,
    labels: readonly string[],
    options: LstmClassifierOptions = {},
  ) {
    super(labels);
    const o = { ...LSTM_CLASSIFIER_DEFAULTS, ...options };
    if (!(Number.isInteger(o.units) && o.units >= 1))
      throw new Error(`units must be a positive integer, got ${o.units}`);
    if (!(Number.isInteger(o.maxLength) && o.maxLength >= 1))
      throw new Error(`maxLength must be a positive integer, got ${o.maxLength}`);
    this.maxLength = o.maxLength;
    const d = vectors.dim;
    // rows: [pad, unknown, ...vectors.words], [V + 2, dim]
    const table = new Float32Array((vectors.size + 2) * d);
    table.set(vectors.vectors, 2 * d);
    const init = tf.tensor2d(table, [vectors.size + 2, d]);
    this.model = tf.sequential({
      layers: [
        tf.layers.embedding({
          inputDim: vectors.size + 2,
          outputDim: d,
          inputLength: o.maxLength,
          maskZero: true,
          weights: [init],
          trainable: o.trainEmbedding,
        }), // [N, T] -> [N, T, dim]
        tf.layers.lstm({
          units: o.units,
          kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed }),
          recurrentInitializer: tf.initializers.orthogonal({ seed: o.seed + 1 }),
        }), // [N, T, dim] -> [N, units] (last unmasked step)
        tf.layers.dense({
          units: labels.length,
          activation: 'softmax',
          kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed + 2 }),
        }), // [N, K]
      ],
    });
    init.dispose();
  }

  /** Word ids, padded with 0 and cut to maxLength; unknown words → 1. */
  ids(texts: readonly string[]): Int32Array {
    const T = this.maxLength;
    const out = new Int32Array(texts.length * T);
    texts.forEach((text, n) => {
      sentenceWords(text)
        .slice(0, T)
        .forEach((w, t) => {
          out[n * T + t] = this.vectors.has(w) ? this.vectors.id(w) + 2 : UNKNOWN_ID;
        });
    });
    return out;
  }

  protected encode(texts: readonly string[]): tf.Tensor {
    return tf.tensor2d(this.ids(texts), [texts.length, this.maxLength], 'int32'); // [N, T]
  }
}
