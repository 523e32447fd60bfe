/**
 * GPT-2's byte-to-unicode table (Radford et al. 2019, openai/gpt-2 encoder.py): every byte maps to
 * a printable character, so byte-level BPE works on ordinary strings and never needs [UNK].
 * Printable Latin-1 bytes map to themselves; the other 68 bytes (controls, space, ...) map to
 * U+0100 onwards, in byte order (space, 0x20, becomes 'Ġ').
 */
export const BYTE_TO_UNICODE: readonly string[] = (() => {
  const printable = (b: number): boolean =>
    (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const table: string[] = [];
  let next = 256;
  for (let b = 0; b < 256; b++) table[b] = String.fromCharCode(printable(b) ? b : next++);
  return table;
})();

export const UNICODE_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_UNICODE.map((c, b) => [c, b]));

/** GPT-2's pre-tokenizer: contractions, words and numbers with their leading space, other symbols, spaces. */
export const GPT2_PRE_TOKENIZER = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The byte-level string of a text, and for each of its characters the span of `text` its byte came from. */
export function toByteLevel(text: string): { chars: string; start: number[]; end: number[] } {
  let chars = '';
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const c of text) {
    for (const b of utf8.encode(c)) {
      chars += BYTE_TO_UNICODE[b];
      start.push(at);
      end.push(at + c.length);
    }
    at += c.length;
  }
  return { chars, start, end };
}

/** Bytes back to text (invalid UTF-8, e.g. half a character, becomes U+FFFD). */
export function fromByteLevel(chars: string): string {
  return utf8Decoder.decode(Uint8Array.from([...chars], (c) => UNICODE_TO_BYTE.get(c) ?? 0x3f));
}
