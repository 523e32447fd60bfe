/**
 * A WordPiece tokenizer over a handful of words, for specs: BERT's special tokens first ([PAD] 0,
 * [UNK] 1, [CLS] 2, [SEP] 3, [MASK] 4), then `words` in order (ids 5, 6, ...).
 */
import { WORDPIECE_SPECIALS, WordPieceTokenizer } from '../../tokenizers/wordpiece';

export function tinyWordPiece(words: readonly string[]): WordPieceTokenizer {
  return WordPieceTokenizer.fromVocab([...Object.values(WORDPIECE_SPECIALS), ...words]);
}
