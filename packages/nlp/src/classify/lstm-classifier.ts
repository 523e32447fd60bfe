/**
 * Emojify V2 (Coursera Sequence Models, week 2): word ids → an Embedding initialised from the word
 * vectors (frozen or fine-tuned) → LSTM → Dense softmax. Reading the words in order, it can learn
 * that "not" flips "happy". Id 0 pads, id 1 is the unknown word (a zero vector at start).
 *
 * Sentences are padded at the front (Keras' `pad_sequences` default), so the LSTM's last step is
 * always the last word and no mask is needed: the model exports to ONNX as it is (core's exporter
 * refuses masked recurrent inputs, which ONNX would ignore). Ids go in as float32 (the Embedding
 * casts them), as ONNX's float32 input then feeds a Cast → Gather.
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
  /** Sentences are cut to their first maxLength words. */
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
  readonly kind = 'lstm';
  protected readonly model: tf.LayersModel;
  private readonly o: Required<LstmClassifierOptions>;

  constructor(vectors: WordVectors, labels: readonly string[], options: LstmClassifierOptions = {}) {
    super(vectors, labels);
    const def = LSTM_CLASSIFIER_DEFAULTS; // only the model's own keys (callers may pass fit options too)
    const o = (this.o = {
      units: options.units ?? def.units,
      trainEmbedding: options.trainEmbedding ?? def.trainEmbedding,
      maxLength: options.maxLength ?? def.maxLength,
      seed: options.seed ?? def.seed,
    });
    if (!(Number.isInteger(o.units) && o.units >= 1))
      throw new Error(`units must be a positive integer, got ${o.units}`);
    if (!(Number.isInteger(o.maxLength) && o.maxLength >= 1))
      throw new Error(`maxLength must be a positive integer, got ${o.maxLength}`);
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
          weights: [init],
          trainable: o.trainEmbedding,
        }), // [N, T] -> [N, T, dim]
        tf.layers.lstm({
          units: o.units,
          kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed }),
          recurrentInitializer: tf.initializers.orthogonal({ seed: o.seed + 1 }),
        }), // [N, T, dim] -> [N, units] (last step = last word)
        tf.layers.dense({
          units: labels.length,
          activation: 'softmax',
          kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed + 2 }),
        }), // [N, K]
      ],
    });
    init.dispose();
  }

  get options(): Required<LstmClassifierOptions> {
    return { ...this.o };
  }

  /** Word ids of the first maxLength words, padded with 0 at the front; unknown words → 1. */
  ids(texts: readonly string[]): Float32Array {
    const T = this.o.maxLength;
    const out = new Float32Array(texts.length * T);
    texts.forEach((text, n) => {
      const words = sentenceWords(text).slice(0, T);
      words.forEach((w, t) => {
        const id = this.wordId(w);
        out[n * T + T - words.length + t] = id >= 0 ? id + 2 : UNKNOWN_ID;
      });
    });
    return out;
  }

  encode(texts: readonly string[]): tf.Tensor {
    return tf.tensor2d(this.ids(texts), [texts.length, this.o.maxLength]); // [N, T] float32 ids
  }
}
