/**
 * normalizeText with an alignment back to the input: for every UTF-16 code unit of the normalised
 * text, the span of the input it came from. Tokenizers normalise before splitting, yet must
 * report offsets into what the user gave them.
 *
 * @example
 * const n = normalizeWithOffsets('Ｃafé', { lowercase: true, stripAccents: true });
 * n.text;               // 'cafe'
 * [n.start[3], n.end[3]]; // [3, 4]: 'e' came from 'é'
 */
import { NormalizeOptions, normalizeText } from './normalize';

export interface NormalizedText {
  /** normalizeText(input, options), exactly. */
  text: string;
  /** start[i]: offset in the input of the character that produced text[i]. */
  start: number[];
  /** end[i]: offset just past that character (a cluster: a base character and its combining marks). */
  end: number[];
}

// A base character with its combining marks (normalised together, so NFKC can compose them), or stray marks.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

export function normalizeWithOffsets(input: string, options: NormalizeOptions = {}): NormalizedText {
  const text = normalizeText(input, options);
  const start: number[] = [];
  const end: number[] = [];
  for (const m of input.matchAll(CLUSTER)) {
    const s = m.index ?? 0;
    const n = normalizeText(m[0], options).length;
    for (let i = 0; i < n; i++) {
      start.push(s);
      end.push(s + m[0].length);
    }
  }
  if (start.length !== text.length) {
    // Rare: normalising the whole text differs in length from normalising cluster by cluster
    // (context-dependent case mappings, compositions across clusters). Spread the input evenly.
    const scale = input.length / Math.max(1, text.length);
    for (let i = 0; i < text.length; i++) {
      start[i] = Math.floor(i * scale);
      end[i] = Math.max(start[i] + 1, Math.ceil((i + 1) * scale));
    }
    start.length = end.length = text.length;
  }
  return { text, start, end };
}
