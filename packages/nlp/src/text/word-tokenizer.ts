/**
 * A word tokenizer with character offsets into the input: words (letters with inner apostrophes
 * or hyphens, e.g. "don't", "well-known"), numbers (with inner separators: "3.14", "1,000"), and
 * every other non-space character as its own token. Each token's text is normalised on its own
 * (see normalizeText), so `start`/`end` always index the original string.
 *
 * @example
 * wordTokens("Don't panic: 42 Ｆish!", { lowercase: true }).map((t) => t.text);
 * // ["don't", 'panic', ':', '42', 'fish', '!']
 */
import { NormalizeOptions, normalizeText } from './normalize';

export interface WordToken {
  /** The normalised token text. */
  text: string;
  /** Offset of the first UTF-16 code unit in the input. */
  start: number;
  /** Offset just past the token in the input (`input.slice(start, end)` is the raw token). */
  end: number;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\p{N}+(?:[.,]\p{N}+)*|[^\s\p{L}\p{M}\p{N}]/gu;

export function wordTokens(text: string, options: NormalizeOptions = {}): WordToken[] {
  const tokens: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    tokens.push({ text: normalizeText(m[0], options), start, end: start + m[0].length });
  }
  return tokens;
}

/** The token texts only. */
export function tokenizeWords(text: string, options: NormalizeOptions = {}): string[] {
  return wordTokens(text, options).map((t) => t.text);
}
