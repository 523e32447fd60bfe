/**
 * A Dense layer applied at every time step with the same weights (Keras's TimeDistributed(Dense);
 * the course's y<t> = softmax(Wya a<t> + by) without the softmax, which the loss fuses):
 *   [m, T, n] -> reshape [m T, n] -> Z = A W + b -> reshape [m, T, k].
 * Folding time into the batch is exact: the shared weights' gradient is the sum over (example, t),
 * which is what A^T dZ over the m T rows computes. The inner layer is core's scratch `Dense`; its
 * parameters (`W` [n, k], `b` [k]) are exposed as this layer's own.
 */
import * as tf from '@tensorflow/tfjs';
import { Dense } from '@dlkit/core/scratch';
import type { DenseOptions, ForwardContext, Grads, Params, ScratchLayer } from '@dlkit/core/scratch';

export type TimeDistributedDenseOptions = Omit<DenseOptions, 'l2'>;

/**
 * @example
 * const head = new TimeDistributedDense({ units: 27, inputDim: 50, seed: 2 });
 * const logits = head.forward(a, { training: true });   // a [m, T, 50] -> [m, T, 27]
 * const da = head.backward(softmaxCrossEntropy(Y, logits).dA); // [m, T, 50]
 */
export class TimeDistributedDense implements ScratchLayer {
  readonly kind = 'timeDistributedDense';
  readonly name: string;
  readonly dense: Dense;
  /** [m, T] of the last forward. */
  private mT: [number, number] | undefined;

  constructor(options: TimeDistributedDenseOptions) {
    this.name = options.name ?? this.kind;
    this.dense = new Dense({ ...options, name: this.name });
  }

  get units(): number {
    return this.dense.units;
  }

  /** The inner Dense's variables (same objects): `W` [n, k], `b` [k]. */
  get params(): Params {
    return this.dense.params;
  }

  get grads(): Grads {
    return this.dense.grads;
  }

  /** Per-example input shape [T, n]. */
  build(inputShape: number[]): void {
    if (inputShape.length !== 2)
      throw new Error(`${this.name}: input shape per example must be [T, n], got [${inputShape}]`);
    this.dense.build([inputShape[1]]);
  }

  computeOutputShape(inputShape: number[]): number[] {
    return [...inputShape.slice(0, -1), this.units];
  }

  // A [m, T, n] -> Z [m, T, k]
  forward(x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
    if (x.rank !== 3) throw new Error(`${this.name}: expected a rank-3 input [m, T, n], got shape [${x.shape}]`);
    const [m, T, n] = x.shape;
    this.mT = [m, T];
    return tf.tidy(() => {
      const Z = this.dense.forward(tf.reshape(x, [m * T, n]), ctx); // [m T, k]
      return tf.reshape(Z, [m, T, this.units]);
    });
  }

  // dZ [m, T, k] -> dA [m, T, n]; grads dW [n, k], db [k] summed over examples and time
  backward(dZ: tf.Tensor): tf.Tensor {
    if (!this.mT) throw new Error(`${this.name}: backward called before forward`);
    const [m, T] = this.mT;
    if (dZ.shape.join(',') !== [m, T, this.units].join(',')) {
      throw new Error(
        `${this.name}: dZ has shape [${dZ.shape}], expected [${[m, T, this.units]}] (the shape of the forward output)`,
      );
    }
    return tf.tidy(() => {
      const dA = this.dense.backward(tf.reshape(dZ, [m * T, this.units])); // [m T, n]
      return tf.reshape(dA, [m, T, dA.shape[1] as number]);
    });
  }

  dispose(): void {
    this.dense.dispose();
  }
}
