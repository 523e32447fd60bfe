/**
 * Learning merge rules from word counts, the core of BPE training (Sennrich et al. 2016) that
 * both trainers use: repeatedly merge the most frequent adjacent pair of symbols, counted over
 * every occurrence of every word. Pair counts are updated incrementally (only words that contain
 * the merged pair are touched), so a few thousand merges over ~10k distinct words take well under
 * a second. Ties go to the pair whose symbols sort first, so training is deterministic.
 */

export interface LearnMergesOptions {
  /** Stop after this many merges. */
  maxMerges: number;
  /** Stop when the most frequent pair occurs fewer times than this. */
  minFrequency: number;
  /** The symbol a merge creates (WordPiece drops the right symbol's "##"). */
  join: (left: string, right: string) => string;
}

/** One merge rule: `left` + `right` became `merged`. */
export type Merge = [left: string, right: string, merged: string];

const SEP = '\u0000';

export function learnMerges(
  words: Map<string, { symbols: string[]; count: number }>,
  options: LearnMergesOptions,
): Merge[] {
  // pairs are keyed "left<NUL>right": a word with a NUL in a symbol (control text, never real prose) is left out
  const list = [...words.values()]
    .filter((w) => !w.symbols.some((s) => s.includes(SEP)))
    .map((w) => ({ symbols: [...w.symbols], count: w.count }));
  const pairCounts = new Map<string, number>();
  const where = new Map<string, Set<number>>(); // pair -> indices of words containing it
  const addPairs = (w: number, sign: 1 | -1): void => {
    const { symbols, count } = list[w];
    for (let i = 0; i + 1 < symbols.length; i++) {
      const key = symbols[i] + SEP + symbols[i + 1];
      pairCounts.set(key, (pairCounts.get(key) ?? 0) + sign * count);
      if (sign > 0) (where.get(key) ?? where.set(key, new Set()).get(key))?.add(w);
    }
  };
  list.forEach((_, w) => addPairs(w, 1));

  const merges: Merge[] = [];
  while (merges.length < options.maxMerges) {
    let best: string | null = null;
    let bestCount = 0;
    for (const [key, n] of pairCounts)
      if (n > bestCount || (n === bestCount && best !== null && n > 0 && key < best)) [best, bestCount] = [key, n];
    if (best === null || bestCount < options.minFrequency) break;
    const [left, right] = best.split(SEP);
    const merged = options.join(left, right);
    merges.push([left, right, merged]);
    for (const w of where.get(best) ?? []) {
      const s = list[w].symbols;
      addPairs(w, -1);
      const next: string[] = [];
      for (let i = 0; i < s.length; i++) {
        if (i + 1 < s.length && s[i] === left && s[i + 1] === right) {
          next.push(merged);
          i++;
        } else next.push(s[i]);
      }
      list[w].symbols = next;
      addPairs(w, 1);
    }
    pairCounts.delete(best);
    where.delete(best);
  }
  return merges;
}
