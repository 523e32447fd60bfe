/** Sigmoid: A = 1 / (1 + e^-Z); dZ = dA * A (1 - A) (course 1 week 4, sigmoid_backward). */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext } from '../types';
import { BaseLayer, expectSameShape } from './base';

/**
 * @example
 * new Sigmoid().forward(tf.tensor2d([[0]]), { training: false }); // [[0.5]]
 */
export class Sigmoid extends BaseLayer {
  readonly kind = 'sigmoid';

  constructor(options: { name?: string } = {}) {
    super(options.name, 'sigmoid');
  }

  // Z [m, ...] -> A [m, ...]
  forward(Z: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    return tf.tidy(() => {
      const A = tf.sigmoid(Z);
      this.setCache({ A: A.clone() });
      return A;
    });
  }

  // dA [m, ...] -> dZ [m, ...]
  backward(dA: tf.Tensor): tf.Tensor {
    const A = this.cached('A');
    expectSameShape(this.name, dA, A.shape, 'dA');
    return tf.tidy(() => tf.mul(dA, tf.mul(A, tf.sub(1, A))));
  }
}
