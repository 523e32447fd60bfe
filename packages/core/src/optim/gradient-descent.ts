/**
 * Plain gradient descent, W := W - lr * dW (DLS course 1). Batch, mini-batch and stochastic GD
 * all use this same step; they differ only in how many examples the gradient was averaged over,
 * which is the training loop's business (see `miniBatches` in data/batches.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads, Params, ScratchOptimizer } from '../scratch/types';
import { checkStep } from './slots';

export interface GradientDescentOptions {
  /** Step size used when `step` is called without an explicit rate. */
  learningRate?: number;
}

const DEFAULTS: Required<GradientDescentOptions> = { learningRate: 0.01 };

/**
 * @example
 * const opt = new GradientDescent({ learningRate: 0.1 });
 * opt.step({ W }, { W: dW });           // W := W - 0.1 * dW
 * opt.step({ W }, { W: dW }, 0.05);     // this step only, e.g. from a schedule
 */
export class GradientDescent implements ScratchOptimizer {
  readonly name = 'gd';
  readonly learningRate: number;

  constructor(options: GradientDescentOptions = {}) {
    this.learningRate = { ...DEFAULTS, ...options }.learningRate;
    checkStep(this.name, {}, {}, this.learningRate);
  }

  step(params: Params, grads: Grads, learningRate = this.learningRate): void {
    checkStep(this.name, params, grads, learningRate);
    tf.tidy(() => {
      for (const [key, W] of Object.entries(params)) W.assign(tf.sub(W, tf.mul(grads[key], learningRate)));
    });
  }

  dispose(): void {
    // stateless
  }
}
