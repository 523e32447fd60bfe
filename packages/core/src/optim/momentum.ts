/**
 * Gradient descent with momentum, as taught in DLS course 2 week 2:
 *   v := beta * v + (1 - beta) * dW
 *   W := W - lr * v
 * (an exponentially weighted average of the gradients, v starting at 0, no bias correction).
 *
 * tfjs's `tf.train.momentum` accumulates without the (1 - beta) factor (a := beta * a + dW,
 * W := W - lr * a). By induction v = (1 - beta) * a, so tfjs with learning rate lr * (1 - beta)
 * takes exactly the same steps; momentum.spec.ts checks this.
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads, Params, ScratchOptimizer } from '../scratch/types';
import { Slots, checkBeta, checkStep } from './slots';

export interface MomentumOptions {
  learningRate?: number;
  /** Weight of the running average; 0.9 averages over roughly the last 10 gradients. */
  beta?: number;
}

const DEFAULTS: Required<MomentumOptions> = { learningRate: 0.01, beta: 0.9 };

/**
 * @example
 * const opt = new Momentum({ learningRate: 0.1, beta: 0.9 });
 * opt.step(model.params(), grads);
 * opt.dispose(); // frees the velocities
 */
export class Momentum implements ScratchOptimizer {
  readonly name = 'momentum';
  readonly learningRate: number;
  readonly beta: number;
  private readonly velocity = new Slots();

  constructor(options: MomentumOptions = {}) {
    const o = { ...DEFAULTS, ...options };
    this.learningRate = o.learningRate;
    this.beta = o.beta;
    checkStep(this.name, {}, {}, this.learningRate);
    checkBeta(this.name, 'beta', this.beta);
  }

  step(params: Params, grads: Grads, learningRate = this.learningRate): void {
    checkStep(this.name, params, grads, learningRate);
    tf.tidy(() => {
      for (const [key, W] of Object.entries(params)) {
        const v = this.velocity.get(key, W);
        v.assign(tf.add(tf.mul(v, this.beta), tf.mul(grads[key], 1 - this.beta)));
        W.assign(tf.sub(W, tf.mul(v, learningRate)));
      }
    });
  }

  dispose(): void {
    this.velocity.dispose();
  }
}
