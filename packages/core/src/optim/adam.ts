/**
 * Adam (Kingma & Ba 2015, Algorithm 1; DLS course 2 week 2), with bias correction:
 *   t := t + 1                                  (once per step, shared by all parameters)
 *   v := beta1 * v + (1 - beta1) * dW            v_hat = v / (1 - beta1^t)
 *   s := beta2 * s + (1 - beta2) * dW^2          s_hat = s / (1 - beta2^t)
 *   W := W - lr * v_hat / (sqrt(s_hat) + eps)
 * This is also what `tf.train.adam` computes (same epsilon placement); adam.spec.ts steps the
 * two side by side. tfjs's default epsilon is the backend's (1e-7); ours is the paper's 1e-8.
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads, Params, ScratchOptimizer } from '../scratch/types';
import { Slots, checkBeta, checkStep } from './slots';

export interface AdamOptions {
  learningRate?: number;
  /** Decay of the first moment (the momentum average). */
  beta1?: number;
  /** Decay of the second moment (the RMSprop average). */
  beta2?: number;
  epsilon?: number;
}

const DEFAULTS: Required<AdamOptions> = { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/**
 * @example
 * const opt = new Adam({ learningRate: 0.01 });
 * for (const batch of batches) opt.step(model.params(), model.grads());
 * opt.dispose();
 */
export class Adam implements ScratchOptimizer {
  readonly name = 'adam';
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private readonly firstMoment = new Slots();
  private readonly secondMoment = new Slots();
  private t = 0;

  constructor(options: AdamOptions = {}) {
    const o = { ...DEFAULTS, ...options };
    this.learningRate = o.learningRate;
    this.beta1 = o.beta1;
    this.beta2 = o.beta2;
    this.epsilon = o.epsilon;
    checkStep(this.name, {}, {}, this.learningRate);
    checkBeta(this.name, 'beta1', this.beta1);
    checkBeta(this.name, 'beta2', this.beta2);
    if (!(this.epsilon > 0)) throw new Error(`${this.name}: epsilon must be positive, got ${this.epsilon}`);
  }

  /** Number of steps taken so far (the t of the bias correction). */
  get steps(): number {
    return this.t;
  }

  step(params: Params, grads: Grads, learningRate = this.learningRate): void {
    checkStep(this.name, params, grads, learningRate);
    this.t += 1;
    const correction1 = 1 - Math.pow(this.beta1, this.t);
    const correction2 = 1 - Math.pow(this.beta2, this.t);
    tf.tidy(() => {
      for (const [key, W] of Object.entries(params)) {
        const dW = grads[key];
        const v = this.firstMoment.get(key, W);
        const s = this.secondMoment.get(key, W);
        v.assign(tf.add(tf.mul(v, this.beta1), tf.mul(dW, 1 - this.beta1)));
        s.assign(tf.add(tf.mul(s, this.beta2), tf.mul(tf.square(dW), 1 - this.beta2)));
        const vHat = tf.div(v, correction1);
        const sHat = tf.div(s, correction2);
        W.assign(tf.sub(W, tf.mul(tf.div(vHat, tf.add(tf.sqrt(sHat), this.epsilon)), learningRate)));
      }
    });
  }

  dispose(): void {
    this.firstMoment.dispose();
    this.secondMoment.dispose();
    this.t = 0;
  }
}
