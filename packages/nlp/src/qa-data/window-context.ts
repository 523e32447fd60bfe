/**
 * Splitting a context longer than a model's window into overlapping windows, as Hugging Face's
 * tokenizers do for question answering (`return_overflowing_tokens=True, stride=doc_stride`):
 * windows of at most `maxLen` context tokens, each starting `maxLen - stride` tokens after the
 * previous one (consecutive windows share `stride` tokens), the last one ending at the last token
 * (it may be shorter). An answer is labelled in a window only when it lies wholly inside.
 *
 * @example
 * const tokens = wordTokens('a b c d e f g');
 * windowContext(tokens, 4, 2).map((w) => [w.tokenStart, w.tokenEnd]); // [[0, 4], [2, 6], [4, 7]]
 */

/** A window over the context's tokens, with the character range it covers. */
export interface ContextWindow {
  /** First token of the window (index into the tokens). */
  tokenStart: number;
  /** One past the last token. */
  tokenEnd: number;
  /** Character offset of the first token's start in the context. */
  charStart: number;
  /** Character offset just past the last token. */
  charEnd: number;
}

/**
 * Overlapping windows over tokens given with character offsets (word tokens, or a sub-word
 * encoding's offsets). `maxLen` is the number of context tokens a window holds (the model's
 * length minus the question and special tokens); `stride` is the overlap, 0 ≤ stride < maxLen.
 */
export function windowContext(
  tokens: ReadonlyArray<{ start: number; end: number }>,
  maxLen: number,
  stride: number,
): ContextWindow[] {
  if (!Number.isInteger(maxLen) || maxLen < 1) throw new Error(`maxLen must be a positive integer, got ${maxLen}`);
  if (!Number.isInteger(stride) || stride < 0 || stride >= maxLen)
    throw new Error(`stride must be an integer in [0, maxLen = ${maxLen}), got ${stride}`);
  if (tokens.length === 0) throw new Error('windowContext: empty context (no tokens)');
  const windows: ContextWindow[] = [];
  for (let start = 0; ; start += maxLen - stride) {
    const end = Math.min(start + maxLen, tokens.length);
    windows.push({ tokenStart: start, tokenEnd: end, charStart: tokens[start].start, charEnd: tokens[end - 1].end });
    if (end === tokens.length) return windows;
  }
}

/**
 * The answer's first and last token inside a window (indices relative to the window, inclusive),
 * or null when the answer [start, end) is not wholly inside it (Hugging Face then labels the
 * [CLS] position). Tokens that overlap the answer's characters are its tokens.
 */
export function answerTokenSpan(
  tokens: ReadonlyArray<{ start: number; end: number }>,
  window: ContextWindow,
  answer: { start: number; end: number },
): { start: number; end: number } | null {
  if (answer.start < window.charStart || answer.end > window.charEnd) return null;
  let first = -1;
  let last = -1;
  for (let i = window.tokenStart; i < window.tokenEnd; i++) {
    if (tokens[i].start < answer.end && tokens[i].end > answer.start) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? null : { start: first - window.tokenStart, end: last - window.tokenStart };
}
