/**
 * Scores from a confusion matrix: accuracy, and per class precision (of the rows predicted as the
 * class, how many are it), recall (of the rows that are the class, how many were found) and F1
 * (their harmonic mean), with support (true rows of the class). A class never predicted has
 * precision 0, as scikit-learn's `classification_report` with `zero_division=0` reports it.
 *
 * @example
 * const e = confusionEvaluation(['ham', 'spam'], [0, 1, 1], [0, 1, 0]);
 * classMetrics(e.confusion, e.labels).spam; // { precision: 1, recall: 0.5, f1: 0.667, support: 2 }
 */

export interface ClassifierEvaluation {
  accuracy: number;
  /** confusion[true][predicted], rows and columns in label order. */
  confusion: number[][];
  labels: string[];
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** How many rows truly belong to the class. */
  support: number;
}

/** Accuracy and confusion matrix from true and predicted class ids (indices into `labels`). */
export function confusionEvaluation(
  labels: readonly string[],
  truth: readonly number[],
  predicted: readonly number[],
): ClassifierEvaluation {
  if (truth.length !== predicted.length)
    throw new Error(`${truth.length} true labels but ${predicted.length} predictions`);
  if (truth.length === 0) throw new Error('nothing to evaluate: no rows');
  const k = labels.length;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i];
    if (!(t >= 0 && t < k && p >= 0 && p < k)) throw new Error(`row ${i}: class id out of range (${t}, ${p})`);
    confusion[t][p]++;
    if (t === p) correct++;
  });
  return { accuracy: correct / truth.length, confusion, labels: [...labels] };
}

/** Per-class precision, recall, F1 and support, keyed by label. */
export function classMetrics(confusion: readonly number[][], labels: readonly string[]): Record<string, ClassMetrics> {
  const k = labels.length;
  if (confusion.length !== k || confusion.some((row) => row.length !== k))
    throw new Error(`confusion matrix must be ${k}×${k} for ${k} labels`);
  return Object.fromEntries(
    labels.map((label, c) => {
      const tp = confusion[c][c];
      const support = confusion[c].reduce((s, n) => s + n, 0);
      const predicted = confusion.reduce((s, row) => s + row[c], 0);
      const precision = predicted === 0 ? 0 : tp / predicted;
      const recall = support === 0 ? 0 : tp / support;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return [label, { precision, recall, f1, support }];
    }),
  );
}

/** The index of the largest value (the first on ties). */
export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
