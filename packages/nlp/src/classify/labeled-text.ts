/**
 * Labelled sentences for text classification: a TSV reader (sentence<TAB>label, `#` comments and
 * blank lines skipped) whose errors name the file and line, the Emojify set shipped in
 * `data/emojify.tsv`, and a seeded stratified train/test split.
 *
 * @example
 * const { train, test } = splitStratified(loadEmojify(), { testFraction: 0.2, seed: 1 });
 */
import * as fs from 'fs';
import * as path from 'path';
import { Rng } from '@dlkit/core';
import { tokenizeCorpus } from '../embeddings/corpus';

export interface LabeledText {
  text: string;
  label: string;
}

/** The course's five classes (Coursera Sequence Models, week 2), in class-id order. */
export const EMOJIFY_LABELS = ['❤️', '⚾', '😄', '😞', '🍴'] as const;

/** `data/emojify.tsv`: 260 sentences, 52 per class, written for dlkit. */
export function emojifyDataPath(): string {
  // src/classify or dist/classify → package root
  return path.join(__dirname, '..', '..', 'data', 'emojify.tsv');
}

/**
 * Parses `sentence<TAB>label` rows. `source` names the input in errors
 * (`emojify.tsv:12: expected "sentence<TAB>label", got 3 fields`).
 */
export function parseLabeledTsv(content: string, source: string, labels?: readonly string[]): LabeledText[] {
  const allowed = labels ? new Set(labels) : undefined;
  const rows: LabeledText[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const where = `${source}:${i + 1}`;
    const fields = line.split('\t');
    if (fields.length !== 2) throw new Error(`${where}: expected "sentence<TAB>label", got ${fields.length} field(s)`);
    const [text, label] = fields.map((f) => f.trim());
    if (text === '') throw new Error(`${where}: empty sentence`);
    if (label === '') throw new Error(`${where}: empty label`);
    if (allowed && !allowed.has(label))
      throw new Error(`${where}: unknown label '${label}', expected one of ${[...allowed].join(' ')}`);
    rows.push({ text, label });
  });
  if (rows.length === 0) throw new Error(`${source}: no rows`);
  return rows;
}

export function readLabeledTsv(file: string, labels?: readonly string[]): LabeledText[] {
  return parseLabeledTsv(fs.readFileSync(file, 'utf8'), file, labels);
}

export function loadEmojify(): LabeledText[] {
  return readLabeledTsv(emojifyDataPath(), EMOJIFY_LABELS);
}

/** Lowercase word and number tokens, punctuation dropped: the same as the embedding corpus. */
export function sentenceWords(text: string): string[] {
  return tokenizeCorpus([text])[0] ?? [];
}

export interface StratifiedSplitOptions {
  /** Fraction of each class held out for testing (rounded per class). */
  testFraction?: number;
  seed?: number;
}

export const STRATIFIED_SPLIT_DEFAULTS = { testFraction: 0.2, seed: 1 } satisfies StratifiedSplitOptions;

/** Per-class seeded shuffle, then the first round(n × testFraction) of each class go to test. */
export function splitStratified<T extends { label: string }>(
  rows: readonly T[],
  options: StratifiedSplitOptions = {},
): { train: T[]; test: T[] } {
  const o = { ...STRATIFIED_SPLIT_DEFAULTS, ...options };
  if (!(o.testFraction > 0 && o.testFraction < 1))
    throw new Error(`testFraction must be in (0, 1), got ${o.testFraction}`);
  const rng = new Rng(o.seed);
  const byLabel = new Map<string, number[]>();
  rows.forEach((r, i) => byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), i]));
  const testIds = new Set<number>();
  for (const ids of byLabel.values()) {
    for (let i = ids.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    ids.slice(0, Math.round(ids.length * o.testFraction)).forEach((id) => testIds.add(id));
  }
  return { train: rows.filter((_, i) => !testIds.has(i)), test: rows.filter((_, i) => testIds.has(i)) };
}
