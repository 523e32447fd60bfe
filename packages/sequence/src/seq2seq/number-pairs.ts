/**
 * Parallel number phrases for translation (issue 12 §2): numbers drawn log-uniformly from
 * 0..999,999, written out in two languages (number-words.ts), with a held-out set disjoint from
 * training by value.
 *
 * Draws: u ~ U(0, ln(999,999 + 2)), n = floor(e^u − 1), so every decade is about equally likely
 * (P(n < 10) ≈ 0.17, P(n < 1,000) ≈ 0.50) and small and large numbers both appear.
 *
 * Split: the held-out values are drawn first, distinct, and only from `heldOutMin`..999,999 (default
 * 100): the numbers below 100 are the words every longer phrase is built from ("soixante et onze",
 * "veintiuno", "einundsiebzig") and cannot be inferred from other numbers, so they stay in training.
 * Training values are then drawn without replacement from everything else: no held-out value is
 * ever seen in training, in any language.
 *
 * @example
 * const { train, heldOut } = numberSplit({ train: 10000, heldOut: 2000, seed: 1 });
 * numberPairs(heldOut.slice(0, 1), 'en-fr'); // [{ source: 'four hundred twelve', target: 'quatre cent douze', value: 412 }]
 */
import { Rng } from '@dlkit/core';
import type { Pair } from './pairs';
import { MAX_NUMBER, numberWords, type NumberLanguage } from './number-words';

/** The number translation presets: source and target language. */
export const NUMBER_PAIR_PRESETS = {
  'en-fr': { source: 'en', target: 'fr' },
  'en-de': { source: 'en', target: 'de' },
  'en-es': { source: 'en', target: 'es' },
} as const satisfies Record<string, { source: NumberLanguage; target: NumberLanguage }>;
export type NumberPairPreset = keyof typeof NUMBER_PAIR_PRESETS;

/**
 * Longest phrase of each language over 0..999,999 (after the fixes), in characters: English 64
 * (373,373), French 73 (494,494), German 65 (727,727), Spanish 69 (454,454); a spec checks them.
 */
export const NUMBER_WORDS_MAX_LENGTH: Record<NumberLanguage, number> = { en: 64, fr: 73, de: 65, es: 69 };

export interface NumberSplitOptions {
  /** Distinct training numbers. */
  train?: number;
  /** Distinct held-out numbers (never in training). */
  heldOut?: number;
  /** Smallest held-out number; everything below stays in training. */
  heldOutMin?: number;
  seed?: number;
}

export const NUMBER_SPLIT_DEFAULTS = { train: 10000, heldOut: 2000, heldOutMin: 100, seed: 1 } as const;

export interface NumberPair extends Pair {
  value: number;
}

/** One log-uniform draw from 0..max: u ~ U(0, ln(max + 2)), n = floor(e^u − 1). */
export function logUniformNumber(rng: Rng, max: number = MAX_NUMBER): number {
  const u = rng.uniform() * Math.log(max + 2);
  return Math.min(max, Math.floor(Math.exp(u) - 1));
}

/** Distinct log-uniform draws accepted by `accept`, until `count` (throws if the space runs dry). */
function distinctDraws(rng: Rng, count: number, accept: (n: number) => boolean, taken: Set<number>): number[] {
  const out: number[] = [];
  let misses = 0;
  while (out.length < count) {
    const n = logUniformNumber(rng);
    if (taken.has(n) || !accept(n)) {
      if (++misses > 1000 * (count + 1000)) throw new Error(`could not draw ${count} distinct numbers`);
      continue;
    }
    taken.add(n);
    out.push(n);
  }
  return out;
}

/** Seeded training and held-out numbers, disjoint by value (see the file comment). */
export function numberSplit(options: NumberSplitOptions = {}): { train: number[]; heldOut: number[] } {
  const o = {
    ...NUMBER_SPLIT_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as Required<NumberSplitOptions>;
  for (const key of ['train', 'heldOut', 'heldOutMin'] as const)
    if (!(Number.isInteger(o[key]) && o[key] >= 0))
      throw new Error(`${key} must be a non-negative integer, got ${o[key]}`);
  if (o.train + o.heldOut > (MAX_NUMBER + 1) / 2)
    throw new Error(`at most ${(MAX_NUMBER + 1) / 2} numbers in all, got ${o.train} + ${o.heldOut}`);
  const rng = new Rng(o.seed);
  const taken = new Set<number>();
  const heldOut = distinctDraws(rng, o.heldOut, (n) => n >= o.heldOutMin, taken);
  const train = distinctDraws(rng, o.train, () => true, taken);
  return { train, heldOut };
}

/** The phrases of `values` in the preset's two languages. */
export function numberPairs(values: readonly number[], preset: NumberPairPreset): NumberPair[] {
  const p = NUMBER_PAIR_PRESETS[preset];
  if (!p)
    throw new Error(
      `unknown number preset ${JSON.stringify(preset)} (known: ${Object.keys(NUMBER_PAIR_PRESETS).join(', ')})`,
    );
  return values.map((value) => ({ source: numberWords(value, p.source), target: numberWords(value, p.target), value }));
}
