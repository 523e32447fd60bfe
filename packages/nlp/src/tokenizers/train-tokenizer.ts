/**
 * The `dlkit tokenizer train` task: read a corpus (WordNet's glosses, or a text file with one
 * sentence per line), train a WordPiece or byte-level BPE, save the Hugging Face folder, and report
 * what was written.
 *
 * @example
 * const r = trainTokenizer({ corpus: 'wordnet', kind: 'wordpiece', vocabSize: 8000, outDir: 'out/tok' });
 * r.files; // ['out/tok/tokenizer.json', 'out/tok/tokenizer_config.json', 'out/tok/special_tokens_map.json']
 */
import * as fs from 'fs';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import { trainByteBpe } from './bpe-trainer';
import { SubwordTokenizer } from './subword-tokenizer';
import { trainWordPiece } from './wordpiece-trainer';

export const TOKENIZER_KINDS = ['wordpiece', 'bpe'] as const;
export type TokenizerKind = (typeof TOKENIZER_KINDS)[number];

export interface TrainTokenizerOptions {
  /** 'wordnet' (WordNet 3.1 gloss definitions and examples) or a UTF-8 text file, one sentence per line. */
  corpus: string;
  kind: TokenizerKind;
  vocabSize: number;
  outDir: string;
  /** A pair must occur at least this often to be merged. */
  minFrequency?: number;
  /** Sentence whose tokens the result shows. */
  example?: string;
}

export const TRAIN_TOKENIZER_DEFAULTS = {
  corpus: 'wordnet',
  kind: 'wordpiece',
  vocabSize: 8000,
  minFrequency: 2,
  example: 'Tokenizers split unfamiliar words into familiar pieces.',
} satisfies Partial<TrainTokenizerOptions>;

export interface TrainTokenizerResult {
  task: 'tokenizer';
  kind: TokenizerKind;
  corpus: string;
  sentences: number;
  vocabSize: number;
  files: string[];
  example: { text: string; tokens: string[] };
  seconds: number;
}

/** The non-blank lines of a text file; an error names the file when it is unreadable or has none. */
export function readCorpusLines(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read the corpus (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0)
    throw new Error(`${file}: expected a text corpus, one sentence per line; the file has no text`);
  return lines;
}

export function trainTokenizer(options: TrainTokenizerOptions): TrainTokenizerResult {
  const o = { ...TRAIN_TOKENIZER_DEFAULTS, ...options };
  const t0 = Date.now();
  const sentences = o.corpus === 'wordnet' ? wordnetGlossSentences() : readCorpusLines(o.corpus);
  const train = { vocabSize: o.vocabSize, minFrequency: o.minFrequency };
  const tok: SubwordTokenizer =
    o.kind === 'wordpiece' ? trainWordPiece(sentences, train) : trainByteBpe(sentences, train);
  const files = tok.save(o.outDir);
  return {
    task: 'tokenizer',
    kind: o.kind,
    corpus: o.corpus,
    sentences: sentences.length,
    vocabSize: tok.vocabSize,
    files,
    example: { text: o.example, tokens: tok.encode(o.example).tokens },
    seconds: (Date.now() - t0) / 1000,
  };
}
