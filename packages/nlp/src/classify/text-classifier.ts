/**
 * A softmax classifier over word vectors: the vocabulary (word → id) comes from the vectors it was
 * built with, and `kind` + `options` say how to rebuild it when loading (`loadTextClassifier`).
 * Training, prediction, evaluation and ONNX export are `SoftmaxTextClassifier`'s.
 */
import type { WordVectors } from '../embeddings/word-vectors';
import { SoftmaxTextClassifier } from './softmax-classifier';

/** The classifier kinds that save and load (`loadTextClassifier`). */
export type TextClassifierKind = 'average' | 'lstm';

export abstract class TextClassifier extends SoftmaxTextClassifier {
  abstract readonly kind: TextClassifierKind;
  /** The known words in id order (the vectors' words at construction). */
  readonly words: string[];
  /** Vector size of the word embedding. */
  readonly dim: number;
  private readonly wordIds: Map<string, number>;

  constructor(vectors: WordVectors, labels: readonly string[]) {
    super(labels);
    if (vectors.size === 0) throw new Error('the word vectors are empty (no vocabulary to classify with)');
    this.words = [...vectors.words];
    this.dim = vectors.dim;
    this.wordIds = new Map(this.words.map((w, i) => [w, i]));
  }

  /** The options the model was built with (saved beside the weights). */
  abstract get options(): object;

  /** The word's id in `words`, or -1 for a word the classifier does not know. */
  wordId(word: string): number {
    return this.wordIds.get(word) ?? -1;
  }
}
