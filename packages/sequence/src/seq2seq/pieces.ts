/**
 * Sub-word pieces for the translators' sequences: byte-pair-encoding merges (Sennrich et al. 2016,
 * "Neural machine translation of rare words with subword units") learned on one side of the
 * training pairs, applied by greedy longest match. Number phrases have a small vocabulary of
 * recurring parts ("seventy", " hundred", "-deux", "tausend", "und"), so a few hundred pieces turn a
 * 66-character German phrase into about 10 tokens, which is what makes the transformer fast to
 * train and to decode (docs/seq2seq.md).
 *
 * Chunks: a text splits before every space (the space starts the next chunk, GPT-2 style), and no
 * piece crosses a chunk boundary. The vocabulary holds every character of the corpus, so any text
 * made of known characters splits; concatenating the pieces gives the text back exactly.
 *
 * @example
 * const pieces = learnPieces(['quatre-vingt-deux', 'quatre-vingts', 'deux mille'], { maxPieces: 40, minCount: 2 });
 * splitPieces('quatre-vingt-deux mille', new Set(pieces)); // ['quatre-vingt', '-deux', ' mille'] (with these merges)
 */

export interface PieceOptions {
  /** Most pieces (characters included); merging stops there. */
  maxPieces?: number;
  /** A pair of pieces merges only if it occurs at least this often in the corpus. */
  minCount?: number;
}

export const PIECE_DEFAULTS = { maxPieces: 256, minCount: 10 } as const;

/** The chunks of a text: it splits before every whitespace character. */
export function pieceChunks(text: string): string[] {
  return text.match(/\s*\S+|\s+/gu) ?? [];
}

/** Characters of the corpus plus up to maxPieces − characters learned merges, longest first per start. */
export function learnPieces(texts: Iterable<string>, options: PieceOptions = {}): string[] {
  const { maxPieces, minCount } = { ...PIECE_DEFAULTS, ...options };
  const counts = new Map<string, number>();
  for (const t of texts) for (const c of pieceChunks(t)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const words = [...counts].map(([w, n]) => ({ parts: [...w], n }));
  const vocab = new Set<string>();
  for (const w of words) for (const c of w.parts) vocab.add(c);
  while (vocab.size < maxPieces) {
    const pairs = new Map<string, number>();
    for (const w of words)
      for (let i = 0; i + 1 < w.parts.length; i++) {
        const key = `${w.parts[i]}\u0000${w.parts[i + 1]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + w.n);
      }
    let best = '';
    let bestN = 0;
    for (const [key, n] of pairs) if (n > bestN || (n === bestN && key < best)) [best, bestN] = [key, n];
    if (bestN < minCount) break;
    const [a, b] = best.split('\u0000');
    const merged = a + b;
    vocab.add(merged);
    for (const w of words) {
      const out: string[] = [];
      for (let i = 0; i < w.parts.length; i++) {
        if (i + 1 < w.parts.length && w.parts[i] === a && w.parts[i + 1] === b) {
          out.push(merged);
          i++;
        } else out.push(w.parts[i]);
      }
      w.parts = out;
    }
  }
  return [...vocab].sort();
}

/**
 * `text` as pieces of `vocab` by greedy longest match within each chunk; a character outside the
 * vocabulary becomes its own piece (the vocabulary's encode then names it as unknown).
 */
export function splitPieces(text: string, vocab: ReadonlySet<string>, longest = longestPiece(vocab)): string[] {
  const out: string[] = [];
  for (const chunk of pieceChunks(text)) {
    const chars = [...chunk];
    let i = 0;
    while (i < chars.length) {
      let len = Math.min(longest, chars.length - i);
      while (len > 1 && !vocab.has(chars.slice(i, i + len).join(''))) len--;
      out.push(chars.slice(i, i + len).join(''));
      i += len;
    }
  }
  return out;
}

/** Characters in the longest piece. */
export function longestPiece(vocab: Iterable<string>): number {
  let m = 1;
  for (const p of vocab) m = Math.max(m, [...p].length);
  return m;
}
