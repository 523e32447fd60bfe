/**
 * Emojify V1 (Coursera Sequence Models, week 2): the average of a sentence's word vectors → one
 * Dense softmax layer. Word order is lost in the average, so "not feeling happy" and "feeling happy"
 * get nearly the same input. Unknown words are skipped; a sentence with none averages to zeros.
 *
 * The average is computed inside the model, as a bag of words (each known word's count divided by
 * the number of known words, [N, V]) times the embedding matrix ([V, dim], initialised from the
 * vectors): frozen, it is exactly V1; with `trainEmbedding: true` the vectors are fine-tuned end to
 * end, the model fastText's supervised mode trains (Joulin et al. 2016, "Bag of Tricks"). Plain
 * MatMuls, so it exports to ONNX as it is.
 *
 * @example
 * const clf = new AverageClassifier(vectors, EMOJIFY_LABELS);
 * await clf.fit(train, { epochs: 100 });
 * clf.predict('let us eat pizza').label; // '🍴'
 * clf.dispose();
 */
import * as tf from '@tensorflow/tfjs';
import type { WordVectors } from '../embeddings/word-vectors';
import { sentenceWords } from './labeled-text';
import { TextClassifier } from './text-classifier';

export interface AverageClassifierOptions {
  /** Seeds the Dense layer's Glorot initialisation. */
  seed?: number;
  /** Fine-tune the word vectors (true) or keep them frozen (false, as the course's V1). */
  trainEmbedding?: boolean;
}

export const AVERAGE_CLASSIFIER_DEFAULTS = { seed: 1, trainEmbedding: false } satisfies AverageClassifierOptions;

export class AverageClassifier extends TextClassifier {
  readonly kind = 'average';
  protected readonly model: tf.LayersModel;
  private readonly o: Required<AverageClassifierOptions>;

  constructor(vectors: WordVectors, labels: readonly string[], options: AverageClassifierOptions = {}) {
    super(vectors, labels);
    const d = AVERAGE_CLASSIFIER_DEFAULTS; // only the model's own keys (callers may pass fit options too)
    this.o = { seed: options.seed ?? d.seed, trainEmbedding: options.trainEmbedding ?? d.trainEmbedding };
    const table = tf.tensor2d(vectors.vectors, [vectors.size, vectors.dim]); // [V, dim]
    this.model = tf.sequential({
      layers: [
        tf.layers.dense({
          name: 'average',
          inputShape: [vectors.size],
          units: vectors.dim,
          useBias: false,
          weights: [table],
          trainable: this.o.trainEmbedding,
        }), // [N, V] bag of words -> [N, dim] mean vector
        tf.layers.dense({
          units: labels.length,
          activation: 'softmax',
          kernelInitializer: tf.initializers.glorotUniform({ seed: this.o.seed }),
        }), // [N, K]
      ],
    });
    table.dispose();
  }

  get options(): Required<AverageClassifierOptions> {
    return { ...this.o };
  }

  /** Each sentence's known words as weights 1/(known words), [texts.length × V], row-major. */
  bagOfWords(texts: readonly string[]): Float32Array {
    const v = this.words.length;
    const out = new Float32Array(texts.length * v);
    texts.forEach((text, n) => {
      const known = sentenceWords(text)
        .map((w) => this.wordId(w))
        .filter((id) => id >= 0);
      for (const id of known) out[n * v + id] += 1 / known.length;
    });
    return out;
  }

  encode(texts: readonly string[]): tf.Tensor {
    return tf.tensor2d(this.bagOfWords(texts), [texts.length, this.words.length]); // [N, V]
  }

  /** The mean of the known words' current vectors for each sentence, [texts.length × dim]. */
  averages(texts: readonly string[]): Float32Array {
    const mean = tf.tidy(() => this.model.layers[0].apply(this.encode(texts)) as tf.Tensor); // [N, dim]
    const out = mean.dataSync() as Float32Array;
    mean.dispose();
    return out;
  }
}
