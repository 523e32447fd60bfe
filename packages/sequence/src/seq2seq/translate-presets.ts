/**
 * The data of `dlkit translate train --pairs <preset|FILE.tsv>`, one row per preset: generated
 * dates (the course's task), number phrases between English and French, German or Spanish
 * (number-pairs.ts), or the user's TSV of source<TAB>target pairs. Each row gives the training and
 * held-out pairs, the character coder (vocabularies and the lengths Tx, Ty) and the preset's
 * training defaults. Add a preset with one row.
 *
 * Lengths: dates keep the course's Tx = 30, Ty = 10; number phrases read the longest phrase of the
 * source language over 0..999,999 and write the longest of the target plus one (the end marker);
 * a TSV gets the longest source and target in the file (no cap below what the data needs).
 *
 * @example
 * const data = loadTranslateData('en-fr', { seed: 1 });
 * data.train.length; data.heldOut.length; data.coder.ty; // 10000 2000 74
 */
import * as fs from 'fs';
import { Rng } from '@dlkit/core';
import { DateSplit } from './dates';
import {
  NUMBER_PAIR_PRESETS,
  NUMBER_SPLIT_DEFAULTS,
  NUMBER_WORDS_MAX_LENGTH,
  numberPairs,
  numberSplit,
} from './number-pairs';
import {
  PairCoder,
  TooFewPairsError,
  describeSkipped,
  parsePairsTsv,
  splitPairsBySource,
  type Pair,
  type SkippedRow,
} from './pairs';
import {
  TRAIN_DATES_DEFAULTS,
  TRAIN_PAIRS_DEFAULTS,
  TRAIN_TRANSLATOR_DEFAULTS,
  dateCoder,
  type TrainTranslatorOptions,
} from './train';

/** The date shown in the attention picture after training on dates. */
export const DATE_EXAMPLE = 'Saturday May 9 2018';

/**
 * Fewest usable pairs a TSV trains on: with the default 10 % held out by distinct source, 10 pairs
 * give 9 to train on and 1 to score; fewer make the score meaningless (a run on one pair reported
 * "exact match 0.00% on 0 held-out pairs").
 */
export const MIN_TRAINING_PAIRS = 10;

export interface TranslateDataOptions {
  seed?: number;
  /** Generated training examples (dates, numbers). */
  examples?: number;
  /** Generated held-out examples (dates, numbers). */
  heldOut?: number;
  /** Log lines (skipped rows, data size). */
  log?: (line: string) => void;
}

export interface TranslateData {
  train: Pair[];
  heldOut: Pair[];
  coder: PairCoder;
  /** The input drawn in the attention picture. */
  example: string;
  /** Whether heldOut was held out (false: a TSV too small to hold any out; heldOut = train). */
  evaluatedOnHeldOut: boolean;
  /** TSV only: usable pairs in the file and the bad rows skipped. */
  pairs?: number;
  skipped?: SkippedRow[];
  /** Generated presets: the examples and held-out counts used. */
  examples?: number;
}

export interface TranslatePreset {
  description: string;
  /** Training defaults of the preset (over TRAIN_TRANSLATOR_DEFAULTS). */
  defaults: TrainTranslatorOptions & { examples?: number; heldOut?: number };
  load(o: TranslateDataOptions & { seed: number }): TranslateData;
}

/**
 * Number presets' defaults: 10,000 distinct training numbers, 2,000 held out, the decoder fed the
 * previous character (so beam search applies), 3 epochs of batch 64 at Adam 0.01 × 0.85 per epoch
 * (~2.3 min of one core per epoch; docs/seq2seq.md has the measured runs).
 */
export const NUMBER_PRESET_DEFAULTS = {
  examples: NUMBER_SPLIT_DEFAULTS.train,
  heldOut: NUMBER_SPLIT_DEFAULTS.heldOut,
  epochs: 3,
  batchSize: 64,
  feedPrevious: true,
} as const;

function numberPreset(name: keyof typeof NUMBER_PAIR_PRESETS): TranslatePreset {
  const { source, target } = NUMBER_PAIR_PRESETS[name];
  return {
    description: `numbers 0..999,999 written out in ${source} -> ${target} (n2words, log-uniform draws, held out by value)`,
    defaults: NUMBER_PRESET_DEFAULTS,
    load({ seed, examples, heldOut }) {
      const split = numberSplit({ train: examples, heldOut, seed });
      const train = numberPairs(split.train, name);
      const held = numberPairs(split.heldOut, name);
      // Characters of both sets (harmless: characters, not numbers); lengths of the whole language.
      const coder = PairCoder.fromPairs([...train, ...held], {
        tx: NUMBER_WORDS_MAX_LENGTH[source],
        ty: NUMBER_WORDS_MAX_LENGTH[target] + 1,
      });
      return {
        train,
        heldOut: held,
        coder,
        example: held[0]?.source ?? train[0].source,
        evaluatedOnHeldOut: true,
        examples: train.length,
      };
    },
  };
}

export const TRANSLATE_PRESETS = {
  dates: {
    description: 'human-written dates in 14 formats -> YYYY-MM-DD (held out by calendar date)',
    defaults: { ...TRAIN_DATES_DEFAULTS, feedPrevious: false },
    load({ seed, examples, heldOut }) {
      const split = new DateSplit({ seed });
      const rng = new Rng(seed);
      const n = examples ?? TRAIN_DATES_DEFAULTS.examples;
      const train = split.sample('train', n, rng);
      const held = split.sample('heldOut', heldOut ?? TRAIN_DATES_DEFAULTS.heldOut, rng);
      return { train, heldOut: held, coder: dateCoder(), example: DATE_EXAMPLE, evaluatedOnHeldOut: true, examples: n };
    },
  },
  'en-fr': numberPreset('en-fr'),
  'en-de': numberPreset('en-de'),
  'en-es': numberPreset('en-es'),
} satisfies Record<string, TranslatePreset>;
export type TranslatePresetName = keyof typeof TRANSLATE_PRESETS;

/** Whether `pairs` names a preset (anything else is a TSV file). */
export function isTranslatePreset(pairs: string): pairs is TranslatePresetName {
  return Object.prototype.hasOwnProperty.call(TRANSLATE_PRESETS, pairs);
}

/**
 * Reads a pairs file and refuses too little data before any training: TooFewPairsError says how
 * many usable pairs there are and how many are needed.
 */
export function readTrainingPairs(file: string, log: (line: string) => void = () => undefined) {
  const parsed = parsePairsTsv(fs.readFileSync(file, 'utf8'), { file });
  for (const line of describeSkipped(file, parsed.skipped)) log(line);
  const n = parsed.pairs.length;
  const skipped = parsed.skipped.length;
  if (n < MIN_TRAINING_PAIRS) {
    throw new TooFewPairsError(
      n,
      MIN_TRAINING_PAIRS,
      `${file}: ${n} usable pair${n === 1 ? '' : 's'}${skipped ? ` (${skipped} bad rows skipped)` : ''}; training needs at least ${MIN_TRAINING_PAIRS} source<TAB>target pairs`,
    );
  }
  log(`${file}: ${n} pairs${skipped ? `, ${skipped} bad rows skipped` : ''}`);
  return parsed;
}

/** A TSV of pairs: bad rows reported, 10 % of distinct sources held out, lengths from the data. */
function loadPairsFile(file: string, { seed, log }: TranslateDataOptions & { seed: number }): TranslateData {
  const parsed = readTrainingPairs(file, log);
  const { train, heldOut } = splitPairsBySource(parsed.pairs, TRAIN_PAIRS_DEFAULTS.heldOutFraction, seed);
  const evaluatedOnHeldOut = heldOut.length > 0;
  return {
    train,
    heldOut: evaluatedOnHeldOut ? heldOut : train,
    coder: PairCoder.fromPairs(parsed.pairs),
    example: (heldOut[0] ?? parsed.pairs[0]).source,
    evaluatedOnHeldOut,
    pairs: parsed.pairs.length,
    skipped: parsed.skipped,
  };
}

/** The training defaults of a preset, or of a TSV file (the decoder fed the previous character). */
export function translatePresetDefaults(pairs: string): TranslatePreset['defaults'] {
  return isTranslatePreset(pairs) ? TRANSLATE_PRESETS[pairs].defaults : { feedPrevious: true };
}

/** The pairs of a preset or a TSV file (see the file comment). */
export function loadTranslateData(pairs: string, options: TranslateDataOptions = {}): TranslateData {
  const seed = options.seed ?? TRAIN_TRANSLATOR_DEFAULTS.seed;
  const o = { ...options, seed };
  return isTranslatePreset(pairs) ? TRANSLATE_PRESETS[pairs].load(o) : loadPairsFile(pairs, o);
}
