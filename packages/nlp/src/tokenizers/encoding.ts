/**
 * What the tokenizers return: ids with the attention mask, token type ids and character offsets
 * into the input, and the options for special tokens, truncation and padding.
 */

/** A token found in the input text, before special tokens and padding. */
export interface TokenSpan {
  id: number;
  /** Offset of the token's first UTF-16 code unit in the input. */
  start: number;
  /** Offset just past the token (`input.slice(start, end)` is the text it came from). */
  end: number;
}

export interface Encoding {
  ids: number[];
  tokens: string[];
  /** 1 for real tokens, 0 for padding. */
  attentionMask: number[];
  /** 0 for the first text (and its special tokens), 1 for the second of a pair. */
  typeIds: number[];
  /** [start, end) into the input each token came from; [0, 0] for special tokens and padding. With a pair, the second text's tokens index the second text. */
  offsets: [number, number][];
}

export interface EncodeOptions {
  /** Add the post-processor's special tokens ([CLS] ... [SEP] for WordPiece). */
  addSpecialTokens?: boolean;
  /** Longest encoding, special tokens included: longer ones are truncated (longest text of a pair first). */
  maxLength?: number;
  /** Pad to `maxLength` ('max_length'), to the longest of a batch ('longest', encodeBatch only), or not at all. */
  padding?: 'max_length' | 'longest' | false;
}

export const ENCODE_DEFAULTS = { addSpecialTokens: true, padding: false } satisfies EncodeOptions;

export interface DecodeOptions {
  /** Leave out special tokens ([CLS], [SEP], padding). */
  skipSpecialTokens?: boolean;
}

/** Pads an encoding in place to `length` with the pad token. */
export function padEncoding(e: Encoding, length: number, padId: number, padToken: string): void {
  while (e.ids.length < length) {
    e.ids.push(padId);
    e.tokens.push(padToken);
    e.attentionMask.push(0);
    e.typeIds.push(0);
    e.offsets.push([0, 0]);
  }
}

/** Truncates the longer of two token lists, one token at a time, until both fit in `budget` tokens. */
export function truncatePair(a: TokenSpan[], b: TokenSpan[] | null, budget: number): [TokenSpan[], TokenSpan[] | null] {
  if (budget < 0) throw new Error(`maxLength leaves no room for the text once special tokens are added`);
  let na = a.length;
  let nb = b?.length ?? 0;
  while (na + nb > budget) {
    if (nb > na) nb--;
    else na--;
  }
  return [a.slice(0, na), b ? b.slice(0, nb) : null];
}
