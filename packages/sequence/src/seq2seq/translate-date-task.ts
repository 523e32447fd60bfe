/**
 * The `dlkit translate-date train` flow: the `dates` preset of `trainTranslation`
 * (translate-task.ts), or with `pairsFile` the user's TSV of source<TAB>target pairs trained with
 * the course's decoder (fed only the attention context, as before). Same data, splits, files and
 * training code as `dlkit translate train --pairs dates|FILE.tsv`; this wrapper keeps the command's
 * result shape (task 'dates' or 'pairs').
 *
 * @example
 * const r = await trainTranslateDate({ outDir: 'out/dates', examples: 2000, epochs: 3 });
 * r.model;       // 'out/dates/model' (load with Seq2seqTranslator.load)
 * r.exactMatch;  // on the held-out dates
 */
import type { History } from '@dlkit/core';
import type { SkippedRow } from './pairs';
import type { TrainTranslatorOptions } from './train';
import { trainTranslation } from './translate-task';

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
  /** Character error rate on the same pairs. */
  cer: number;
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
  resumedFromEpoch: number;
}

/** Trains on dates or on a pairs file, saves the translator and draws the attention of one example (greedy decoding). */
export async function trainTranslateDate(options: TrainTranslateDateOptions): Promise<TrainTranslateDateResult> {
  const { pairsFile, ...rest } = options;
  const r = await trainTranslation({
    ...rest,
    pairs: pairsFile ?? 'dates',
    ...(pairsFile ? { feedPrevious: false } : {}),
    beamWidth: 1,
  });
  const common = {
    exactMatch: r.exactMatch,
    cer: r.cer,
    charAccuracy: r.charAccuracy,
    model: r.model,
    attention: r.attention,
    example: r.example,
    errors: r.errors,
    heldOut: r.heldOut,
    history: r.history,
    seconds: r.seconds,
    resumedFromEpoch: r.resumedFromEpoch,
  };
  if (!pairsFile) return { task: 'dates', ...common, examples: r.examples };
  return {
    task: 'pairs',
    ...common,
    pairs: r.filePairs,
    trainPairs: r.trainPairs,
    evaluatedOn: r.evaluatedOnHeldOut ? 'held-out pairs' : 'training pairs (too few pairs to hold any out)',
    skipped: r.skipped,
  };
}
