/**
 * Scores word vectors on the project's evaluation sets: analogy accuracy (3CosAdd or 3CosMul,
 * question words excluded, searched over the whole vocabulary) on country → capital, gender and
 * grammatical pairs, and the ROC AUC of cosine similarity for WordNet synonyms against random
 * pairs of the same words. Questions or pairs with a word outside the vectors are left out, and
 * the counts say how many were scored. The same code scores dlkit's and fastText's vectors.
 *
 * @example
 * const scores = evaluateEmbeddings(vectors); // { capitals, gender, grammatical, synonymAuc, counts }
 */
import { Rng } from '@dlkit/core';
import { GENDER_PAIRS, GRAMMATICAL_PAIRS, WordPair, analogyQuestions, capitalPairs } from './analogy-sets';
import { wordnetSynonymPairs } from './synonym-pairs';
import { WordVectors } from './word-vectors';

export interface EvaluationOptions {
  /** Analogy method. */
  method?: 'add' | 'mul';
  /** Questions per set, sampled (seeded) when a set has more. */
  maxQuestions?: number;
  /** Synonym pairs (and as many random pairs), sampled when there are more. */
  maxSynonymPairs?: number;
  seed?: number;
  /** Precomputed sets (the defaults are built from the packages on each call). */
  capitalPairs?: readonly WordPair[];
  synonymPairs?: readonly WordPair[];
}

export const EVALUATION_DEFAULTS = {
  method: 'add',
  maxQuestions: 1000,
  maxSynonymPairs: 2000,
  seed: 1,
} satisfies Required<Pick<EvaluationOptions, 'method' | 'maxQuestions' | 'maxSynonymPairs' | 'seed'>>;

export interface EmbeddingScores {
  /** Analogy accuracies in [0, 1], null when no question has all four words in the vectors. */
  capitals: number | null;
  gender: number | null;
  grammatical: number | null;
  /** ROC AUC of cosine similarity, synonyms against random pairs; null without pairs. */
  synonymAuc: number | null;
  /** Questions and pairs scored. */
  counts: { capitals: number; gender: number; grammatical: number; synonymPairs: number };
}

export interface AnalogyScore {
  accuracy: number | null;
  questions: number;
}

function sample<T>(items: T[], max: number, rng: Rng): T[] {
  return items.length <= max ? items : rng.shuffle(items.slice()).slice(0, max);
}

/** Accuracy of the top answer on the questions whose four words are all in the vectors. */
export function analogyAccuracy(
  vectors: WordVectors,
  questions: ReadonlyArray<readonly [string, string, string, string]>,
  options: Pick<EvaluationOptions, 'method' | 'maxQuestions' | 'seed'> = {},
): AnalogyScore {
  const o = { ...EVALUATION_DEFAULTS, ...options };
  const known = questions.filter((q) => q.every((w) => vectors.has(w)));
  const asked = sample(known, o.maxQuestions, new Rng(o.seed));
  if (asked.length === 0) return { accuracy: null, questions: 0 };
  let right = 0;
  for (const [a, b, c, d] of asked) if (vectors.analogy(a, b, c, { method: o.method })[0]?.word === d) right++;
  return { accuracy: right / asked.length, questions: asked.length };
}

/** ROC AUC: the probability that a positive outscores a negative, ties counting half (Mann-Whitney U). */
export function rocAuc(positives: number[], negatives: number[]): number {
  if (positives.length === 0 || negatives.length === 0) throw new Error('rocAuc needs positives and negatives');
  const all = [...positives.map((s) => [s, 1]), ...negatives.map((s) => [s, 0])].sort((x, y) => x[0] - y[0]);
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j][0] === all[i][0]) j++;
    const rank = (i + 1 + j) / 2; // average 1-based rank of the tied run
    for (let k = i; k < j; k++) if (all[k][1] === 1) rankSum += rank;
    i = j;
  }
  const p = positives.length;
  return (rankSum - (p * (p + 1)) / 2) / (p * negatives.length);
}

/** AUC of cosine similarity: synonym pairs against random pairs drawn from the same words. */
export function synonymAuc(
  vectors: WordVectors,
  pairs: readonly WordPair[],
  options: Pick<EvaluationOptions, 'maxSynonymPairs' | 'seed'> = {},
): { auc: number | null; pairs: number } {
  const o = { ...EVALUATION_DEFAULTS, ...options };
  const rng = new Rng(o.seed);
  const known = sample(
    pairs.filter(([a, b]) => vectors.has(a) && vectors.has(b)),
    o.maxSynonymPairs,
    rng,
  );
  if (known.length === 0) return { auc: null, pairs: 0 };
  const synonyms = new Set(pairs.map(([a, b]) => `${a} ${b}`));
  const words = known.flat();
  const negatives: number[] = [];
  for (let tries = 0; negatives.length < known.length && tries < 100 * known.length; tries++) {
    const a = words[rng.int(words.length)];
    const b = words[rng.int(words.length)];
    if (a !== b && !synonyms.has(`${a} ${b}`) && !synonyms.has(`${b} ${a}`)) negatives.push(vectors.similarity(a, b));
  }
  if (negatives.length === 0) return { auc: null, pairs: known.length };
  return {
    auc: rocAuc(
      known.map(([a, b]) => vectors.similarity(a, b)),
      negatives,
    ),
    pairs: known.length,
  };
}

export function evaluateEmbeddings(vectors: WordVectors, options: EvaluationOptions = {}): EmbeddingScores {
  const capitals = analogyAccuracy(vectors, analogyQuestions(options.capitalPairs ?? capitalPairs()), options);
  const gender = analogyAccuracy(vectors, analogyQuestions(GENDER_PAIRS), options);
  // grammatical questions pair two examples of the same relation
  const grammatical = analogyAccuracy(vectors, Object.values(GRAMMATICAL_PAIRS).flatMap(analogyQuestions), options);
  const synonyms = synonymAuc(vectors, options.synonymPairs ?? wordnetSynonymPairs(), options);
  return {
    capitals: capitals.accuracy,
    gender: gender.accuracy,
    grammatical: grammatical.accuracy,
    synonymAuc: synonyms.auc,
    counts: {
      capitals: capitals.questions,
      gender: gender.questions,
      grammatical: grammatical.questions,
      synonymPairs: synonyms.pairs,
    },
  };
}
