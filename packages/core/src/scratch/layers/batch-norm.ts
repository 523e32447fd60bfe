/**
 * Batch normalization for [m, n] inputs (Ioffe & Szegedy 2015; DLS course 2 week 3):
 *   mu = mean(Z, 0), var = mean((Z - mu)^2, 0), Zhat = (Z - mu) / sqrt(var + eps), out = gamma Zhat + beta.
 * Backward, from the paper's chain rule collapsed to one line (dZhat = dOut * gamma):
 *   dZ = (1 / m) / sqrt(var + eps) * (m dZhat - sum(dZhat, 0) - Zhat sum(dZhat Zhat, 0)),
 *   dgamma = sum(dOut Zhat, 0), dbeta = sum(dOut, 0).
 * Inference uses running averages (running = momentum running + (1 - momentum) batch, with the
 * biased batch variance, as Keras does); a backward after an inference forward treats them as constants.
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext } from '../types';
import { BaseLayer, expectRank, expectSameShape } from './base';

export interface BatchNormOptions {
  /** Features n; if omitted, parameters are created on the first forward. */
  inputDim?: number;
  /** Running-average momentum in [0, 1). */
  momentum?: number;
  /** Added to the variance before the square root. */
  epsilon?: number;
  name?: string;
}

const BATCH_NORM_DEFAULTS = { momentum: 0.9, epsilon: 1e-5 };

/**
 * @example
 * const bn = new BatchNorm({ inputDim: 3 });
 * const out = bn.forward(tf.randomNormal([8, 3]), { training: true }); // columns: mean 0, variance ~1
 * const dZ = bn.backward(tf.onesLike(out));                             // grads.gamma, grads.beta [3]
 */
export class BatchNorm extends BaseLayer {
  readonly kind = 'batchNorm';
  readonly momentum: number;
  readonly epsilon: number;
  /** Running mean and variance [n], for inference. */
  runningMean: tf.Variable | null = null;
  runningVar: tf.Variable | null = null;
  /** Whether the cached forward used batch statistics (training) or the running ones. */
  private lastTraining = false;

  constructor(options: BatchNormOptions = {}) {
    super(options.name, 'batchNorm');
    const o = { ...BATCH_NORM_DEFAULTS, ...options };
    if (!(o.momentum >= 0 && o.momentum < 1))
      throw new Error(`BatchNorm: momentum must be in [0, 1), got ${o.momentum}`);
    if (!(o.epsilon > 0)) throw new Error(`BatchNorm: epsilon must be > 0, got ${o.epsilon}`);
    this.momentum = o.momentum;
    this.epsilon = o.epsilon;
    if (o.inputDim !== undefined) this.build([o.inputDim]);
  }

  build(inputShape: number[]): void {
    if (this.params.gamma) return;
    const n = inputShape[0];
    if (inputShape.length !== 1 || !(Number.isInteger(n) && n > 0)) {
      throw new Error(`BatchNorm: input shape per example must be [n] with n a positive integer, got [${inputShape}]`);
    }
    // tidy frees the initial values; the variables keep their own reference
    this.params.gamma = tf.tidy(() => tf.variable(tf.ones([n]))); // [n]
    this.params.beta = tf.tidy(() => tf.variable(tf.zeros([n]))); // [n]
    this.runningMean = tf.tidy(() => tf.variable(tf.zeros([n]), false));
    this.runningVar = tf.tidy(() => tf.variable(tf.ones([n]), false));
  }

  computeOutputShape(inputShape: number[]): number[] {
    return inputShape.slice();
  }

  // Z [m, n] -> out [m, n]
  forward(Z: tf.Tensor, ctx: ForwardContext): tf.Tensor {
    expectRank(this.name, Z, 2, '[m, n]');
    const [m, n] = (Z as tf.Tensor2D).shape;
    this.build([n]);
    const { gamma, beta } = this.params;
    if (n !== gamma.shape[0]) throw new Error(`${this.name}: input has ${n} features, expected ${gamma.shape[0]}`);
    if (ctx.training && m < 2) throw new Error(`${this.name}: training needs a batch of at least 2 examples, got ${m}`);
    return tf.tidy(() => {
      let mu: tf.Tensor, variance: tf.Tensor;
      if (ctx.training) {
        ({ mean: mu, variance } = tf.moments(Z, 0)); // [n], [n] (biased variance)
        const k = this.momentum;
        this.runningMean!.assign(tf.add(tf.mul(this.runningMean!, k), tf.mul(mu, 1 - k)));
        this.runningVar!.assign(tf.add(tf.mul(this.runningVar!, k), tf.mul(variance, 1 - k)));
      } else {
        mu = this.runningMean!;
        variance = this.runningVar!;
      }
      const invStd = tf.rsqrt(tf.add(variance, this.epsilon)); // [n]
      const Zhat = tf.mul(tf.sub(Z, mu), invStd); // [m, n]
      this.setCache({ Zhat, invStd });
      this.lastTraining = ctx.training;
      return tf.add(tf.mul(gamma, Zhat), beta);
    });
  }

  // dOut [m, n] -> dZ [m, n]; grads dgamma [n], dbeta [n]
  backward(dOut: tf.Tensor): tf.Tensor {
    const Zhat = this.cached('Zhat');
    const invStd = this.cached('invStd');
    expectSameShape(this.name, dOut, Zhat.shape);
    const m = Zhat.shape[0];
    return tf.tidy(() => {
      this.setGrads({ gamma: tf.sum(tf.mul(dOut, Zhat), 0), beta: tf.sum(dOut, 0) });
      const dZhat = tf.mul(dOut, this.params.gamma); // [m, n]
      if (!this.lastTraining) return tf.mul(dZhat, invStd); // mu, var are constants at inference
      const inner = tf.sub(tf.sub(tf.mul(dZhat, m), tf.sum(dZhat, 0)), tf.mul(Zhat, tf.sum(tf.mul(dZhat, Zhat), 0)));
      return tf.mul(tf.mul(invStd, 1 / m), inner);
    });
  }

  override dispose(): void {
    this.runningMean?.dispose();
    this.runningVar?.dispose();
    this.runningMean = this.runningVar = null;
    super.dispose();
  }
}
