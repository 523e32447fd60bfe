/**
 * Average pooling, NHWC, no padding (DLS course 4 week 1, distribute_value): A = mean of the f x f
 * window; backward spreads dA evenly, dA / (f f), over every position of the window.
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext } from '../types';
import { BaseLayer, expectRank, expectSameShape } from './base';
import { Pool2DOptions, poolGeometry, poolOutputShape } from './max-pool2d';
import { blockWindows, extractWindows, scatterWindows, unblockWindows } from './windows';

/**
 * @example
 * const pool = new AvgPool2D({ poolSize: 2 });
 * pool.forward(tf.ones([1, 4, 4, 3]), { training: false }); // [1, 2, 2, 3] of ones
 */
export class AvgPool2D extends BaseLayer {
  readonly kind = 'avgPool2d';
  readonly poolSize: number;
  readonly stride: number;
  private inputShape: number[] = [];
  private outputShape: number[] = [];

  constructor(options: Pool2DOptions) {
    super(options.name, 'avgPool2d');
    ({ f: this.poolSize, s: this.stride } = poolGeometry('AvgPool2D', options));
  }

  computeOutputShape(inputShape: number[]): number[] {
    return poolOutputShape(this.name, inputShape, this.poolSize, this.stride);
  }

  // A_prev [m, H, W, C] -> A [m, nH, nW, C]
  forward(x: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    expectRank(this.name, x, 4, '[m, H, W, C] (NHWC)');
    const [nH, nW, C] = this.computeOutputShape(x.shape.slice(1));
    this.inputShape = x.shape.slice();
    this.outputShape = [x.shape[0], nH, nW, C];
    const f = this.poolSize;
    return tf.tidy(() => {
      if (this.stride === f) return tf.mean(blockWindows(x as tf.Tensor4D, f, nH, nW), 4); // non-overlapping: a reshape
      const pieces = extractWindows(x as tf.Tensor4D, f, f, this.stride, nH, nW); // f f x [m, nH, nW, C]
      return tf.div(pieces.length === 1 ? pieces[0] : tf.addN(pieces), f * f);
    });
  }

  // dA [m, nH, nW, C] -> dA_prev [m, H, W, C]
  backward(dA: tf.Tensor): tf.Tensor {
    if (this.inputShape.length === 0) throw new Error(`${this.name}: backward called before forward`);
    expectSameShape(this.name, dA, this.outputShape, 'dA');
    const f = this.poolSize;
    const [, H, W] = this.inputShape;
    return tf.tidy(() => {
      const share = tf.div(dA, f * f) as tf.Tensor4D; // distribute_value
      if (this.stride === f)
        return unblockWindows(tf.tile(tf.expandDims(share, 4), [1, 1, 1, 1, f * f]) as tf.Tensor5D, f, H, W);
      return scatterWindows(
        Array.from({ length: f * f }, () => share),
        f,
        f,
        this.stride,
        H,
        W,
      );
    });
  }
}
