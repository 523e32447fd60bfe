/**
 * Loads a tokenizer folder written by this project, choosing the class from the model type in
 * `tokenizer.json` (WordPiece or BPE).
 *
 * @example
 * const tok = loadTokenizer('out/wordpiece'); // WordPieceTokenizer
 */
import { readTokenizerFolder } from '@dlkit/sequence';
import * as path from 'path';
import { ByteBpeTokenizer } from './byte-bpe';
import { WordPieceTokenizer } from './wordpiece';

export function loadTokenizer(dir: string): WordPieceTokenizer | ByteBpeTokenizer {
  const { tokenizer, config } = readTokenizerFolder(dir);
  const where = path.join(dir, 'tokenizer.json');
  if (tokenizer.model.type === 'WordPiece') return new WordPieceTokenizer(tokenizer, config, where);
  if (tokenizer.model.type === 'BPE') return new ByteBpeTokenizer(tokenizer, config, where);
  throw new Error(
    `${where}: expected a WordPiece or BPE model (this project's tokenizers), got ${tokenizer.model.type}`,
  );
}
