/** Leaky ReLU: A = Z for Z > 0, alpha Z otherwise; dZ = dA * (Z > 0 ? 1 : alpha) (Maas et al. 2013). */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext } from '../types';
import { BaseLayer, expectSameShape } from './base';

/**
 * @example
 * const act = new LeakyReLU({ alpha: 0.1 });
 * act.forward(tf.tensor2d([[-1, 2]]), { training: true }); // [[-0.1, 2]]
 */
export class LeakyReLU extends BaseLayer {
  readonly kind = 'leakyRelu';
  readonly alpha: number;

  constructor(options: { alpha?: number; name?: string } = {}) {
    super(options.name, 'leakyRelu');
    this.alpha = options.alpha ?? 0.01;
    if (!(this.alpha >= 0 && this.alpha < 1)) throw new Error(`LeakyReLU: alpha must be in [0, 1), got ${this.alpha}`);
  }

  // Z [m, ...] -> A [m, ...]
  forward(Z: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    return tf.tidy(() => {
      this.setCache({ Z: Z.clone() });
      return tf.where(tf.greater(Z, 0), Z, tf.mul(Z, this.alpha));
    });
  }

  // dA [m, ...] -> dZ [m, ...]
  backward(dA: tf.Tensor): tf.Tensor {
    const Z = this.cached('Z');
    expectSameShape(this.name, dA, Z.shape, 'dA');
    return tf.tidy(() => tf.where(tf.greater(Z, 0), dA, tf.mul(dA, this.alpha)));
  }
}
