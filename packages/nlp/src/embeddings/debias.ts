/**
 * Hard debiasing of word vectors (Bolukbasi et al. 2016), as in the deep-learning course: a bias
 * direction g = the first principal component of the definitional pairs' differences; neutralize
 * removes a word's component along g; equalize moves each pair to the same point off g, at equal
 * and opposite positions along it. Works on unit-length vectors, as the paper does.
 *
 * @example
 * const unit = vectors.normalized();
 * const g = biasDirection(unit, DEFINITIONAL_PAIRS);
 * const fair = debias(unit, g, { neutral: NEUTRAL_OCCUPATIONS, equalize: EQUALIZE_PAIRS });
 * projection(fair, 'doctor', g); // ~0
 */
import { WordVectors } from './word-vectors';

export interface DebiasOptions {
  /** Words to neutralize (gender-neutral by definition); unknown words are skipped. */
  neutral: Iterable<string>;
  /** Pairs to equalize; pairs with an unknown word are skipped. */
  equalize?: ReadonlyArray<readonly [string, string]>;
}

const POWER_ITERATIONS = 200;

function row(v: WordVectors, w: string): Float64Array {
  return Float64Array.from(v.vectors.subarray(v.id(w) * v.dim, (v.id(w) + 1) * v.dim));
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * The first principal component (unit length, [dim]) of the pair members' offsets from each
 * pair's centre, w − (a + b) / 2 for w in {a, b} (Bolukbasi et al.'s construction; the offsets
 * have mean zero, so PCA is the top eigenvector of Σ d dᵀ, found by power iteration). Its sign
 * points from the second word of each pair towards the first. Pairs with an unknown word are skipped.
 */
export function biasDirection(vectors: WordVectors, pairs: ReadonlyArray<readonly [string, string]>): Float32Array {
  const diffs: Float64Array[] = [];
  for (const [a, b] of pairs) {
    if (!vectors.has(a) || !vectors.has(b)) continue;
    const va = row(vectors, a);
    const vb = row(vectors, b);
    diffs.push(va.map((x, i) => (x - vb[i]) / 2)); // a − centre; b − centre is its negative
  }
  if (diffs.length === 0) throw new Error('biasDirection: no definitional pair has both words in the vectors');
  let g = Float64Array.from(diffs[0]);
  for (let it = 0; it < POWER_ITERATIONS; it++) {
    const next = new Float64Array(vectors.dim);
    for (const d of diffs) {
      const s = 2 * dot(d, g); // both offsets ±d contribute d dᵀ g
      for (let i = 0; i < next.length; i++) next[i] += s * d[i];
    }
    const n = Math.sqrt(dot(next, next));
    if (n === 0) break;
    g = next.map((x) => x / n);
  }
  const sign = diffs.reduce((s, d) => s + dot(d, g), 0) < 0 ? -1 : 1;
  return Float32Array.from(g, (x) => sign * x);
}

/** A word's component along a unit direction. */
export function projection(vectors: WordVectors, word: string, direction: Float32Array): number {
  return dot(row(vectors, word), direction);
}

/** A copy of `vectors` with the listed words neutralized and pairs equalized. */
export function debias(vectors: WordVectors, direction: Float32Array, options: DebiasOptions): WordVectors {
  const g = Float64Array.from(direction);
  const gNorm = Math.sqrt(dot(g, g));
  if (!(Math.abs(gNorm - 1) < 1e-4)) throw new Error(`debias: the direction must have unit length, got ${gNorm}`);
  const out = vectors.vectors.slice();
  const write = (w: string, v: Float64Array) => out.set(v, vectors.id(w) * vectors.dim);
  // neutralize: e − (e·g) g
  for (const w of options.neutral) {
    if (!vectors.has(w)) continue;
    const e = row(vectors, w);
    const p = dot(e, g);
    write(
      w,
      e.map((x, i) => x - p * g[i]),
    );
  }
  // equalize (Bolukbasi et al. 2016): ν = μ − (μ·g) g, then a, b = ν ± sqrt(1 − |ν|²) g
  for (const [a, b] of options.equalize ?? []) {
    if (!vectors.has(a) || !vectors.has(b)) continue;
    const ea = row(vectors, a);
    const eb = row(vectors, b);
    const mu = ea.map((x, i) => (x + eb[i]) / 2);
    const pm = dot(mu, g);
    const nu = mu.map((x, i) => x - pm * g[i]);
    let z = Math.sqrt(Math.max(0, 1 - dot(nu, nu)));
    if (dot(ea, g) - dot(eb, g) < 0) z = -z;
    write(
      a,
      nu.map((x, i) => x + z * g[i]),
    );
    write(
      b,
      nu.map((x, i) => x - z * g[i]),
    );
  }
  return new WordVectors(vectors.words.slice(), out, vectors.dim);
}
