/**
 * Sliding-window helpers shared by Conv2D and the pooling layers, vectorized with tf ops (no
 * per-pixel JavaScript loops): a layer with an fh x fw window sees, for every window offset (i, j),
 * the strided slice A_pad[:, i + s*h, j + s*w, :] over all output positions (h, w) at once —
 * fh*fw slices in total (im2col). `scatterWindows` is the adjoint (col2im): it adds such slices back
 * into an input-sized tensor, which is exactly how gradients flow back through overlapping windows
 * (DLS course 4 week 1, conv_backward / pool_backward: dA_prev[window] += ...).
 */
import * as tf from '@tensorflow/tfjs';

/** 'valid' (no padding), 'same' (TensorFlow's: output ceil(H / stride), extra row/column at the end), or p zeros on each side. */
export type Padding = 'valid' | 'same' | number;

export interface Pads {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Padding amounts for an input of H x W, a kernel fh x fw and a stride. */
export function resolvePadding(pad: Padding, H: number, W: number, fh: number, fw: number, stride: number): Pads {
  if (pad === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (pad === 'same') {
    // TensorFlow's rule: out = ceil(in / s), total = max((out - 1) s + f - in, 0), the odd one at the end
    const along = (n: number, f: number): [number, number] => {
      const total = Math.max((Math.ceil(n / stride) - 1) * stride + f - n, 0);
      return [Math.floor(total / 2), total - Math.floor(total / 2)];
    };
    const [top, bottom] = along(H, fh);
    const [left, right] = along(W, fw);
    return { top, bottom, left, right };
  }
  if (Number.isInteger(pad) && pad >= 0) return { top: pad, bottom: pad, left: pad, right: pad };
  throw new Error(`pad must be 'valid', 'same' or a non-negative integer, got ${String(pad)}`);
}

/** Output size along one axis: floor((n + padTotal - f) / s) + 1 (course 4 week 1). */
export function convOutputSize(n: number, f: number, padTotal: number, stride: number): number {
  return Math.floor((n + padTotal - f) / stride) + 1;
}

/**
 * The fh*fw strided slices of `Apad` [m, Hp, Wp, C], window offset (i, j) in row-major order:
 * piece[i * fw + j][:, h, w, :] = Apad[:, i + s h, j + s w, :], each [m, nH, nW, C].
 */
export function extractWindows(
  Apad: tf.Tensor4D,
  fh: number,
  fw: number,
  stride: number,
  nH: number,
  nW: number,
): tf.Tensor4D[] {
  const [m, , , C] = Apad.shape;
  const pieces: tf.Tensor4D[] = [];
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) {
      pieces.push(
        tf.stridedSlice(
          Apad,
          [0, i, j, 0],
          [m, i + stride * (nH - 1) + 1, j + stride * (nW - 1) + 1, C],
          [1, stride, stride, 1],
        ) as tf.Tensor4D,
      );
    }
  }
  return pieces;
}

/**
 * Adjoint of `extractWindows`: returns G [m, Hp, Wp, C] with G[:, i + s h, j + s w, :] += pieces[i * fw + j][:, h, w, :].
 * Each piece [m, nH, nW, C] is dilated by the stride (s - 1 zeros between values) and padded into place.
 */
export function scatterWindows(
  pieces: tf.Tensor4D[],
  fh: number,
  fw: number,
  stride: number,
  Hp: number,
  Wp: number,
): tf.Tensor4D {
  if (pieces.length !== fh * fw) throw new Error(`scatterWindows: expected ${fh * fw} pieces, got ${pieces.length}`);
  return tf.tidy(() => {
    const placed: tf.Tensor4D[] = [];
    for (let i = 0; i < fh; i++) {
      for (let j = 0; j < fw; j++) {
        const d = dilate(pieces[i * fw + j], stride); // [m, s(nH-1)+1, s(nW-1)+1, C]
        const [, dh, dw] = d.shape;
        placed.push(
          tf.pad(d, [
            [0, 0],
            [i, Hp - i - dh],
            [j, Wp - j - dw],
            [0, 0],
          ]),
        );
      }
    }
    return placed.length === 1 ? placed[0] : (tf.addN(placed) as tf.Tensor4D);
  });
}

/** [m, nH, nW, C] -> [m, s(nH-1)+1, s(nW-1)+1, C] with the values at multiples of s and zeros between. */
function dilate(x: tf.Tensor4D, s: number): tf.Tensor4D {
  if (s === 1) return x;
  const [m, nH, nW, C] = x.shape;
  // rows: [m, nH, 1, nW, C] -> pad to [m, nH, s, nW, C] -> [m, nH s, nW, C]
  let y: tf.Tensor = tf.reshape(
    tf.pad(tf.reshape(x, [m, nH, 1, nW, C]), [
      [0, 0],
      [0, 0],
      [0, s - 1],
      [0, 0],
      [0, 0],
    ]),
    [m, nH * s, nW, C],
  );
  // columns: [m, H', nW, 1, C] -> pad to [m, H', nW, s, C] -> [m, H', nW s, C]
  y = tf.reshape(
    tf.pad(tf.reshape(y, [m, nH * s, nW, 1, C]), [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, s - 1],
      [0, 0],
    ]),
    [m, nH * s, nW * s, C],
  );
  return tf.slice(y, [0, 0, 0, 0], [m, s * (nH - 1) + 1, s * (nW - 1) + 1, C]) as tf.Tensor4D;
}

/**
 * Non-overlapping windows (stride = window size f) as a reshape instead of f*f slices:
 * [m, H, W, C] -> [m, nH, nW, C, f f], entry k = i f + j of window (h, w) being x[:, f h + i, f w + j, :]
 * (the same order as `extractWindows`). Rows/columns past nH f, nW f are dropped.
 */
export function blockWindows(x: tf.Tensor4D, f: number, nH: number, nW: number): tf.Tensor5D {
  const [m, H, W, C] = x.shape;
  const cropped = H === nH * f && W === nW * f ? x : tf.slice(x, [0, 0, 0, 0], [m, nH * f, nW * f, C]); // [m, nH f, nW f, C]
  const blocks = tf.reshape(cropped, [m, nH, f, nW, f, C]); // [m, nH, i, nW, j, C]
  return tf.reshape(tf.transpose(blocks, [0, 1, 3, 5, 2, 4]), [m, nH, nW, C, f * f]);
}

/** Adjoint of `blockWindows`: [m, nH, nW, C, f f] -> [m, H, W, C], zeros for the dropped rows/columns. */
export function unblockWindows(y: tf.Tensor5D, f: number, H: number, W: number): tf.Tensor4D {
  const [m, nH, nW, C] = y.shape;
  const blocks = tf.transpose(tf.reshape(y, [m, nH, nW, C, f, f]), [0, 1, 4, 2, 5, 3]); // [m, nH, i, nW, j, C]
  const x = tf.reshape(blocks, [m, nH * f, nW * f, C]) as tf.Tensor4D;
  return H === nH * f && W === nW * f
    ? x
    : tf.pad(x, [
        [0, 0],
        [0, H - nH * f],
        [0, W - nW * f],
        [0, 0],
      ]);
}
