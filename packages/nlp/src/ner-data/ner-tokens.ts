/**
 * Word-level tokens for NER, CoNLL-2003 style: the project's word tokenizer (words, numbers, each
 * punctuation mark on its own) with a possessive "'s" split off its word ("Chicago's" → "Chicago",
 * "'s"), as the Penn Treebank and CoNLL-2003 tokenise, so that an entity followed by a possessive
 * still ends on a token boundary. Offsets index the input text.
 *
 * @example
 * nerTokens("Lima's mayor").map((t) => t.text); // ['Lima', "'s", 'mayor']
 */
import { WordToken, wordTokens } from '../text/word-tokenizer';

const POSSESSIVE = /['’][sS]$/;

export function nerTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const t of wordTokens(text)) {
    const m = POSSESSIVE.exec(t.text);
    if (m && t.text.length > 2) {
      const cut = t.end - 2;
      out.push({ text: text.slice(t.start, cut), start: t.start, end: cut });
      out.push({ text: text.slice(cut, t.end), start: cut, end: t.end });
    } else out.push({ text: text.slice(t.start, t.end), start: t.start, end: t.end });
  }
  return out;
}

/** Tokens that take no space before them when tokens are joined back into text. */
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", '’s', "n't"]);
/** Tokens that take no space after them. */
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '£', '€']);

/**
 * Joins word tokens (a CoNLL sentence) back into readable text for tools that read text, with
 * each token's [start, end) in that text: no space before closing punctuation and "'s", none after
 * opening brackets and currency signs, one space elsewhere.
 *
 * @example
 * detokenize(['Hello', ',', 'Lima', "'s", 'mayor', '!']).text; // "Hello, Lima's mayor!"
 */
export function detokenize(tokens: readonly string[]): { text: string; offsets: Array<[number, number]> } {
  let text = '';
  const offsets: Array<[number, number]> = [];
  tokens.forEach((token, i) => {
    const glue = i === 0 || NO_SPACE_BEFORE.has(token) || NO_SPACE_AFTER.has(tokens[i - 1]);
    if (!glue) text += ' ';
    offsets.push([text.length, text.length + token.length]);
    text += token;
  });
  return { text, offsets };
}
