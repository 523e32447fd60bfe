/**
 * A word n-gram language model for CTC beam search, built from training sentences: add-k
 * smoothing (Jurafsky & Martin, "Speech and Language Processing", 3rd ed., section 3.5.2),
 * P(w | h) = (c(h, w) + k) / (c(h) + k |V|), where V is the training words plus `</s>` and `<unk>`
 * (every word never seen in training). A history never seen in training backs off to the shorter
 * one (down to the unigram), so every distribution used sums to 1. Simple by design: the corpus is
 * small and the model only re-ranks the acoustic hypotheses.
 *
 * @example
 * const lm = WordNgramLm.fromSentences(['the cat sat', 'the dog sat'], { order: 2, k: 0.1 });
 * lm.logProb('cat', ['the']) > lm.logProb('sat', ['the']); // true
 * lm.logProb(WordNgramLm.END, ['the', 'cat', 'sat']);      // log P(</s> | sat)
 */
import { words } from '../metrics/error-rate';

/** What beam search asks of a language model: log P(word | the words before it). */
export interface WordLanguageModel {
  logProb(word: string, history: readonly string[]): number;
}

export interface WordNgramLmOptions {
  /** n: 2 = bigram (one word of history). */
  order?: number;
  /** Added to every count (add-k smoothing); 1 is Laplace. */
  k?: number;
}

export const WORD_NGRAM_LM_DEFAULTS = { order: 2, k: 0.1 } satisfies Required<WordNgramLmOptions>;

const START = '<s>';
const UNKNOWN = '<unk>';

export class WordNgramLm implements WordLanguageModel {
  /** The end-of-sentence token; beam search scores it after the last word. */
  static readonly END = '</s>';
  readonly order: number;
  readonly k: number;
  /** Training words (not `<s>`, `</s>`, `<unk>`). */
  readonly vocabulary: ReadonlySet<string>;
  private readonly counts = new Map<string, number>(); // "h1 h2 ... w" -> c, and "h1 h2 ..." -> c(h) (key with a trailing tab)

  /** Sentences are split on whitespace. */
  static fromSentences(sentences: Iterable<string>, options: WordNgramLmOptions = {}): WordNgramLm {
    return new WordNgramLm(Array.from(sentences, words), options);
  }

  constructor(sentences: readonly (readonly string[])[], options: WordNgramLmOptions = {}) {
    const { order, k } = { ...WORD_NGRAM_LM_DEFAULTS, ...options };
    if (!Number.isInteger(order) || order < 1)
      throw new Error(`WordNgramLm: order must be an integer ≥ 1, got ${order}`);
    if (!(k > 0)) throw new Error(`WordNgramLm: k must be positive, got ${k}`);
    this.order = order;
    this.k = k;
    this.vocabulary = new Set(sentences.flat());
    for (const s of sentences) {
      const padded = [...Array(order - 1).fill(START), ...s, WordNgramLm.END];
      for (let i = order - 1; i < padded.length; i++)
        for (let n = 0; n < order; n++) {
          const history = padded.slice(i - n, i).join(' ');
          this.bump(`${history}\t`);
          this.bump(`${history}\t${padded[i]}`);
        }
    }
  }

  private bump(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  logProb(word: string, history: readonly string[]): number {
    const w = word === WordNgramLm.END || this.vocabulary.has(word) ? word : UNKNOWN;
    const padded = [...Array(this.order - 1).fill(START), ...history];
    const size = this.vocabulary.size + 2; // + </s>, <unk>
    for (let n = this.order - 1; n >= 0; n--) {
      const h = padded.slice(padded.length - n).join(' ');
      const ch = this.counts.get(`${h}\t`) ?? 0;
      if (ch > 0 || n === 0) return Math.log(((this.counts.get(`${h}\t${w}`) ?? 0) + this.k) / (ch + this.k * size));
    }
    return -Infinity; // unreachable: n = 0 always returns
  }
}
