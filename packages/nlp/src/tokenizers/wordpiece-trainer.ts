/**
 * Trains a WordPiece vocabulary the way the Hugging Face tokenizers library does (its WordPiece
 * trainer runs BPE merges with the `##` continuation prefix, then keeps the merged symbols as the
 * vocabulary): words counted after normalisation and BERT pre-tokenization, an alphabet of every
 * character seen (continuation characters as `##c`), then frequency-ranked merges until the
 * vocabulary reaches `vocabSize` or no pair reaches `minFrequency`.
 *
 * @example
 * const tok = trainWordPiece(['The cat sat on the mat.', 'A dog sat.'], { vocabSize: 60 });
 * tok.encode('the mat').tokens; // ['[CLS]', 'the', 'mat', '[SEP]']
 */
import { normalizeText } from '../text/normalize';
import { learnMerges } from './bpe-merges';
import { checkVocabSize, countWords } from './word-counts';
import {
  BERT_PRE_TOKENIZER,
  WORDPIECE_DEFAULTS,
  WORDPIECE_PREFIX,
  WORDPIECE_SPECIALS,
  WordPieceOptions,
  WordPieceTokenizer,
} from './wordpiece';

export interface TrainWordPieceOptions extends WordPieceOptions {
  /** Target vocabulary size, special tokens and alphabet included. */
  vocabSize: number;
  /** A pair must occur at least this often to be merged. */
  minFrequency?: number;
}

export const TRAIN_WORDPIECE_DEFAULTS = { ...WORDPIECE_DEFAULTS, minFrequency: 2 };

export function trainWordPiece(sentences: Iterable<string>, options: TrainWordPieceOptions): WordPieceTokenizer {
  const o = { ...TRAIN_WORDPIECE_DEFAULTS, ...options };
  const specials = Object.values(WORDPIECE_SPECIALS);
  checkVocabSize(o.vocabSize, specials.length + 1, 'trainWordPiece');
  const counts = countWords(
    sentences,
    (s) => [...normalizeText(s, o).matchAll(BERT_PRE_TOKENIZER)].map((m) => m[0]),
    'trainWordPiece',
  );
  const words = new Map<string, { symbols: string[]; count: number }>();
  const alphabet = new Set<string>();
  for (const [word, count] of counts) {
    const chars = [...word];
    if (chars.length > o.maxInputCharsPerWord) continue; // encoded as [UNK] whatever the vocabulary
    const symbols = chars.map((c, i) => (i === 0 ? c : WORDPIECE_PREFIX + c));
    symbols.forEach((s) => alphabet.add(s));
    words.set(word, { symbols, count });
  }
  const vocab = [...specials, ...[...alphabet].sort()];
  const seen = new Set(vocab);
  const merges = learnMerges(words, {
    maxMerges: Math.max(0, o.vocabSize - vocab.length),
    minFrequency: o.minFrequency,
    join: (a, b) => a + b.slice(WORDPIECE_PREFIX.length),
  });
  // two merges can spell the same piece ("a"+"##bc", "ab"+"##c"): keep it once
  for (const [, , piece] of merges)
    if (!seen.has(piece) && vocab.length < o.vocabSize) {
      seen.add(piece);
      vocab.push(piece);
    }
  return WordPieceTokenizer.fromVocab(vocab, o);
}
