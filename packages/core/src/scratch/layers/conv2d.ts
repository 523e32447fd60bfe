/**
 * 2-D convolution (cross-correlation, as in DLS course 4 week 1 and every DL framework), NHWC:
 *   Z[n, h, w, c] = b[c] + sum_{i, j, k} A_pad[n, s h + i, s w + j, k] W[i, j, k, c]
 * vectorized as im2col: the f*f strided slices of A_pad form cols [m nH nW, f f nC_prev], which
 * is multiplied by W reshaped to [f f nC_prev, nC] (block by block, see forward).
 * Backward (course conv_backward, all windows at once): dW = cols^T dZ, db = sum dZ,
 * dcols = dZ W^T, and col2im adds each window's slice of dcols back into dA_pad.
 * Output size: floor((n + 2p - f) / s) + 1 per spatial axis.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../data/rng';
import { Initializer, InitializerName, resolveInitializer, toRng } from '../initializers';
import type { ForwardContext } from '../types';
import { BaseLayer, expectRank, expectSameShape } from './base';
import { Pads, Padding, convOutputSize, extractWindows, resolvePadding, scatterWindows } from './windows';

export interface Conv2DOptions {
  /** Number of filters nC; a positive integer. */
  filters: number;
  /** Kernel size f (square) or [fh, fw]. */
  kernelSize: number | [number, number];
  /** Stride s (same along height and width). */
  stride?: number;
  /** 'valid', 'same' (TensorFlow's rule) or p zeros on each side. */
  pad?: Padding;
  /** Input channels nC_prev; if omitted, weights are created on the first forward (or `build`). */
  inputChannels?: number;
  /** Weight initializer (fanIn = fh fw nC_prev); biases start at zero. */
  initializer?: Initializer | InitializerName;
  seed?: number | Rng;
  /** Whether to add a bias b [nC] (drop it before BatchNorm, whose beta replaces it). */
  useBias?: boolean;
  name?: string;
}

const CONV2D_DEFAULTS = {
  stride: 1,
  pad: 'valid' as Padding,
  initializer: 'he' as InitializerName,
  seed: 0,
  useBias: true,
};

/**
 * @example
 * const conv = new Conv2D({ filters: 8, kernelSize: 3, pad: 'same', seed: 1 });
 * const Z = conv.forward(tf.zeros([2, 28, 28, 1]), { training: true }); // [2, 28, 28, 8]
 * const dA_prev = conv.backward(tf.onesLike(Z));                         // [2, 28, 28, 1]; grads.W [3, 3, 1, 8]
 */
export class Conv2D extends BaseLayer {
  readonly kind = 'conv2d';
  readonly filters: number;
  readonly fh: number;
  readonly fw: number;
  readonly stride: number;
  readonly pad: Padding;
  private readonly useBias: boolean;
  private readonly initializer: Initializer;
  private readonly rng: Rng;
  /** Geometry of the last forward. */
  private geom: { inputShape: number[]; pads: Pads; nH: number; nW: number } | null = null;

  constructor(options: Conv2DOptions) {
    super(options.name, 'conv2d');
    const o = { ...CONV2D_DEFAULTS, ...options };
    const [fh, fw] = typeof o.kernelSize === 'number' ? [o.kernelSize, o.kernelSize] : o.kernelSize;
    if (!(Number.isInteger(o.filters) && o.filters > 0))
      throw new Error(`Conv2D: filters must be a positive integer, got ${o.filters}`);
    if (!(Number.isInteger(fh) && fh > 0 && Number.isInteger(fw) && fw > 0))
      throw new Error(`Conv2D: kernelSize must be positive integers, got ${String(o.kernelSize)}`);
    if (!(Number.isInteger(o.stride) && o.stride > 0))
      throw new Error(`Conv2D: stride must be a positive integer, got ${o.stride}`);
    resolvePadding(o.pad, fh, fw, fh, fw, o.stride); // validates pad
    this.filters = o.filters;
    this.fh = fh;
    this.fw = fw;
    this.stride = o.stride;
    this.pad = o.pad;
    this.useBias = o.useBias;
    this.initializer = resolveInitializer(o.initializer);
    this.rng = toRng(o.seed);
    if (o.inputChannels !== undefined) this.build([0, 0, o.inputChannels]);
  }

  build(inputShape: number[]): void {
    if (this.params.W) return;
    const cPrev = inputShape[2];
    if (inputShape.length !== 3 || !(Number.isInteger(cPrev) && cPrev > 0)) {
      throw new Error(
        `Conv2D: input shape per example must be [H, W, nC_prev] with nC_prev a positive integer, got [${inputShape}]`,
      );
    }
    const fanIn = this.fh * this.fw * cPrev;
    this.params.W = tf.tidy(() =>
      tf.variable(this.initializer([this.fh, this.fw, cPrev, this.filters], fanIn, this.rng)),
    ); // [fh, fw, nC_prev, nC]
    if (this.useBias) this.params.b = tf.tidy(() => tf.variable(tf.zeros([this.filters]))); // [nC]
  }

  computeOutputShape(inputShape: number[]): number[] {
    const [H, W] = inputShape;
    const p = resolvePadding(this.pad, H, W, this.fh, this.fw, this.stride);
    return [
      convOutputSize(H, this.fh, p.top + p.bottom, this.stride),
      convOutputSize(W, this.fw, p.left + p.right, this.stride),
      this.filters,
    ];
  }

  // A_prev [m, H, W, nC_prev] -> Z [m, nH, nW, nC]
  forward(x: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    expectRank(this.name, x, 4, '[m, H, W, nC_prev] (NHWC)');
    const [m, H, W, cPrev] = x.shape;
    this.build([H, W, cPrev]);
    const Wt = this.params.W;
    if (cPrev !== Wt.shape[2]) throw new Error(`${this.name}: input has ${cPrev} channels, expected ${Wt.shape[2]}`);
    const pads = resolvePadding(this.pad, H, W, this.fh, this.fw, this.stride);
    const nH = convOutputSize(H, this.fh, pads.top + pads.bottom, this.stride);
    const nW = convOutputSize(W, this.fw, pads.left + pads.right, this.stride);
    if (nH < 1 || nW < 1)
      throw new Error(
        `${this.name}: input ${H}x${W} is smaller than the ${this.fh}x${this.fw} kernel with pad ${String(this.pad)}`,
      );
    this.geom = { inputShape: x.shape.slice(), pads, nH, nW };
    const M = m * nH * nW;
    return tf.tidy(() => {
      const Apad = tf.pad(x as tf.Tensor4D, [
        [0, 0],
        [pads.top, pads.bottom],
        [pads.left, pads.right],
        [0, 0],
      ]);
      // cols = [P_0 | P_1 | ...] and W = [W_0; W_1; ...] by window offset k = (i, j), so
      // cols W = sum_k P_k W_k: the same im2col product, without building cols (a concat along
      // the channel axis is ~10x slower on wasm than these small matmuls)
      const P = extractWindows(Apad, this.fh, this.fw, this.stride, nH, nW).map((p) => tf.reshape(p, [M, cPrev])); // fh fw x [M, nC_prev]
      const Wk = this.kernelBlocks(); // fh fw x [nC_prev, nC]
      const XW = P.length === 1 ? tf.matMul(P[0], Wk[0]) : tf.addN(P.map((p, k) => tf.matMul(p, Wk[k]))); // [M, nC]
      const Z = this.params.b ? tf.add(XW, this.params.b) : XW;
      this.setCache(Object.fromEntries(P.map((p, k) => [`P${k}`, p]))); // the im2col blocks, for dW
      return tf.reshape(Z, [m, nH, nW, this.filters]);
    });
  }

  /** W [fh, fw, nC_prev, nC] as fh fw blocks W_k [nC_prev, nC], k = i fw + j. */
  private kernelBlocks(): tf.Tensor2D[] {
    const [fh, fw, cPrev, C] = this.params.W.shape;
    return tf.unstack(tf.reshape(this.params.W, [fh * fw, cPrev, C])) as tf.Tensor2D[];
  }

  // dZ [m, nH, nW, nC] -> dA_prev [m, H, W, nC_prev]; grads dW [fh, fw, nC_prev, nC], db [nC]
  backward(dZ: tf.Tensor): tf.Tensor {
    const P = Array.from({ length: this.fh * this.fw }, (_, k) => this.cached(`P${k}`)); // throws before any forward
    const { inputShape, pads, nH, nW } = this.geom!;
    const [m, H, W, cPrev] = inputShape;
    expectSameShape(this.name, dZ, [m, nH, nW, this.filters], 'dZ');
    const M = m * nH * nW;
    return tf.tidy(() => {
      const dZmat = tf.reshape(dZ, [M, this.filters]); // [M, nC]
      const dZt = tf.transpose(dZmat); // [nC, M], once, so every product below is a plain matmul
      // dW = cols^T dZ, block k: dW_k = P_k^T dZ = (dZ^T P_k)^T   [nC_prev, nC]
      const dWt = tf.stack(P.map((p) => tf.matMul(dZt, p))); // [fh fw, nC, nC_prev]
      const grads: Record<string, tf.Tensor> = { W: tf.reshape(tf.transpose(dWt, [0, 2, 1]), this.params.W.shape) };
      if (this.params.b) grads.b = tf.sum(dZmat, 0); // db = sum over all positions and examples
      this.setGrads(grads);
      // dcols = dZ W^T, block k: dP_k = dZ W_k^T [M, nC_prev]; col2im adds each back under its window
      const dP = this.kernelBlocks().map(
        (w) => tf.reshape(tf.matMul(dZmat, tf.transpose(w)), [m, nH, nW, cPrev]) as tf.Tensor4D,
      );
      const Hp = H + pads.top + pads.bottom;
      const Wp = W + pads.left + pads.right;
      const dApad = scatterWindows(dP, this.fh, this.fw, this.stride, Hp, Wp); // [m, Hp, Wp, nC_prev]
      return tf.slice(dApad, [0, pads.top, pads.left, 0], [m, H, W, cPrev]);
    });
  }
}
