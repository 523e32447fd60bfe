/**
 * Classification metrics for error analysis (course 3, "Structuring ML projects"): the
 * confusion matrix and per-class precision, recall, F1 and support, as scikit-learn's
 * `classification_report` defines them (precision = TP / (TP + FP), recall = TP / (TP + FN),
 * F1 their harmonic mean; 0 where the denominator is 0, sklearn's zero_division=0).
 *
 * @example
 * const m = confusionMatrix([0, 1, 1], [0, 1, 0], 2); // [[1, 0], [1, 1]]
 * perClassMetrics(m, ['cat', 'dog']).dog; // { precision: 1, recall: 0.5, f1: 0.667, support: 2 }
 */

/** matrix[t][p] = number of examples of true class t predicted as p. */
export function confusionMatrix(
  trueLabels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): number[][] {
  if (trueLabels.length !== predicted.length)
    throw new Error(`${trueLabels.length} true labels but ${predicted.length} predictions`);
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < trueLabels.length; i++) {
    const t = trueLabels[i];
    const p = predicted[i];
    if (!(t >= 0 && t < classes && p >= 0 && p < classes))
      throw new Error(`label ${t} / prediction ${p} at ${i} outside [0, ${classes})`);
    m[t][p]++;
  }
  return m;
}

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Number of true examples of the class. */
  support: number;
}

export function perClassMetrics(matrix: number[][], classNames: readonly string[]): Record<string, ClassMetrics> {
  if (matrix.length !== classNames.length)
    throw new Error(`confusion matrix has ${matrix.length} rows for ${classNames.length} class names`);
  const k = matrix.length;
  const out: Record<string, ClassMetrics> = {};
  for (let c = 0; c < k; c++) {
    const tp = matrix[c][c];
    const support = matrix[c].reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, row) => a + row[c], 0);
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    out[classNames[c]] = { precision, recall, f1, support };
  }
  return out;
}

/** Fraction of the matrix on its diagonal. */
export function accuracyOf(matrix: number[][]): number {
  let correct = 0;
  let total = 0;
  matrix.forEach((row, t) => row.forEach((n, p) => ((total += n), t === p && (correct += n))));
  return total > 0 ? correct / total : 0;
}
