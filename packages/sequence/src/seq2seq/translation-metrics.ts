/**
 * Translation metrics over strings, by character (code point): exact match and character error
 * rate (CER = Levenshtein distance / reference length, summed over the corpus: Σ dist / Σ |ref|, as
 * speech recognition reports WER and CER; it can exceed 1 when outputs are much longer).
 *
 * @example
 * levenshtein('kitten', 'sitting');                     // 3
 * characterErrorRate(['abc'], ['abd']);                  // 1/3
 * exactMatch(['quatre', 'cinq'], ['quatre', 'six']);     // 0.5
 */

/** Edit distance (insertions, deletions, substitutions, each cost 1) between two strings, by code point. */
export function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length];
}

function checkLengths(outputs: readonly string[], references: readonly string[]): void {
  if (outputs.length !== references.length)
    throw new Error(`${outputs.length} outputs for ${references.length} references`);
  if (references.length === 0) throw new Error('metrics need at least one reference');
}

/** Σ levenshtein(output, reference) / Σ |reference| (characters). */
export function characterErrorRate(outputs: readonly string[], references: readonly string[]): number {
  checkLengths(outputs, references);
  let distance = 0;
  let length = 0;
  outputs.forEach((o, i) => {
    distance += levenshtein(o, references[i]);
    length += [...references[i]].length;
  });
  return length === 0 ? (distance === 0 ? 0 : Infinity) : distance / length;
}

/** Fraction of outputs equal to their reference. */
export function exactMatch(outputs: readonly string[], references: readonly string[]): number {
  checkLengths(outputs, references);
  return outputs.filter((o, i) => o === references[i]).length / outputs.length;
}
