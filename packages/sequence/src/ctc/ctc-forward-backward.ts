/**
 * The CTC forward-backward recursions of Graves et al. 2006 ("Connectionist temporal
 * classification", section 4.1), in log space and float64, for one sequence: the negative
 * log-likelihood −log p(labels | logits) and its gradient with respect to the logits.
 *
 * Labels are extended with blanks, l' = [b, l1, b, l2, ..., b, lL, b] (S = 2L + 1 states). A path
 * may stay in a state, move to the next, or skip a blank between two different labels; between two
 * equal labels the blank is required (so "LL" needs at least 3 frames: L b L).
 *
 * @example
 * // logits [T = 2, V = 2] row-major, labels [1], blank 0
 * ctcForwardBackward([0, 0, 0, 0], 2, 2, [1], 0).nll; // −log(3/4): paths 1·1, 0·1, 1·0 of 4
 */

/** log(exp(a) + exp(b)) without overflow; −Infinity is the log of 0. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(exp(a) + exp(b) + exp(c)): one log instead of two (the recursions' inner step). */
export function logAddExp3(a: number, b: number, c: number): number {
  const m = Math.max(a, b, c);
  if (m === -Infinity) return m;
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m));
}

/** Row-wise log-softmax of `logits` [T, V] (row-major, starting at `offset`) in float64. */
export function logSoftmaxRows(logits: ArrayLike<number>, T: number, V: number, offset = 0): Float64Array {
  const out = new Float64Array(T * V);
  for (let t = 0; t < T; t++) {
    const row = offset + t * V;
    let max = -Infinity;
    for (let k = 0; k < V; k++) max = Math.max(max, logits[row + k]);
    let sum = 0;
    for (let k = 0; k < V; k++) sum += Math.exp(logits[row + k] - max);
    const logZ = max + Math.log(sum);
    for (let k = 0; k < V; k++) out[t * V + k] = logits[row + k] - logZ;
  }
  return out;
}

/** The blank-extended label sequence l' (length 2L + 1). */
export function extendedLabels(labels: readonly number[], blank: number): Int32Array {
  const ext = new Int32Array(2 * labels.length + 1).fill(blank);
  labels.forEach((l, i) => (ext[2 * i + 1] = l));
  return ext;
}

/** Whether a path may jump from state s − 2 to s (skipping a blank between two different labels). */
export function canSkip(ext: Int32Array, s: number, blank: number): boolean {
  return s > 1 && ext[s] !== blank && ext[s] !== ext[s - 2];
}

/**
 * log α [T, S]: log-probability of the label prefix l'[0..s] after frames 0..t, frame t emitting
 * l'[s]. With `combine3 = Math.max` it is the Viterbi table (the best single path) instead of the sum.
 */
export function ctcLogAlpha(
  logProbs: Float64Array,
  T: number,
  V: number,
  ext: Int32Array,
  blank: number,
  combine3: (a: number, b: number, c: number) => number = logAddExp3,
): Float64Array {
  const S = ext.length;
  const alpha = new Float64Array(T * S).fill(-Infinity);
  if (T === 0) return alpha;
  alpha[0] = logProbs[ext[0]];
  if (S > 1) alpha[1] = logProbs[ext[1]];
  for (let t = 1; t < T; t++) {
    const prev = (t - 1) * S;
    for (let s = 0; s < S; s++) {
      const stay = alpha[prev + s];
      const step = s > 0 ? alpha[prev + s - 1] : -Infinity;
      const skip = canSkip(ext, s, blank) ? alpha[prev + s - 2] : -Infinity;
      const a = combine3(stay, step, skip);
      alpha[t * S + s] = a === -Infinity ? a : a + logProbs[t * V + ext[s]];
    }
  }
  return alpha;
}

/** log β [T, S]: log-probability of finishing the labels from state s at frame t (frames after t only). */
export function ctcLogBeta(logProbs: Float64Array, T: number, V: number, ext: Int32Array, blank: number): Float64Array {
  const S = ext.length;
  const beta = new Float64Array(T * S).fill(-Infinity);
  if (T === 0) return beta;
  beta[(T - 1) * S + S - 1] = 0;
  if (S > 1) beta[(T - 1) * S + S - 2] = 0;
  for (let t = T - 2; t >= 0; t--) {
    const next = (t + 1) * S;
    const row = (t + 1) * V;
    for (let s = 0; s < S; s++) {
      const stay = beta[next + s] + logProbs[row + ext[s]];
      const step = s + 1 < S ? beta[next + s + 1] + logProbs[row + ext[s + 1]] : -Infinity;
      const skip =
        s + 2 < S && canSkip(ext, s + 2, blank) ? beta[next + s + 2] + logProbs[row + ext[s + 2]] : -Infinity;
      beta[t * S + s] = logAddExp3(stay, step, skip);
    }
  }
  return beta;
}

export interface CtcSequenceResult {
  /** −log p(labels | logits); Infinity when no alignment fits in T frames. */
  nll: number;
  /** d nll / d logits [T, V]: softmax − posterior occupancy of each token (NaN when nll is Infinity). */
  grad?: Float64Array;
}

/**
 * CTC loss of one sequence from raw logits [T, V] (row-major at `offset`; log-softmax is applied
 * here), with the gradient when `withGrad`.
 */
export function ctcForwardBackward(
  logits: ArrayLike<number>,
  T: number,
  V: number,
  labels: readonly number[],
  blank: number,
  { offset = 0, withGrad = false }: { offset?: number; withGrad?: boolean } = {},
): CtcSequenceResult {
  const logProbs = logSoftmaxRows(logits, T, V, offset);
  const ext = extendedLabels(labels, blank);
  const S = ext.length;
  const alpha = ctcLogAlpha(logProbs, T, V, ext, blank);
  const last = (T - 1) * S;
  const logLikelihood = T === 0 ? -Infinity : logAddExp(alpha[last + S - 1], S > 1 ? alpha[last + S - 2] : -Infinity);
  const nll = -logLikelihood;
  if (!withGrad) return { nll };
  if (nll === Infinity) return { nll, grad: new Float64Array(T * V).fill(NaN) };
  const beta = ctcLogBeta(logProbs, T, V, ext, blank);
  // grad[t, k] = p[t, k] − Σ_{s: l'_s = k} α_t(s) β_t(s) / p(l | x)   (Graves 2006, eq. 16, on logits)
  const grad = new Float64Array(T * V);
  for (let i = 0; i < T * V; i++) grad[i] = Math.exp(logProbs[i]);
  for (let t = 0; t < T; t++)
    for (let s = 0; s < S; s++) {
      const a = alpha[t * S + s];
      if (a !== -Infinity) grad[t * V + ext[s]] -= Math.exp(a + beta[t * S + s] - logLikelihood);
    }
  return { nll, grad };
}
