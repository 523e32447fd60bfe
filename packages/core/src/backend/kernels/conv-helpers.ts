/**
 * Layout helpers shared by the conv gradient kernels: fast slicing on the wasm backend, pad-or-crop,
 * zero-insertion by a stride, and flipping a filter. Every function is plain tf ops (call them
 * inside the kernel's tidy).
 *
 * Why `fastSlice`: wasm's `Slice` kernel is JavaScript that copies one innermost row per
 * `TypedArray.set` call, so slicing [64, 28, 28, 1] costs one call per element. Merging axes that
 * are taken whole into their left neighbour makes the rows long and the calls few.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * `tf.slice(x, begin, size)` with every axis that is taken whole merged into the axis before it,
 * so the copy runs in as few contiguous rows as possible. Same result as `tf.slice`.
 */
export function fastSlice(x: tf.Tensor, begin: number[], size: number[]): tf.Tensor {
  if (begin.length !== x.rank || size.length !== x.rank) {
    throw new Error(`fastSlice: begin/size must have ${x.rank} entries, got ${begin.length}/${size.length}`);
  }
  // Walk from the last axis: axis i+1 merges into axis i when axis i+1 is taken whole.
  const shape = [...x.shape];
  const b = [...begin];
  const s = [...size];
  for (let i = shape.length - 2; i >= 0; i--) {
    if (b[i + 1] === 0 && s[i + 1] === shape[i + 1]) {
      b[i] *= shape[i + 1];
      s[i] *= shape[i + 1];
      shape[i] *= shape[i + 1];
      shape.splice(i + 1, 1);
      b.splice(i + 1, 1);
      s.splice(i + 1, 1);
    }
  }
  if (shape.length === x.rank) return tf.slice(x, begin, size);
  return tf.reshape(tf.slice(tf.reshape(x, shape), b, s), size);
}

/**
 * Pads (positive amounts, with `value`) or crops (negative amounts) every axis:
 * `pads[i] = [before, after]`. Crops first, so no padded value is thrown away.
 */
export function padOrCrop(x: tf.Tensor, pads: Array<[number, number]>, value = 0): tf.Tensor {
  if (pads.length !== x.rank) throw new Error(`padOrCrop: need ${x.rank} [before, after] pairs, got ${pads.length}`);
  let y = x;
  if (pads.some(([before, after]) => before < 0 || after < 0)) {
    const begin = pads.map(([before]) => Math.max(0, -before));
    const size = pads.map(([before, after], i) => Math.max(0, x.shape[i] - Math.max(0, -before) - Math.max(0, -after)));
    y = fastSlice(x, begin, size);
  }
  if (pads.some(([before, after]) => before > 0 || after > 0)) {
    y = tf.pad(
      y,
      pads.map(([before, after]) => [Math.max(0, before), Math.max(0, after)] as [number, number]),
      value,
    );
  }
  return y;
}

/**
 * Crops the negative amounts of `pads` off `x` and returns the rest of the padding (all >= 0),
 * for ops that pad by themselves, such as conv2d with explicit padding (no padded copy made).
 */
export function cropForPadding(
  x: tf.Tensor,
  pads: Array<[number, number]>,
): { cropped: tf.Tensor; pads: Array<[number, number]> } {
  const crop = pads.map(([before, after]) => [Math.min(0, before), Math.min(0, after)] as [number, number]);
  const rest = pads.map(([before, after]) => [Math.max(0, before), Math.max(0, after)] as [number, number]);
  return { cropped: padOrCrop(x, crop), pads: rest };
}

/**
 * Zero insertion for a strided conv's transpose: x [B, n1..nk, C] -> [B, n1*s1, .., nk*sk, C]
 * with x[b, i1.., c] at [b, i1*s1.., c] and zeros elsewhere (the trailing s-1 zeros of each axis
 * are kept; callers crop or pad them to the size they need).
 */
export function upsampleByStride(x: tf.Tensor, strides: number[]): tf.Tensor {
  if (strides.length !== x.rank - 2)
    throw new Error(`upsampleByStride: need ${x.rank - 2} strides, got ${strides.length}`);
  let y = x;
  strides.forEach((s, k) => {
    if (s === 1) return;
    const axis = k + 1;
    const outer = y.shape.slice(0, axis + 1).reduce((p, q) => p * q, 1);
    const inner = y.shape.slice(axis + 1).reduce((p, q) => p * q, 1);
    // [outer, 1, inner] -> pad to [outer, s, inner]: each row followed by s-1 zero rows.
    const padded = tf.pad(tf.reshape(y, [outer, 1, inner]), [
      [0, 0],
      [0, s - 1],
      [0, 0],
    ]);
    const shape = [...y.shape];
    shape[axis] *= s;
    y = tf.reshape(padded, shape);
  });
  return y;
}

/**
 * The filter of the transposed convolution: spatial axes reversed, in/out channels swapped.
 * [k1..kn, Cin, Cout] -> [k1..kn, Cout, Cin].
 */
export function flipFilter(filter: tf.Tensor): tf.Tensor {
  const n = filter.rank - 2;
  const spatial = Array.from({ length: n }, (_, i) => i);
  return tf.transpose(tf.reverse(filter, spatial), [...spatial, n + 1, n]);
}

/** Product of an array of sizes. */
export function sizeOf(shape: number[]): number {
  return shape.reduce((p, q) => p * q, 1);
}

/** The per-axis sizes of a 3D convolution, each as [depth, height, width]. */
export interface Conv3DAxes {
  kernel: number[];
  strides: number[];
  /** Output positions. */
  out: number[];
  /** Input size. */
  inSize: number[];
  /** Padding before the first position (front, top, left). */
  before: number[];
}

/** Splits tfjs' Conv3DInfo into per-axis arrays, so the backprop kernels loop over axes. */
export function conv3DAxes(info: tf.backend_util.Conv3DInfo): Conv3DAxes {
  return {
    kernel: [info.filterDepth, info.filterHeight, info.filterWidth],
    strides: [info.strideDepth, info.strideHeight, info.strideWidth],
    out: [info.outDepth, info.outHeight, info.outWidth],
    inSize: [info.inDepth, info.inHeight, info.inWidth],
    before: [info.padInfo.front, info.padInfo.top, info.padInfo.left],
  };
}
