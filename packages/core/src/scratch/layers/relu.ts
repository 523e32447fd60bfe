/** ReLU as a layer: A = max(0, Z); dZ = dA * 1[Z > 0] (course 1 week 4, relu_backward). */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext } from '../types';
import { BaseLayer, expectSameShape } from './base';

/**
 * @example
 * const relu = new ReLU();
 * relu.forward(tf.tensor2d([[-1, 2]]), { training: true }); // [[0, 2]]
 */
export class ReLU extends BaseLayer {
  readonly kind = 'relu';

  constructor(options: { name?: string } = {}) {
    super(options.name, 'relu');
  }

  // Z [m, ...] -> A [m, ...]
  forward(Z: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    return tf.tidy(() => {
      this.setCache({ Z: Z.clone() });
      return tf.relu(Z);
    });
  }

  // dA [m, ...] -> dZ [m, ...]; the derivative at Z = 0 is taken as 0
  backward(dA: tf.Tensor): tf.Tensor {
    const Z = this.cached('Z');
    expectSameShape(this.name, dA, Z.shape, 'dA');
    return tf.tidy(() => tf.mul(dA, tf.cast(tf.greater(Z, 0), 'float32')));
  }
}
