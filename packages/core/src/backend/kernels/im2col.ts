/**
 * im2col for N spatial dims, in the "spatial-first" layout [S1..Sn, B, C] that the wasm backend
 * slices fastest (each window is a few long contiguous rows of B*C values, see fastSlice).
 *
 *   cols[t, (o1..on, b), c] = x[o1*s1 + t1*d1, .., on*sn + tn*dn, b, c]
 *
 * for every filter tap t = (t1..tn) in row-major order, so that with a filter reshaped to
 * [taps * C, O] a convolution is `cols^T @ filter` (Chellapilla et al. 2006, "High performance
 * convolutional neural networks for document processing": unroll, then one matrix product).
 */
import * as tf from '@tensorflow/tfjs';
import { fastSlice } from './conv-helpers';

export interface Im2colGeometry {
  /** Output size per spatial axis. */
  out: number[];
  /** Filter size per spatial axis. */
  kernel: number[];
  strides: number[];
  dilations: number[];
}

/**
 * x [S1..Sn, B, C] (already padded so every window is in range) -> cols [taps, prod(out) * B, C].
 */
export function im2colSpatialFirst(x: tf.Tensor, { out, kernel, strides, dilations }: Im2colGeometry): tf.Tensor3D {
  const n = kernel.length;
  const [B, C] = x.shape.slice(n) as [number, number];
  if (x.rank !== n + 2) throw new Error(`im2col: input must be [S1..S${n}, B, C], got [${x.shape}]`);
  for (let k = 0; k < n; k++) {
    const need = (out[k]! - 1) * strides[k]! + (kernel[k]! - 1) * dilations[k]! + 1;
    if (x.shape[k]! < need)
      throw new Error(`im2col: spatial axis ${k} has ${x.shape[k]} entries, windows need ${need}`);
  }
  const taps: number[][] = [[]];
  for (let k = 0; k < n; k++) {
    const next: number[][] = [];
    for (const t of taps) for (let i = 0; i < kernel[k]!; i++) next.push([...t, i]);
    taps.splice(0, taps.length, ...next);
  }
  const unitStride = strides.every((s) => s === 1);
  const windows = taps.map((t) => {
    const begin = [...t.map((i, k) => i * dilations[k]!), 0, 0];
    if (unitStride) return fastSlice(x, begin, [...out, B, C]);
    const end = [...t.map((i, k) => i * dilations[k]! + (out[k]! - 1) * strides[k]! + 1), B, C];
    return tf.stridedSlice(x, begin, end, [...strides, 1, 1]); // C++ path in tfjs-backend-wasm
  });
  const N = out.reduce((p, q) => p * q, 1) * B;
  const cols =
    windows.length === 1 ? tf.reshape(windows[0]!, [1, N, C]) : tf.reshape(tf.stack(windows), [taps.length, N, C]);
  windows.forEach((w) => w.dispose());
  return cols as tf.Tensor3D;
}
