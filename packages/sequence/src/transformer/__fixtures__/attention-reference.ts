/**
 * Scaled dot-product and multi-head attention in plain float64 JavaScript, loops over the math of
 * Vaswani et al. 2017: the reference the gradient checks differentiate numerically (central
 * differences in float64, so the numeric side carries ~1e-10 error and the comparison measures
 * tfjs's float32 gradients). Tensors are row-major Float64Arrays.
 */

export interface AttentionDims {
  batch: number;
  tq: number;
  tk: number;
  dk: number;
  dv: number;
}

/** softmax(q kᵀ/√dk + bias) v per batch row; q [B, Tq, dk], k [B, Tk, dk], v [B, Tk, dv], mask [B, Tk] (1/0). */
export function referenceAttention(
  q: Float64Array,
  k: Float64Array,
  v: Float64Array,
  { batch, tq, tk, dk, dv }: AttentionDims,
  mask?: Float64Array,
  causal = false,
): Float64Array {
  const out = new Float64Array(batch * tq * dv);
  const scores = new Float64Array(tk);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < tq; i++) {
      let max = -Infinity;
      for (let j = 0; j < tk; j++) {
        let s = 0;
        for (let c = 0; c < dk; c++) s += q[(b * tq + i) * dk + c] * k[(b * tk + j) * dk + c];
        s /= Math.sqrt(dk);
        if (mask) s += (mask[b * tk + j] - 1) * 1e9;
        if (causal && j > i) s -= 1e9;
        scores[j] = s;
        max = Math.max(max, s);
      }
      let sum = 0;
      for (let j = 0; j < tk; j++) sum += scores[j] = Math.exp(scores[j] - max);
      for (let j = 0; j < tk; j++)
        for (let c = 0; c < dv; c++) out[(b * tq + i) * dv + c] += (scores[j] / sum) * v[(b * tk + j) * dv + c];
    }
  }
  return out;
}

/** y = x W + b over rows: x [n, in], W [in, out], b [out]. */
export function referenceLinear(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array | null,
  n: number,
  inDim: number,
): Float64Array {
  const outDim = w.length / inDim;
  const y = new Float64Array(n * outDim);
  for (let r = 0; r < n; r++)
    for (let o = 0; o < outDim; o++) {
      let s = bias ? bias[o] : 0;
      for (let i = 0; i < inDim; i++) s += x[r * inDim + i] * w[i * outDim + o];
      y[r * outDim + o] = s;
    }
  return y;
}

/** Columns [h·d, (h+1)·d) of y [n, H·d] as [n, d]. */
function headColumns(y: Float64Array, n: number, numHeads: number, h: number): Float64Array {
  const width = y.length / n;
  const d = width / numHeads;
  const out = new Float64Array(n * d);
  for (let r = 0; r < n; r++) for (let c = 0; c < d; c++) out[r * d + c] = y[r * width + h * d + c];
  return out;
}

export interface ReferenceMhaWeights {
  /** Kernels [in, out] and biases [out], by projection. */
  query: [Float64Array, Float64Array];
  key: [Float64Array, Float64Array];
  value: [Float64Array, Float64Array];
  output: [Float64Array, Float64Array];
}

/** Multi-head attention of x [B, T, E] over itself (self-attention) with h heads; returns [B, T, E_out]. */
export function referenceSelfAttention(
  x: Float64Array,
  w: ReferenceMhaWeights,
  { batch, length, dModel, numHeads }: { batch: number; length: number; dModel: number; numHeads: number },
  mask?: Float64Array,
  causal = false,
): Float64Array {
  const n = batch * length;
  const [q, k, v] = [w.query, w.key, w.value].map(([kernel, bias]) => referenceLinear(x, kernel, bias, n, dModel));
  const dk = q.length / n / numHeads;
  const dv = v.length / n / numHeads;
  const merged = new Float64Array(n * numHeads * dv);
  for (let h = 0; h < numHeads; h++) {
    const dims = { batch, tq: length, tk: length, dk, dv };
    const [qh, kh, vh] = [q, k, v].map((y) => headColumns(y, n, numHeads, h));
    const head = referenceAttention(qh, kh, vh, dims, mask, causal);
    for (let r = 0; r < n; r++) for (let c = 0; c < dv; c++) merged[r * numHeads * dv + h * dv + c] = head[r * dv + c];
  }
  return referenceLinear(merged, w.output[0], w.output[1], n, numHeads * dv);
}

/** ∂f/∂x by central differences, perturbing x in place (restored afterwards). */
export function numericGradient(f: () => number, x: Float64Array, eps = 1e-6): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const keep = x[i];
    x[i] = keep + eps;
    const plus = f();
    x[i] = keep - eps;
    const minus = f();
    x[i] = keep;
    g[i] = (plus - minus) / (2 * eps);
  }
  return g;
}

/** ‖a − b‖ / (‖a‖ + ‖b‖), the course's gradient-check measure. */
export function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  return Math.sqrt(diff) / (Math.sqrt(na) + Math.sqrt(nb));
}

/** Σ y ⊙ r: a scalar loss whose gradient reaches every output element with a distinct weight. */
export function weightedSum(y: ArrayLike<number>, r: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i] * r[i];
  return s;
}
