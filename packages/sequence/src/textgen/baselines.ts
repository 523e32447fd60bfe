/**
 * Count baselines for the character language model, fitted on the training sequences and scored
 * on exactly the (input[t], target[t]) positions the model predicts (end markers included):
 *
 *   unigram  P(c)     = (n(c) + k)    / (N + k V)
 *   bigram   P(c | a) = (n(a, c) + k) / (n(a, ·) + k V)      a = input[t], the previous character or the start marker
 *
 * with add-k smoothing (k = 1 is Laplace's add-one, the smoothing of Jurafsky & Martin, "Speech and
 * Language Processing", ch. 3), V the number of predictable tokens (the vocabulary without padding),
 * N the number of training targets, and
 *
 *   perplexity = exp( -(1 / M) sum_t log P(target_t | ...) )   over the M predicted characters.
 *
 * @example
 * const bigram = NgramBaseline.fit(trainSeqs, { order: 2, vocabSize: vocab.size });
 * bigram.perplexity(valSeqs); // e.g. 11.8 on the names corpus
 */
import { TEXTGEN_PAD_ID, type EncodedSequence } from './sequences';

export interface NgramOptions {
  /** 1: unigram, 2: bigram (conditioned on the previous character or the start marker). */
  order: 1 | 2;
  /** Vocabulary size including the padding token (id 0), which is never predicted. */
  vocabSize: number;
  /** Add-k smoothing constant (> 0, so unseen pairs keep a finite perplexity). */
  k?: number;
}

/** Laplace (add-one) smoothing: the default for both baselines. */
export const NGRAM_SMOOTHING_K = 1;

export class NgramBaseline {
  readonly k: number;
  /** Predictable tokens: the vocabulary without padding. */
  readonly outcomes: number;
  private readonly counts: Float64Array; // [contexts, vocabSize]: n(a, c) (one row for a unigram)
  private readonly totals: Float64Array; // [contexts]: n(a, ·)

  private constructor(
    readonly order: 1 | 2,
    readonly vocabSize: number,
    k: number,
  ) {
    if (order !== 1 && order !== 2) throw new Error(`order must be 1 or 2, got ${order}`);
    if (!(Number.isInteger(vocabSize) && vocabSize >= 2))
      throw new Error(`vocabSize must be an integer >= 2 (padding + one token), got ${vocabSize}`);
    if (!(Number.isFinite(k) && k > 0)) throw new Error(`smoothing k must be a positive number, got ${k}`);
    this.k = k;
    this.outcomes = vocabSize - 1;
    const contexts = order === 1 ? 1 : vocabSize;
    this.counts = new Float64Array(contexts * vocabSize);
    this.totals = new Float64Array(contexts);
  }

  /** Counts the (context, target) pairs of the training sequences. */
  static fit(
    train: readonly EncodedSequence[],
    { order, vocabSize, k = NGRAM_SMOOTHING_K }: NgramOptions,
  ): NgramBaseline {
    const m = new NgramBaseline(order, vocabSize, k);
    m.forEachPair(train, (row, c) => {
      m.counts[row * vocabSize + c]++;
      m.totals[row]++;
    });
    return m;
  }

  /** Smoothed P(target | previous) (the unigram ignores `previous`). */
  prob(previous: number, target: number): number {
    if (target === TEXTGEN_PAD_ID) return 0;
    const row = this.order === 1 ? 0 : previous;
    return (this.counts[row * this.vocabSize + target] + this.k) / (this.totals[row] + this.k * this.outcomes);
  }

  /** Total negative log-likelihood (nats) and number of predicted characters of `seqs`. */
  nll(seqs: readonly EncodedSequence[]): { nll: number; count: number } {
    let nll = 0;
    let count = 0;
    this.forEachPair(seqs, (_row, c, previous) => {
      nll -= Math.log(this.prob(previous, c));
      count++;
    });
    return { nll, count };
  }

  /** exp(mean NLL per predicted character). */
  perplexity(seqs: readonly EncodedSequence[]): number {
    const { nll, count } = this.nll(seqs);
    if (count === 0) throw new Error('perplexity of an empty set of sequences');
    return Math.exp(nll / count);
  }

  private forEachPair(
    seqs: readonly EncodedSequence[],
    fn: (row: number, target: number, previous: number) => void,
  ): void {
    for (const s of seqs) {
      for (let t = 0; t < s.target.length; t++) {
        const c = s.target[t];
        const a = s.input[t];
        if (c === TEXTGEN_PAD_ID) continue;
        if (!(c > 0 && c < this.vocabSize && a >= 0 && a < this.vocabSize))
          throw new Error(`token id outside the vocabulary (size ${this.vocabSize}): ${a} -> ${c}`);
        fn(this.order === 1 ? 0 : a, c, a);
      }
    }
  }
}
