/**
 * Axis bookkeeping between tfjs's channels-last layout and ONNX's channels-first Conv/Pool.
 *
 * Every value in the graph under construction carries a `perm`: the physical ONNX tensor is the
 * logical (tfjs) tensor transposed by `perm`, i.e. physical axis i holds logical axis perm[i]
 * (the convention of ONNX Transpose). `null` means the physical layout is the logical one.
 * Conv/pool exporters ask for `channelsFirstPerm(rank)`; layers that need tfjs order
 * (Flatten, Dense, Reshape) ask for `null`, and the graph builder inserts one Transpose per
 * change, reusing it for every consumer.
 */

/** [0, rank-1, 1, ..., rank-2]: NHWC → NCHW for rank 4, NWC → NCW for rank 3. */
export function channelsFirstPerm(rank: number): number[] {
  if (rank < 3) throw new Error(`channels-first layout needs rank >= 3, got ${rank}`);
  return [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
}

export function isIdentityPerm(perm: readonly number[] | null): boolean {
  return perm === null || perm.every((p, i) => p === i);
}

export function samePerm(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (isIdentityPerm(a)) return isIdentityPerm(b);
  if (isIdentityPerm(b)) return false;
  return a!.length === b!.length && a!.every((p, i) => p === b![i]);
}

export function invertPerm(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}

/**
 * The Transpose perm that takes a tensor stored with layout `from` to layout `to`
 * (both relative to the same logical tensor). Physical `to` axis i = logical axis to[i],
 * which sits at physical `from` axis from⁻¹[to[i]].
 */
export function relativePerm(from: readonly number[] | null, to: readonly number[] | null, rank: number): number[] {
  const id = Array.from({ length: rank }, (_, i) => i);
  const f = from ?? id;
  const t = to ?? id;
  const fInv = invertPerm(f);
  return t.map((axis) => fInv[axis]);
}

/** Where logical axis `axis` (negative counts from the end) sits in a tensor stored with `perm`. */
export function physicalAxis(axis: number, rank: number, perm: readonly number[] | null): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw new Error(`axis ${axis} is out of range for rank ${rank}`);
  return perm ? perm.indexOf(a) : a;
}

/** Applies `perm` to a shape: out[i] = shape[perm[i]]. */
export function permuteShape<T>(shape: readonly T[], perm: readonly number[] | null): T[] {
  return perm ? perm.map((p) => shape[p]) : shape.slice();
}

/**
 * Transposes row-major data: out has shape permuteShape(shape, perm), out[i_0..] = data[j..]
 * with j_perm[k] = i_k. Used to turn tfjs kernels [kh, kw, in, out] into ONNX [out, in, kh, kw].
 */
export function transposeData(data: Float32Array, shape: readonly number[], perm: readonly number[]): Float32Array {
  const rank = shape.length;
  if (perm.length !== rank) throw new Error(`perm [${perm}] does not match rank ${rank}`);
  const outShape = permuteShape(shape, perm);
  const inStrides = new Array<number>(rank);
  let s = 1;
  for (let i = rank - 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= shape[i];
  }
  if (s !== data.length) throw new Error(`data of length ${data.length} does not match shape [${shape}]`);
  // Stride in the input for a step along each output axis.
  const stepIn = perm.map((p) => inStrides[p]);
  const out = new Float32Array(data.length);
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = data[src];
    // Increment the output multi-index (last axis fastest) and move `src` along.
    for (let k = rank - 1; k >= 0; k--) {
      idx[k]++;
      src += stepIn[k];
      if (idx[k] < outShape[k]) break;
      src -= stepIn[k] * outShape[k];
      idx[k] = 0;
    }
  }
  return out;
}
