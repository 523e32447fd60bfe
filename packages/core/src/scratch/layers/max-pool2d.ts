/**
 * Max pooling, NHWC, no padding (DLS course 4 week 1, pool_forward / pool_backward with
 * create_mask_from_window): A[n, h, w, c] = max over the f x f window at (s h, s w); the gradient
 * goes only to the position of the max. On ties the first position in row-major window order gets
 * it (as tf.argMax; the course's mask `x == max(x)` would credit every tied position).
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext } from '../types';
import { BaseLayer, expectRank, expectSameShape } from './base';
import { blockWindows, convOutputSize, extractWindows, scatterWindows, unblockWindows } from './windows';

export interface Pool2DOptions {
  /** Window size f. */
  poolSize: number;
  /** Stride s; defaults to poolSize (non-overlapping windows). */
  stride?: number;
  name?: string;
}

/** Validated pooling geometry shared by MaxPool2D and AvgPool2D. */
export function poolGeometry(layer: string, options: Pool2DOptions): { f: number; s: number } {
  const f = options.poolSize;
  const s = options.stride ?? f;
  if (!(Number.isInteger(f) && f > 0)) throw new Error(`${layer}: poolSize must be a positive integer, got ${f}`);
  if (!(Number.isInteger(s) && s > 0)) throw new Error(`${layer}: stride must be a positive integer, got ${s}`);
  return { f, s };
}

/** Per-example output shape [nH, nW, C] of a pooling layer, with a clear error if the window does not fit. */
export function poolOutputShape(layer: string, inputShape: number[], f: number, s: number): number[] {
  const [H, W, C] = inputShape;
  const nH = convOutputSize(H, f, 0, s);
  const nW = convOutputSize(W, f, 0, s);
  if (!(nH >= 1 && nW >= 1)) throw new Error(`${layer}: input ${H}x${W} is smaller than the ${f}x${f} pooling window`);
  return [nH, nW, C];
}

/**
 * @example
 * const pool = new MaxPool2D({ poolSize: 2 });
 * pool.forward(tf.zeros([1, 4, 4, 3]), { training: false }).shape; // [1, 2, 2, 3]
 */
export class MaxPool2D extends BaseLayer {
  readonly kind = 'maxPool2d';
  readonly poolSize: number;
  readonly stride: number;
  private inputShape: number[] = [];

  constructor(options: Pool2DOptions) {
    super(options.name, 'maxPool2d');
    ({ f: this.poolSize, s: this.stride } = poolGeometry('MaxPool2D', options));
  }

  computeOutputShape(inputShape: number[]): number[] {
    return poolOutputShape(this.name, inputShape, this.poolSize, this.stride);
  }

  // A_prev [m, H, W, C] -> A [m, nH, nW, C]
  forward(x: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    expectRank(this.name, x, 4, '[m, H, W, C] (NHWC)');
    const [nH, nW] = this.computeOutputShape(x.shape.slice(1));
    this.inputShape = x.shape.slice();
    const f = this.poolSize;
    return tf.tidy(() => {
      // argmax is the course's mask stored compactly: mask_k = (argmax == k), window offset k = i f + j
      if (this.stride === f) {
        const windows = blockWindows(x as tf.Tensor4D, f, nH, nW); // [m, nH, nW, C, f f]
        this.setCache({ argmax: tf.argMax(windows, 4) }); // int32 [m, nH, nW, C]
        return tf.max(windows, 4);
      }
      // overlapping windows: running max over the f f strided slices; strict > keeps the first of ties
      const pieces = extractWindows(x as tf.Tensor4D, f, f, this.stride, nH, nW); // f f x [m, nH, nW, C]
      let A: tf.Tensor = pieces[0];
      let argmax: tf.Tensor = tf.zeros(A.shape, 'int32');
      for (let k = 1; k < pieces.length; k++) {
        argmax = tf.where(tf.greater(pieces[k], A), tf.fill(A.shape, k, 'int32'), argmax);
        A = tf.maximum(A, pieces[k]);
      }
      this.setCache({ argmax });
      return A;
    });
  }

  // dA [m, nH, nW, C] -> dA_prev [m, H, W, C]: each window's gradient goes to its max
  backward(dA: tf.Tensor): tf.Tensor {
    const argmax = this.cached('argmax');
    expectSameShape(this.name, dA, argmax.shape, 'dA');
    const f = this.poolSize;
    const [, H, W] = this.inputShape;
    return tf.tidy(() => {
      if (this.stride === f) {
        const routed = tf.mul(tf.oneHot(argmax as tf.Tensor4D, f * f) as tf.Tensor5D, tf.expandDims(dA, 4)); // [m, nH, nW, C, f f]
        return unblockWindows(routed as tf.Tensor5D, f, H, W);
      }
      const pieces: tf.Tensor4D[] = [];
      for (let k = 0; k < f * f; k++) pieces.push(tf.mul(dA, tf.cast(tf.equal(argmax, k), 'float32')) as tf.Tensor4D);
      return scatterWindows(pieces, f, f, this.stride, H, W);
    });
  }
}
