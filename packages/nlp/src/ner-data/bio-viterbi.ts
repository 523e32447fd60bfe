/**
 * The most probable valid BIO sequence (IOB2) from per-word label probabilities: Viterbi over
 * log-probabilities with the transitions IOB2 forbids removed (a sentence cannot start with I-X,
 * O → I-X is not allowed, and I-X may only follow B-X or I-X). Argmax tagging can give "Sallie/I-PER
 * Mowell/B-PER" (two broken entities); this gives the best sequence that is a valid tagging.
 *
 * @example
 * const labels = ['O', 'B-PER', 'I-PER'];
 * // word 1: I-PER 0.6 > B-PER 0.3; word 2: I-PER 0.9
 * viterbiBioTags([[0.1, 0.3, 0.6], [0.05, 0.05, 0.9]], labels); // ['B-PER', 'I-PER']
 */
import { splitTag } from './bio';

/** True when `next` may follow `previous` in IOB2 (`previous` undefined: the sentence start). */
export function bioTransitionAllowed(previous: string | undefined, next: string): boolean {
  const [prefix, type] = splitTag(next);
  if (prefix !== 'I') return true;
  if (previous === undefined) return false;
  const [pp, pt] = splitTag(previous);
  return pp !== 'O' && pt === type;
}

/** The valid BIO tags maximising the product of the words' label probabilities (rows: words; columns: `labels`). */
export function viterbiBioTags(probabilities: readonly (readonly number[])[], labels: readonly string[]): string[] {
  const n = probabilities.length;
  if (n === 0) return [];
  const k = labels.length;
  for (const [i, row] of probabilities.entries())
    if (row.length !== k) throw new Error(`viterbiBioTags: word ${i} has ${row.length} probabilities for ${k} labels`);
  const log = (p: number) => Math.log(Math.max(p, 1e-12));
  const allowed = labels.map((to) => labels.map((from) => bioTransitionAllowed(from, to)));
  let score = labels.map((l, j) => (bioTransitionAllowed(undefined, l) ? log(probabilities[0][j]) : -Infinity));
  const back: number[][] = [];
  for (let t = 1; t < n; t++) {
    const from: number[] = [];
    score = labels.map((_, j) => {
      let best = -Infinity;
      let arg = 0;
      for (let i = 0; i < k; i++)
        if (allowed[j][i] && score[i] > best) {
          best = score[i];
          arg = i;
        }
      from.push(arg);
      return best + log(probabilities[t][j]);
    });
    back.push(from);
  }
  let j = score.indexOf(Math.max(...score));
  const path = [j];
  for (let t = n - 2; t >= 0; t--) {
    j = back[t][j];
    path.push(j);
  }
  return path.reverse().map((i) => labels[i]);
}
