/**
 * Emojify V1 (Coursera Sequence Models, week 2): the average of a sentence's word vectors → one
 * Dense softmax layer. Word order is lost in the average, so "not feeling happy" and "feeling happy"
 * get nearly the same input. Unknown words are skipped; a sentence with none averages to zeros.
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
}

export class AverageClassifier extends TextClassifier {
  protected readonly model: tf.LayersModel;

  constructor(
    readonly vectors: WordVectors,
    labels: readonly string[],
    options: AverageClassifierOptions = {},
  ) {
    super(labels);
    const seed = options.seed ?? 1;
    this.model = tf.sequential({
      layers: [
        tf.layers.dense({
          inputShape: [vectors.dim],
          units: labels.length,
          activation: 'softmax',
          kernelInitializer: tf.initializers.glorotUniform({ seed }),
        }),
      ],
    });
  }

  /** The mean of the known words' vectors for each sentence. */
  averages(texts: readonly string[]): Float32Array {
    const d = this.vectors.dim;
    const out = new Float32Array(texts.length * d);
    texts.forEach((text, n) => {
      const known = sentenceWords(text).filter((w) => this.vectors.has(w));
      for (const w of known) {
        const v = this.vectors.vector(w);
        for (let j = 0; j < d; j++) out[n * d + j] += v[j] / known.length;
      }
    });
    return out;
  }

  protected encode(texts: readonly string[]): tf.Tensor {
    return tf.tensor2d(this.averages(texts), [texts.length, this.vectors.dim]); // [N, dim]
  }
}
