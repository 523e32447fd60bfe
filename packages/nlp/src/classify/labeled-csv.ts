/**
 * Labelled text in CSV: a header row naming a `text` and a `label` column (others ignored),
 * RFC 4180 quoting (sequence's `parseCsv`: quoted fields, doubled quotes, quoted newlines), every
 * error naming the file and line. `readLabeledFile` picks the reader by extension: `.csv` here,
 * anything else the `sentence<TAB>label` TSV reader.
 *
 * @example
 * const rows = readLabeledFile('reviews.csv'); // text,label\n"Great, loved it",pos\n...
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '@dlkit/sequence';
import { parseLabeledTsv, type LabeledText } from './labeled-text';

/** Parses CSV with a `text,label` header; `source` names the input in errors (`x.csv:7: empty label`). */
export function parseLabeledCsv(content: string, source: string, labels?: readonly string[]): LabeledText[] {
  const table = parseCsv(content, source);
  const column = (name: string) => {
    const i = table.header.findIndex((h) => h.toLowerCase() === name);
    if (i < 0)
      throw new Error(`${source}:1: expected a header with 'text' and 'label' columns, got ${table.header.join(',')}`);
    return i;
  };
  const [t, l] = [column('text'), column('label')];
  const allowed = labels ? new Set(labels) : undefined;
  const rows = table.rows.map((fields, i) => {
    const where = `${source}:${table.lines[i]}`;
    const [text, label] = [fields[t].trim(), fields[l].trim()];
    if (text === '') throw new Error(`${where}: empty text`);
    if (label === '') throw new Error(`${where}: empty label`);
    if (allowed && !allowed.has(label))
      throw new Error(`${where}: unknown label '${label}', expected one of ${[...allowed].join(' ')}`);
    return { text, label };
  });
  if (rows.length === 0) throw new Error(`${source}: no rows`);
  return rows;
}

/** A `.csv` (text,label header) or `.tsv` (sentence<TAB>label) file of labelled text. */
export function readLabeledFile(file: string, labels?: readonly string[]): LabeledText[] {
  const content = fs.readFileSync(file, 'utf8');
  return path.extname(file).toLowerCase() === '.csv'
    ? parseLabeledCsv(content, file, labels)
    : parseLabeledTsv(content, file, labels);
}
