/**
 * The shared core of dlkit's max-pool kernels on the wasm backend: for every output position
 * and channel, the flat input index of the first maximum of its window.
 *
 * Why not the stock kernels: tfjs-backend-wasm 4.22's MaxPool3D, MaxPool3DGrad, MaxPoolGrad and
 * MaxPoolWithArgmax start their running maximum at FLT_MIN (the smallest *positive* float,
 * 1.1754943508222875e-38) instead of -infinity, so a window of negative values comes out as
 * 1.17e-38 (MaxPool3D) or sends its gradient to index 0 (the grads, the argmax). Measured against
 * tfjs-backend-cpu. Only the 2-d MaxPool forward, which runs in XNNPACK, is right.
 *
 * This is a plain loop over the windows on the wasm heap (as tfjs-backend-wasm's own Slice and
 * Concat kernels run in JavaScript), channels innermost so the reads are contiguous.
 */
import type * as tf from '@tensorflow/tfjs';

/** A 3-d pooling window layout (2-d pools use depth 1). */
export interface PoolGeometry {
  batch: number;
  channels: number;
  /** Input size [D, H, W]. */
  inSize: [number, number, number];
  /** Output size [od, oh, ow]. */
  outSize: [number, number, number];
  /** Window [kd, kh, kw]. */
  window: [number, number, number];
  strides: [number, number, number];
  /** Padding before each spatial axis [front, top, left]. */
  padBefore: [number, number, number];
}

export function pool2dGeometry(info: tf.backend_util.Conv2DInfo): PoolGeometry {
  return {
    batch: info.batchSize,
    channels: info.inChannels,
    inSize: [1, info.inHeight, info.inWidth],
    outSize: [1, info.outHeight, info.outWidth],
    window: [1, info.filterHeight, info.filterWidth],
    strides: [1, info.strideHeight, info.strideWidth],
    padBefore: [0, info.padInfo.top, info.padInfo.left],
  };
}

export function pool3dGeometry(info: tf.backend_util.Conv3DInfo): PoolGeometry {
  return {
    batch: info.batchSize,
    channels: info.inChannels,
    inSize: [info.inDepth, info.inHeight, info.inWidth],
    outSize: [info.outDepth, info.outHeight, info.outWidth],
    window: [info.filterDepth, info.filterHeight, info.filterWidth],
    strides: [info.strideDepth, info.strideHeight, info.strideWidth],
    padBefore: [info.padInfo.front, info.padInfo.top, info.padInfo.left],
  };
}

/**
 * x [B, D, H, W, C] (flat) -> argmax [B, od, oh, ow, C] (flat): the index into x of the first
 * maximum of each window in row-major (depth, row, column) order, -1 when no input value of the
 * window exceeds -infinity (only padding or NaN). Strict '>' keeps the first of tied maxima,
 * as TensorFlow and tfjs-backend-cpu's 2-d kernels do.
 */
export function poolArgmax(x: Float32Array, g: PoolGeometry): Int32Array {
  const [D, H, W] = g.inSize;
  const [od, oh, ow] = g.outSize;
  const [kd, kh, kw] = g.window;
  const [sd, sh, sw] = g.strides;
  const [front, top, left] = g.padBefore;
  const C = g.channels;
  const argmax = new Int32Array(g.batch * od * oh * ow * C).fill(-1);
  const best = new Float32Array(C);
  let o = 0; // offset of (b, f, i, j, 0) in the output
  for (let b = 0; b < g.batch; b++) {
    for (let f = 0; f < od; f++) {
      const d0 = f * sd - front;
      for (let i = 0; i < oh; i++) {
        const r0 = i * sh - top;
        for (let j = 0; j < ow; j++, o += C) {
          const c0 = j * sw - left;
          best.fill(Number.NEGATIVE_INFINITY);
          for (let t = Math.max(0, -d0); t < kd && d0 + t < D; t++) {
            for (let p = Math.max(0, -r0); p < kh && r0 + p < H; p++) {
              for (let q = Math.max(0, -c0); q < kw && c0 + q < W; q++) {
                const base = (((b * D + d0 + t) * H + r0 + p) * W + c0 + q) * C;
                for (let c = 0; c < C; c++) {
                  const v = x[base + c]!;
                  if (v > best[c]!) {
                    best[c] = v;
                    argmax[o + c] = base + c;
                  }
                }
              }
            }
          }
        }
      }
    }
  }
  return argmax;
}
