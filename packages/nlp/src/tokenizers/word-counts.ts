/**
 * Counting the pre-tokenized words of a training corpus, shared by the WordPiece and BPE trainers.
 */

/** Counts of each word the `split` function finds in the sentences. Throws when there is none. */
export function countWords(
  sentences: Iterable<string>,
  split: (sentence: string) => Iterable<string>,
  what: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  let n = 0;
  for (const s of sentences) {
    n++;
    for (const w of split(s)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  if (counts.size === 0)
    throw new Error(`${what}: the training corpus has no words (${n} sentences, all empty or blank)`);
  return counts;
}

export function checkVocabSize(vocabSize: number, minimum: number, what: string): void {
  if (!Number.isInteger(vocabSize) || vocabSize < minimum)
    throw new Error(`${what}: vocabSize must be an integer >= ${minimum}, got ${vocabSize}`);
}
