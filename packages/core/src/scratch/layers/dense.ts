/**
 * Fully connected layer, batch-first: Z = A_prev W + b.
 *
 * The course (DLS 1 week 4) writes Z = W A_prev + b with W [n_l, n_{l-1}] and examples in columns;
 * here examples are rows, so W is the transpose, [n_{l-1}, n_l].
 *
 * Gradient convention of the whole engine: `backward(dZ)` is the exact vector-Jacobian product,
 * dW = A_prev^T dZ with no 1/m, because the losses already return dA = dJ/dA of the *mean* cost
 * (their dA carries the 1/m). The course's dW = (1/m) dZ A_prev^T with dZ[L] = A - Y is the same
 * number: its 1/m lives in our loss gradient instead.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../data/rng';
import { Initializer, InitializerName, resolveInitializer, toRng, zeros } from '../initializers';
import type { ForwardContext } from '../types';
import { BaseLayer, expectRank, expectSameShape } from './base';

export interface DenseOptions {
  /** Number of units n_l; a positive integer. */
  units: number;
  /** Input features n_{l-1}; if omitted, weights are created on the first forward (or `build`). */
  inputDim?: number;
  /** Weight initializer (name or function); biases start at zero. */
  initializer?: Initializer | InitializerName;
  /** Seed or shared generator for the initializer. */
  seed?: number | Rng;
  /** L2 strength lambda: adds lambda/(2m) ||W||^2 to the cost and lambda/m W to dW (course 2 week 1). */
  l2?: number;
  /** Whether to add a bias b [n_l] (drop it before BatchNorm, whose beta replaces it). */
  useBias?: boolean;
  name?: string;
}

const DENSE_DEFAULTS = { initializer: 'he' as InitializerName, seed: 0, l2: 0, useBias: true };

/**
 * @example
 * const dense = new Dense({ units: 3, inputDim: 4, seed: 1 });
 * const Z = dense.forward(tf.ones([2, 4]), { training: true }); // [2, 3]
 * const dA_prev = dense.backward(tf.onesLike(Z));                // [2, 4]; dense.grads.W is [4, 3]
 */
export class Dense extends BaseLayer {
  readonly kind = 'dense';
  readonly units: number;
  readonly l2: number;
  private readonly useBias: boolean;
  private readonly initializer: Initializer;
  private readonly rng: Rng;
  /** Batch size of the last forward, for the L2 term lambda/(2m). */
  private m = 0;

  constructor(options: DenseOptions) {
    super(options.name, 'dense');
    const o = { ...DENSE_DEFAULTS, ...options };
    if (!(Number.isInteger(o.units) && o.units > 0))
      throw new Error(`Dense: units must be a positive integer, got ${o.units}`);
    if (!(o.l2 >= 0)) throw new Error(`Dense: l2 must be >= 0, got ${o.l2}`);
    this.units = o.units;
    this.l2 = o.l2;
    this.useBias = o.useBias;
    this.initializer = resolveInitializer(o.initializer);
    this.rng = toRng(o.seed);
    if (o.inputDim !== undefined) this.build([o.inputDim]);
  }

  get built(): boolean {
    return this.params.W !== undefined;
  }

  build(inputShape: number[]): void {
    if (this.built) return;
    const nPrev = inputShape[inputShape.length - 1];
    if (inputShape.length !== 1 || !(Number.isInteger(nPrev) && nPrev > 0)) {
      throw new Error(
        `Dense: input shape per example must be [n_prev] with n_prev a positive integer, got [${inputShape}]`,
      );
    }
    this.params.W = tf.tidy(() => tf.variable(this.initializer([nPrev, this.units], nPrev, this.rng))); // [n_prev, n_l]
    if (this.useBias) this.params.b = tf.tidy(() => tf.variable(zeros([this.units], nPrev, this.rng))); // [n_l]
  }

  computeOutputShape(inputShape: number[]): number[] {
    return [...inputShape.slice(0, -1), this.units];
  }

  // A_prev [m, n_prev] -> Z [m, n_l]
  forward(x: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    expectRank(this.name, x, 2, '[m, n_prev]');
    const [m, nPrev] = (x as tf.Tensor2D).shape;
    this.build([nPrev]);
    const { W, b } = this.params;
    if (nPrev !== W.shape[0]) throw new Error(`${this.name}: input has ${nPrev} features, expected ${W.shape[0]}`);
    this.m = m;
    return tf.tidy(() => {
      const Z = b ? tf.add(tf.matMul(x, W), b) : tf.matMul(x, W);
      this.setCache({ A_prev: x.clone() });
      return Z;
    });
  }

  // dZ [m, n_l] -> dA_prev [m, n_prev]; grads dW [n_prev, n_l], db [n_l]
  backward(dZ: tf.Tensor): tf.Tensor {
    const A_prev = this.cached('A_prev');
    const { W, b } = this.params;
    expectSameShape(this.name, dZ, [A_prev.shape[0], this.units], 'dZ');
    return tf.tidy(() => {
      let dW = tf.matMul(A_prev, dZ, true, false); // A_prev^T dZ
      // L2: d/dW [lambda/(2m) ||W||^2] = (lambda/m) W (course 2 week 1, backward_propagation_with_regularization)
      if (this.l2 > 0) dW = tf.add(dW, tf.mul(W, this.l2 / this.m));
      const grads: Record<string, tf.Tensor> = { W: dW };
      if (b) grads.b = tf.sum(dZ, 0); // sum over examples
      this.setGrads(grads);
      return tf.matMul(dZ, W, false, true); // dZ W^T
    });
  }

  /** lambda/(2m) ||W||_F^2 for the last forward's batch size m (0 without `l2`). */
  regularizationCost(): number {
    if (this.l2 === 0 || this.m === 0 || !this.built) return 0;
    const sq = tf.tidy(() => tf.sum(tf.square(this.params.W)));
    const value = sq.dataSync()[0];
    sq.dispose();
    return (this.l2 / (2 * this.m)) * value;
  }
}
