/**
 * Error rates of recognisers (speech, handwriting, translation): Levenshtein distance over tokens,
 * pooled over a corpus as speech recognition reports them: total edits / total reference length
 * (so long sentences weigh more, and the rate can exceed 1 when outputs are much longer).
 *
 * @example
 * editDistance([...'kitten'], [...'sitting']);            // 3
 * cer(['HELO WORLD'], ['HELLO WORLD']);                    // 1/11: one deletion in 11 characters
 * wer(['the cat sat', 'a dog'], ['the cat sat down', 'a dog']); // 1/6: one deletion in 4 + 2 words
 * exactMatch(['quatre', 'cinq'], ['quatre', 'six']);       // 0.5
 */

/** Levenshtein distance: fewest insertions, deletions and substitutions (each cost 1) turning `hypothesis` into `reference`. */
export function editDistance<T>(reference: readonly T[], hypothesis: readonly T[]): number {
  let prev = Array.from({ length: hypothesis.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    const row = [i];
    for (let j = 1; j <= hypothesis.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[hypothesis.length];
}

/** Σ editDistance / Σ reference length over pairs of token arrays (0 for empty references and outputs, Infinity for output against empty references). */
export function errorRate<T>(hypotheses: readonly (readonly T[])[], references: readonly (readonly T[])[]): number {
  if (hypotheses.length !== references.length)
    throw new Error(`errorRate: ${hypotheses.length} hypotheses for ${references.length} references`);
  let edits = 0;
  let length = 0;
  references.forEach((ref, i) => {
    edits += editDistance(ref, hypotheses[i]);
    length += ref.length;
  });
  return length === 0 ? (edits === 0 ? 0 : Infinity) : edits / length;
}

/** Character error rate: `errorRate` over code points (spaces count as characters). */
export function cer(hypotheses: readonly string[], references: readonly string[]): number {
  return errorRate(
    hypotheses.map((h) => [...h]),
    references.map((r) => [...r]),
  );
}

/** Whitespace-separated words of a text (none for a blank text). */
export const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

/** Word error rate: `errorRate` over whitespace-separated words. */
export function wer(hypotheses: readonly string[], references: readonly string[]): number {
  return errorRate(hypotheses.map(words), references.map(words));
}

/** Fraction of outputs equal to their reference. */
export function exactMatch(outputs: readonly string[], references: readonly string[]): number {
  if (outputs.length !== references.length)
    throw new Error(`exactMatch: ${outputs.length} outputs for ${references.length} references`);
  if (references.length === 0) throw new Error('exactMatch: needs at least one reference');
  return outputs.filter((o, i) => o === references[i]).length / outputs.length;
}
