/**
 * SQuAD v1.1 exact match and F1, as the official `evaluate-v1.1.py`: answers are normalised
 * (lowercase; ASCII punctuation removed; the articles a/an/the removed as whole words; whitespace
 * collapsed), EM is 1 when the normalised strings are equal, F1 is the harmonic mean of precision
 * and recall of the bag of normalised tokens; each question takes its best score over its ground
 * truths, and the totals are percentages (0-100), as the script prints them.
 *
 * @example
 * normalizeAnswer('The  Eiffel Tower!'); // 'eiffel tower'
 * squadF1('Eiffel Tower in Paris', ['the Eiffel Tower']); // 0.667: precision 2/4, recall 2/2
 */

/** Python's `string.punctuation`. */
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
/** Python 3's `\b(a|an|the)\b` with Unicode word characters (letters, digits, underscore). */
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;
/** The characters Python's `str.split()` splits on. */
const PY_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** The official normalize_answer: lower → remove punctuation → remove articles → fix whitespace. */
export function normalizeAnswer(s: string): string {
  const lower = s.toLowerCase();
  const noPunct = [...lower].filter((ch) => !PUNCTUATION.has(ch)).join('');
  const noArticles = noPunct.replace(ARTICLES, ' ');
  return noArticles
    .split(PY_WHITESPACE)
    .filter((w) => w !== '')
    .join(' ');
}

const tokensOf = (s: string) => (s === '' ? [] : s.split(' '));

/** F1 of one prediction against one ground truth (official f1_score). */
export function squadF1Single(prediction: string, truth: string): number {
  const pred = tokensOf(normalizeAnswer(prediction));
  const gold = tokensOf(normalizeAnswer(truth));
  const counts = new Map<string, number>();
  for (const t of gold) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of pred) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      same++;
      counts.set(t, c - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / pred.length;
  const recall = same / gold.length;
  return (2 * precision * recall) / (precision + recall);
}

/** 1 when the normalised prediction equals a normalised ground truth, else 0 (max over ground truths). */
export function squadExactMatch(prediction: string, truths: readonly string[]): number {
  const p = normalizeAnswer(prediction);
  return truths.some((t) => normalizeAnswer(t) === p) ? 1 : 0;
}

/** The best F1 over the ground truths. */
export function squadF1(prediction: string, truths: readonly string[]): number {
  return Math.max(0, ...truths.map((t) => squadF1Single(prediction, t)));
}

export interface SquadScores {
  /** Percentage, 0-100. */
  exactMatch: number;
  /** Percentage, 0-100. */
  f1: number;
  /** Questions scored. */
  total: number;
}

/**
 * The official evaluate(): mean EM and F1 × 100 over every question; a question without a
 * prediction scores 0 (the script prints "Unanswered question ... will receive score 0").
 */
export function squadEvaluate(
  examples: ReadonlyArray<{ id: string; answers: ReadonlyArray<{ text: string }> }>,
  predictions: Readonly<Record<string, string>>,
): SquadScores {
  let em = 0;
  let f1 = 0;
  for (const ex of examples) {
    const prediction = predictions[ex.id];
    if (prediction === undefined) continue;
    const truths = ex.answers.map((a) => a.text);
    em += squadExactMatch(prediction, truths);
    f1 += squadF1(prediction, truths);
  }
  const total = examples.length;
  return { exactMatch: total ? (100 * em) / total : 0, f1: total ? (100 * f1) / total : 0, total };
}
