/** Tanh: A = tanh(Z); dZ = dA * (1 - A^2) (course 1 week 3). */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext } from '../types';
import { BaseLayer, expectSameShape } from './base';

/**
 * @example
 * new Tanh().forward(tf.tensor2d([[0, 100]]), { training: false }); // [[0, 1]]
 */
export class Tanh extends BaseLayer {
  readonly kind = 'tanh';

  constructor(options: { name?: string } = {}) {
    super(options.name, 'tanh');
  }

  // Forward and backward written out for each activation, as the course does (DESIGN: one layer per
  // file, its backward under its forward); Sigmoid's differs only in the derivative.
  /* jscpd:ignore-start */
  // Z [m, ...] -> A [m, ...]
  forward(Z: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    return tf.tidy(() => {
      const A = tf.tanh(Z);
      this.setCache({ A: A.clone() });
      return A;
    });
  }

  // dA [m, ...] -> dZ [m, ...]
  backward(dA: tf.Tensor): tf.Tensor {
    const A = this.cached('A');
    expectSameShape(this.name, dA, A.shape, 'dA');
    return tf.tidy(() => tf.mul(dA, tf.sub(1, tf.square(A))));
  }
  /* jscpd:ignore-end */
}
