/**
 * The CoNLL-2003 NER format: one token per line, columns separated by whitespace, the NER tag in
 * the last column ("word POS chunk NER", or just "word NER"), a blank line between sentences and
 * `-DOCSTART-` lines between documents. Tags come back as BIO (IOB2): CoNLL-2003's own files use
 * IOB1 and are converted (iob1ToBio); BIO files pass unchanged. A malformed line is an error that
 * names the file and line.
 *
 * @example
 * parseConll('EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n', 'x.conll');
 * // [{ tokens: ['EU', 'rejects'], tags: ['B-ORG', 'O'] }, { tokens: ['Peter'], tags: ['B-PER'] }]
 */
import * as fs from 'fs';
import { iob1ToBio } from './bio';

/** One sentence: word tokens and their BIO tags (the same length). */
export interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

const TAG = /^(?:O|[BI]-[^\s-]\S*)$/;

/** Parses CoNLL text; `source` names the input in errors (`train.conll:12: ...`). */
export function parseConll(content: string, source: string): TaggedSentence[] {
  const sentences: TaggedSentence[] = [];
  let current: TaggedSentence = { tokens: [], tags: [] };
  let columns = 0;
  const flush = () => {
    if (current.tokens.length > 0) sentences.push({ tokens: current.tokens, tags: iob1ToBio(current.tags) });
    current = { tokens: [], tags: [] };
  };
  content.split(/\r?\n/).forEach((line, i) => {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === '') return flush();
    if (fields[0] === '-DOCSTART-') return flush();
    const where = `${source}:${i + 1}`;
    if (fields.length < 2)
      throw new Error(
        `${where}: expected "word TAG" or "word POS chunk TAG" columns, got ${JSON.stringify(line.trim())}`,
      );
    if (columns === 0) columns = fields.length;
    else if (fields.length !== columns)
      throw new Error(`${where}: expected ${columns} columns as in the lines above, got ${fields.length}`);
    const tag = fields[fields.length - 1];
    if (!TAG.test(tag)) throw new Error(`${where}: bad NER tag '${tag}', expected O, B-TYPE or I-TYPE`);
    current.tokens.push(fields[0]);
    current.tags.push(tag);
  });
  flush();
  if (sentences.length === 0) throw new Error(`${source}: no sentences`);
  return sentences;
}

/** Reads a CoNLL-2003 file (see parseConll). */
export function readConll(file: string): TaggedSentence[] {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the CoNLL file ${file}: ${(e as Error).message}`);
  }
  return parseConll(content, file);
}

/** CoNLL text with two columns, "word TAG", a blank line after each sentence. */
export function formatConll(sentences: readonly TaggedSentence[]): string {
  return sentences
    .map((s, i) => {
      if (s.tokens.length !== s.tags.length)
        throw new Error(`sentence ${i} has ${s.tokens.length} tokens but ${s.tags.length} tags`);
      s.tokens.forEach((t, j) => {
        if (t === '' || /\s/.test(t))
          throw new Error(`sentence ${i}, token ${j}: ${JSON.stringify(t)} is empty or has whitespace`);
      });
      return s.tokens.map((t, j) => `${t} ${s.tags[j]}\n`).join('') + '\n';
    })
    .join('');
}

/** Writes sentences as a two-column CoNLL file (readConll reads it back). */
export function writeConll(file: string, sentences: readonly TaggedSentence[]): void {
  fs.writeFileSync(file, formatConll(sentences));
}
