/**
 * The `dlkit translate-date train` flow as one function: generated dates (the course's "Neural
 * machine translation") or the user's TSV of source<TAB>target pairs (bad rows reported and
 * skipped, too little data refused before training), then training, the saved translator and
 * the attention picture of one example. The CLI only parses flags and prints the result.
 *
 * @example
 * const r = await trainTranslateDate({ outDir: 'out/dates', examples: 2000, epochs: 3 });
 * r.model;       // 'out/dates/model' (load with Seq2seqTranslator.load)
 * r.exactMatch;  // on the held-out dates
 */
import * as fs from 'fs';
import * as path from 'path';
import { renderAttentionPng } from './attention-plot';
import { TooFewPairsError, describeSkipped, parsePairsTsv, type SkippedRow } from './pairs';
import { TRAIN_DATES_DEFAULTS, trainDateTranslator, trainPairsTranslator, type TrainTranslatorOptions } from './train';
import type { History } from '@dlkit/core';

/** The date shown in the attention picture after training on dates. */
export const DATE_EXAMPLE = 'Saturday May 9 2018';

/**
 * Fewest usable pairs `--pairs` trains on: with the default 10 % held out by distinct source, 10
 * pairs give 9 to train on and 1 to score; fewer make the score meaningless (a run on one pair
 * reported "exact match 0.00% on 0 held-out pairs").
 */
export const MIN_TRAINING_PAIRS = 10;

export interface TrainTranslateDateOptions extends TrainTranslatorOptions {
  /** Output directory: `<outDir>/model` (the translator) and `<outDir>/attention.png`. */
  outDir: string;
  /** A TSV of source<TAB>target pairs to train on instead of generated dates. */
  pairsFile?: string;
  /** Generated training dates (dates only). */
  examples?: number;
  /** Held-out dates for the exact-match score (dates only). */
  heldOut?: number;
  /** Log lines (skipped rows, data size); default: none. */
  log?: (line: string) => void;
}

export interface TrainTranslateDateResult {
  task: 'dates' | 'pairs';
  /** Exact match on the held-out dates or pairs (on the training pairs when too few to hold out). */
  exactMatch: number;
  charAccuracy: number;
  /** The saved translator directory. */
  model: string;
  /** The attention heat map of the example. */
  attention: string;
  example: { input: string; output: string };
  /** Up to 10 held-out mistakes. */
  errors: { input: string; output: string; target: string }[];
  /** Held-out dates or pairs scored. */
  heldOut: number;
  /** Dates: training examples generated. */
  examples?: number;
  /** Pairs: usable pairs in the file, how many trained, what the score is measured on, rows skipped. */
  pairs?: number;
  trainPairs?: number;
  evaluatedOn?: 'held-out pairs' | 'training pairs (too few pairs to hold any out)';
  skipped?: SkippedRow[];
  history: History;
  seconds: number;
}

/** The translator directory inside an output directory. */
export function translatorDir(outDir: string): string {
  return path.join(outDir, 'model');
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

/** Trains on dates or on a pairs file, saves the translator and draws the attention of one example. */
export async function trainTranslateDate(options: TrainTranslateDateOptions): Promise<TrainTranslateDateResult> {
  const { outDir, pairsFile, examples, heldOut, log, ...common } = options;
  if (pairsFile) {
    const parsed = readTrainingPairs(pairsFile, log);
    const r = await trainPairsTranslator(parsed.pairs, common);
    try {
      const saved = await saveWithAttention(r.translator, outDir, (r.heldOut[0] ?? parsed.pairs[0]).source);
      return {
        task: 'pairs',
        exactMatch: r.exactMatch,
        charAccuracy: r.charAccuracy,
        ...saved,
        errors: r.errors,
        heldOut: r.heldOut.length,
        pairs: parsed.pairs.length,
        trainPairs: r.trainPairs,
        evaluatedOn: r.evaluatedOnHeldOut ? 'held-out pairs' : 'training pairs (too few pairs to hold any out)',
        skipped: parsed.skipped,
        history: r.history,
        seconds: r.seconds,
      };
    } finally {
      r.translator.dispose();
    }
  }
  const r = await trainDateTranslator({ ...common, examples, heldOut });
  try {
    const saved = await saveWithAttention(r.translator, outDir, DATE_EXAMPLE);
    return {
      task: 'dates',
      exactMatch: r.exactMatch,
      charAccuracy: r.charAccuracy,
      ...saved,
      errors: r.errors,
      heldOut: r.heldOut.length,
      examples: examples ?? TRAIN_DATES_DEFAULTS.examples,
      history: r.history,
      seconds: r.seconds,
    };
  } finally {
    r.translator.dispose();
  }
}

async function saveWithAttention(
  translator: Awaited<ReturnType<typeof trainDateTranslator>>['translator'],
  outDir: string,
  example: string,
) {
  const model = translatorDir(outDir);
  await translator.save(model);
  const shown = translator.translate(example);
  const attention = await renderAttentionPng(shown, path.join(outDir, 'attention.png'));
  return { model, attention, example: { input: shown.input, output: shown.output } };
}
