/**
 * Multinomial naive Bayes over word counts (the classic spam filter; Manning, Raghavan & Schütze,
 * "Introduction to Information Retrieval", ch. 13), a baseline for the neural classifiers:
 *
 *   log P(c | d) ∝ log P(c) + Σ_{w ∈ d} count(w, d) · log P(w | c),
 *   P(w | c) = (count(w, c) + α) / (Σ_w' count(w', c) + α · |V|)        (Laplace smoothing, α = 1)
 *
 * The vocabulary is the training words; unknown words at prediction time are skipped (as
 * scikit-learn's CountVectorizer drops them). Plain numbers, no tensors.
 *
 * @example
 * const nb = new MultinomialNaiveBayes(['ham', 'spam']).fit(train);
 * nb.predict('win money now'); // { label: 'spam', scores: { ham: 0.01, spam: 0.99 } }
 */
import { argMax, confusionEvaluation, type ClassifierEvaluation } from './classification-metrics';
import { sentenceWords, type LabeledText } from './labeled-text';
import type { TextPrediction } from './softmax-classifier';

export interface NaiveBayesOptions {
  /** Additive (Laplace) smoothing, α > 0. */
  alpha?: number;
}

export const NAIVE_BAYES_DEFAULTS = { alpha: 1 } satisfies NaiveBayesOptions;

export class MultinomialNaiveBayes {
  readonly labels: string[];
  readonly alpha: number;
  /** log P(c), one per label. */
  logPriors: number[] = [];
  /** log P(w | c) per word, one value per label. */
  private logLikelihoods = new Map<string, number[]>();

  constructor(labels: readonly string[], options: NaiveBayesOptions = {}) {
    const o = { ...NAIVE_BAYES_DEFAULTS, ...options };
    if (labels.length < 2) throw new Error(`need at least 2 labels, got ${labels.length}`);
    if (!(o.alpha > 0)) throw new Error(`alpha must be > 0, got ${o.alpha}`);
    this.labels = [...labels];
    this.alpha = o.alpha;
  }

  /** Counts words per class and computes the smoothed log probabilities; returns this. */
  fit(rows: readonly LabeledText[]): this {
    if (rows.length === 0) throw new Error('nothing to train on: no rows');
    const k = this.labels.length;
    const docs = new Array<number>(k).fill(0);
    const totals = new Array<number>(k).fill(0);
    const counts = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const c = this.labels.indexOf(r.label);
      if (c < 0) throw new Error(`row ${i}: unknown label '${r.label}', expected one of ${this.labels.join(' ')}`);
      docs[c]++;
      for (const w of sentenceWords(r.text)) {
        const row = counts.get(w) ?? new Array<number>(k).fill(0);
        row[c]++;
        counts.set(w, row);
        totals[c]++;
      }
    });
    const v = counts.size;
    this.logPriors = docs.map((n) => Math.log(n / rows.length));
    this.logLikelihoods = new Map(
      [...counts].map(([w, row]) => [w, row.map((n, c) => Math.log((n + this.alpha) / (totals[c] + this.alpha * v)))]),
    );
    return this;
  }

  get vocabularySize(): number {
    return this.logLikelihoods.size;
  }

  /** log P(w | c) for each label, or undefined for a word not seen in training. */
  logLikelihood(word: string): number[] | undefined {
    return this.logLikelihoods.get(word)?.slice();
  }

  /** Unnormalised log posterior of each label: log P(c) + Σ count · log P(w | c). */
  logScores(text: string): number[] {
    if (this.logPriors.length === 0) throw new Error('MultinomialNaiveBayes: call fit() before predicting');
    const s = this.logPriors.slice();
    for (const w of sentenceWords(text)) {
      const l = this.logLikelihoods.get(w);
      if (l) l.forEach((x, c) => (s[c] += x));
    }
    return s;
  }

  /** The most probable label and the posterior probabilities (a softmax of the log scores). */
  predict(text: string): TextPrediction {
    const s = this.logScores(text);
    const max = Math.max(...s);
    const e = s.map((x) => Math.exp(x - max));
    const z = e.reduce((a, b) => a + b, 0);
    return { label: this.labels[argMax(s)], scores: Object.fromEntries(this.labels.map((l, c) => [l, e[c] / z])) };
  }

  evaluate(rows: readonly LabeledText[]): ClassifierEvaluation {
    const truth = rows.map((r, i) => {
      const c = this.labels.indexOf(r.label);
      if (c < 0) throw new Error(`row ${i}: unknown label '${r.label}'`);
      return c;
    });
    return confusionEvaluation(
      this.labels,
      truth,
      rows.map((r) => argMax(this.logScores(r.text))),
    );
  }
}
