/**
 * RMSprop (Hinton, Coursera lecture 6e, 2012; DLS course 2 week 2):
 *   s := beta * s + (1 - beta) * dW^2
 *   W := W - lr * dW / (sqrt(s) + eps)
 *
 * tfjs's `tf.train.rmsprop` puts epsilon inside the root, W := W - lr * dW / sqrt(s + eps)
 * (and adds an optional momentum term, off by default). The two agree whenever s >> eps^2 and
 * s >> eps respectively; rmsprop.spec.ts steps both side by side and bounds the difference.
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads, Params, ScratchOptimizer } from '../scratch/types';
import { Slots, checkBeta, checkStep } from './slots';

export interface RmspropOptions {
  learningRate?: number;
  /** Decay of the running average of squared gradients. */
  beta?: number;
  /** Added to the root of the average so the division is safe. */
  epsilon?: number;
}

const DEFAULTS: Required<RmspropOptions> = { learningRate: 0.001, beta: 0.9, epsilon: 1e-8 };

/**
 * @example
 * const opt = new RMSprop({ learningRate: 0.001 });
 * opt.step(model.params(), grads);
 * opt.dispose();
 */
export class RMSprop implements ScratchOptimizer {
  readonly name = 'rmsprop';
  readonly learningRate: number;
  readonly beta: number;
  readonly epsilon: number;
  private readonly squares = new Slots();

  constructor(options: RmspropOptions = {}) {
    const o = { ...DEFAULTS, ...options };
    this.learningRate = o.learningRate;
    this.beta = o.beta;
    this.epsilon = o.epsilon;
    checkStep(this.name, {}, {}, this.learningRate);
    checkBeta(this.name, 'beta', this.beta);
    if (!(this.epsilon > 0)) throw new Error(`${this.name}: epsilon must be positive, got ${this.epsilon}`);
  }

  step(params: Params, grads: Grads, learningRate = this.learningRate): void {
    checkStep(this.name, params, grads, learningRate);
    tf.tidy(() => {
      for (const [key, W] of Object.entries(params)) {
        const dW = grads[key];
        const s = this.squares.get(key, W);
        s.assign(tf.add(tf.mul(s, this.beta), tf.mul(tf.square(dW), 1 - this.beta)));
        W.assign(tf.sub(W, tf.mul(tf.div(dW, tf.add(tf.sqrt(s), this.epsilon)), learningRate)));
      }
    });
  }

  dispose(): void {
    this.squares.dispose();
  }
}
