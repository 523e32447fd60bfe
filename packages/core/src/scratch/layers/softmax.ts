/**
 * Softmax over the last axis: A_i = e^{Z_i} / sum_j e^{Z_j} (computed as softmax(Z - max Z)).
 * Backward is the softmax Jacobian-vector product, dZ = A * (dA - sum_j dA_j A_j), from
 * dA_i/dZ_k = A_i (delta_ik - A_k). Paired with `categoricalCrossEntropy` this reduces to the
 * course's dZ = (A - Y) / m; `softmaxCrossEntropy` on logits gives the same gradient in one step.
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext } from '../types';
import { BaseLayer, expectSameShape } from './base';

/**
 * @example
 * new Softmax().forward(tf.tensor2d([[0, 0]]), { training: false }); // [[0.5, 0.5]]
 */
export class Softmax extends BaseLayer {
  readonly kind = 'softmax';

  constructor(options: { name?: string } = {}) {
    super(options.name, 'softmax');
  }

  // Z [m, k] -> A [m, k], rows sum to 1
  forward(Z: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    return tf.tidy(() => {
      const A = tf.softmax(Z);
      this.setCache({ A: A.clone() });
      return A;
    });
  }

  // dA [m, k] -> dZ [m, k]
  backward(dA: tf.Tensor): tf.Tensor {
    const A = this.cached('A');
    expectSameShape(this.name, dA, A.shape, 'dA');
    return tf.tidy(() => tf.mul(A, tf.sub(dA, tf.sum(tf.mul(dA, A), -1, true))));
  }
}
