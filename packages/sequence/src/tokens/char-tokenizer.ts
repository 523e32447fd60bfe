/**
 * A character-level tokenizer in the Hugging Face format: one id per character of a `Vocabulary`
 * (a WordLevel model), written as a folder that transformers.js loads. The audio package writes
 * its CTC tokenizer with it: `tokenizer_class: 'Wav2Vec2CTCTokenizer'`, a CTC decoder, and `|` as
 * the word delimiter.
 *
 * @example
 * const vocab = new Vocabulary(['<pad>', '<unk>', '|', ...'ABC'], { unknownToken: '<unk>' });
 * writeCharTokenizer('out/ctc', vocab, { padToken: '<pad>', wordDelimiterToken: '|' });
 */
import { HfTokenizerJson, specialAddedToken } from './hf-tokenizer-json';
import { TokenizerConfig, writeTokenizerFolder } from './hf-tokenizer-folder';
import { Vocabulary } from './vocabulary';

export interface CharTokenizerOptions {
  /** Padding token; for CTC it is also the blank. */
  padToken: string;
  /** Separates words in the CTC output ("|" in wav2vec2); spaces in text map to it. Omit for no CTC decoder. */
  wordDelimiterToken?: string;
  /** Written as `tokenizer_class`. */
  tokenizerClass?: string;
}

/**
 * The `tokenizer.json` and config of a character vocabulary. The vocabulary's unknown token (it
 * must have one) and the pad token are its special tokens. The pad/blank is NOT an added token:
 * transformers.js drops added tokens before collapsing CTC repeats, which turns "HELLO" into "HELO".
 */
export function charTokenizerJson(
  vocab: Vocabulary,
  options: CharTokenizerOptions,
): { tokenizer: HfTokenizerJson; config: TokenizerConfig } {
  const unk = vocab.unknownToken;
  if (unk === undefined) throw new Error('a character tokenizer needs a vocabulary with an unknownToken');
  for (const [name, token] of [
    ['padToken', options.padToken],
    ['wordDelimiterToken', options.wordDelimiterToken],
  ])
    if (token !== undefined && !vocab.has(token))
      throw new Error(`${name} ${JSON.stringify(token)} is not in the vocabulary`);
  const ctc = options.wordDelimiterToken !== undefined;
  const tokenizer: HfTokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [specialAddedToken(unk, vocab.id(unk))],
    // CTC labels write word boundaries as the delimiter: "HELLO WORLD" -> H E L L O | W O R L D
    normalizer: ctc ? { type: 'Replace', pattern: { String: ' ' }, content: options.wordDelimiterToken } : null,
    pre_tokenizer: ctc ? { type: 'Split', pattern: { String: '' }, behavior: 'Isolated', invert: false } : null,
    post_processor: null,
    decoder: ctc
      ? { type: 'CTC', pad_token: options.padToken, word_delimiter_token: options.wordDelimiterToken, cleanup: true }
      : null,
    model: { type: 'WordLevel', unk_token: unk, vocab: Object.fromEntries(vocab.tokens.map((t, i) => [t, i])) },
  };
  const config: TokenizerConfig = {
    tokenizer_class: options.tokenizerClass ?? (ctc ? 'Wav2Vec2CTCTokenizer' : 'PreTrainedTokenizerFast'),
    unk_token: unk,
    pad_token: options.padToken,
    ...(ctc ? { word_delimiter_token: options.wordDelimiterToken } : {}),
  };
  return { tokenizer, config };
}

/** Writes the character tokenizer folder; returns the files written. */
export function writeCharTokenizer(dir: string, vocab: Vocabulary, options: CharTokenizerOptions): string[] {
  return writeTokenizerFolder(dir, charTokenizerJson(vocab, options));
}
