/** Flatten: [m, d1, d2, ...] -> [m, d1*d2*...] (row-major, like numpy's reshape(m, -1)); backward reshapes back. */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext } from '../types';
import { BaseLayer } from './base';

/**
 * @example
 * new Flatten().forward(tf.zeros([2, 4, 4, 3]), { training: false }).shape; // [2, 48]
 */
export class Flatten extends BaseLayer {
  readonly kind = 'flatten';
  private inputShape: number[] = [];

  constructor(options: { name?: string } = {}) {
    super(options.name, 'flatten');
  }

  computeOutputShape(inputShape: number[]): number[] {
    return [inputShape.reduce((a, b) => a * b, 1)];
  }

  // A_prev [m, ...] -> [m, prod(...)]
  forward(x: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    if (x.rank < 2) throw new Error(`${this.name}: expected an input of rank >= 2 [m, ...], got shape [${x.shape}]`);
    this.inputShape = x.shape.slice();
    return tf.reshape(x, [x.shape[0], -1]);
  }

  // dA [m, prod(...)] -> dA_prev [m, ...]
  backward(dA: tf.Tensor): tf.Tensor {
    if (this.inputShape.length === 0) throw new Error(`${this.name}: backward called before forward`);
    const size = this.inputShape.reduce((a, b) => a * b, 1);
    if (dA.size !== size)
      throw new Error(`${this.name}: dA has shape [${dA.shape}], expected ${size} values (input [${this.inputShape}])`);
    return tf.reshape(dA, this.inputShape);
  }
}
