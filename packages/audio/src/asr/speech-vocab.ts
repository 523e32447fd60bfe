/**
 * The character vocabulary of the speech model, in wav2vec2's layout: `<pad>` (id 0) is the CTC
 * blank, `<unk>`, `|` the word delimiter, then a-z and the apostrophe. Text maps to ids with spaces
 * as `|` (what the tokenizer.json normalizer does in transformers.js).
 *
 * @example
 * speechIds('call anna'); // ids of c a l l | a n n a
 * speechText([5, 3, 14]);  // back to text, '|' as a space
 */
import { Vocabulary } from '@dlkit/sequence';

export const SPEECH_BLANK = '<pad>';
export const SPEECH_UNK = '<unk>';
export const WORD_DELIMITER = '|';

/** Tokens in id order. */
export const SPEECH_TOKENS: readonly string[] = [
  SPEECH_BLANK,
  SPEECH_UNK,
  WORD_DELIMITER,
  ...'abcdefghijklmnopqrstuvwxyz',
  "'",
];

export function speechVocabulary(): Vocabulary {
  return new Vocabulary(SPEECH_TOKENS, { unknownToken: SPEECH_UNK });
}

/** Lower-cases, keeps a-z, apostrophes and single spaces; throws naming the text when nothing is left. */
export function normalizeTranscript(text: string, context = 'the transcript'): string {
  const clean = text
    .toLowerCase()
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
  if (clean === '') throw new Error(`${context}: no letters in ${JSON.stringify(text)}`);
  return clean;
}

const ID = new Map(SPEECH_TOKENS.map((t, i) => [t, i]));

/** Label ids of a normalized transcript (spaces → `|`). */
export function speechIds(text: string): number[] {
  return [...text].map((c) => ID.get(c === ' ' ? WORD_DELIMITER : c) ?? ID.get(SPEECH_UNK)!);
}

/** Text of ids (blanks and `<unk>` dropped, `|` → space, trimmed). */
export function speechText(ids: readonly number[], tokens: readonly string[] = SPEECH_TOKENS): string {
  return ids
    .map((id) => tokens[id])
    .filter((t) => t !== SPEECH_BLANK && t !== SPEECH_UNK)
    .map((t) => (t === WORD_DELIMITER ? ' ' : t))
    .join('')
    .replace(/ +/g, ' ')
    .trim();
}
