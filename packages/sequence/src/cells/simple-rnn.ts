/**
 * The basic RNN cell (DLS course 5 week 1, `rnn_cell_forward` / `rnn_cell_backward`):
 *   a<t> = tanh(a<t-1> Waa + x<t> Wax + ba)
 * Batch-first: the course's Waa [n_a, n_a] and Wax [n_a, n_x] act on columns; ours are their
 * transposes, Waa [n_a, n_a] and Wax [n_x, n_a], acting on rows. The course's output layer
 * y<t> = softmax(Wya a<t> + by) is a separate `TimeDistributedDense` here.
 *
 * tfjs-layers `simpleRNN` computes the same with kernel = Wax, recurrentKernel = Waa, bias = ba
 * (see tfjs-recurrent.ts).
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads } from '@dlkit/core/scratch';
import { RecurrentCell, tanhGrad } from './recurrent';
import type { RecurrentOptions, State, StepBackward, StepCache, StepForward } from './recurrent';

/**
 * @example
 * const rnn = new SimpleRNN({ units: 5, inputDim: 3, returnSequences: true, seed: 1 });
 * const a = rnn.forward(tf.randomNormal([2, 4, 3]), { training: true }); // [2, 4, 5]: a<1..4>
 * const dx = rnn.backward(tf.onesLike(a));                              // [2, 4, 3]; rnn.grads.Waa [5, 5]
 */
export class SimpleRNN extends RecurrentCell {
  readonly kind = 'simpleRnn';
  protected readonly stateKeys = ['a'] as const;

  constructor(options: RecurrentOptions) {
    super(options, 'simpleRnn');
  }

  get inputDim(): number | undefined {
    return this.params.Wax?.shape[0];
  }

  protected createParams(nX: number): void {
    const nA = this.units;
    this.params.Wax = this.weight(nX, nA); // [n_x, n_a]
    this.params.Waa = this.weight(nA, nA); // [n_a, n_a]
    this.params.ba = this.bias(); // [n_a]
  }

  // x<t> [m, n_x], a<t-1> [m, n_a] -> a<t> [m, n_a]
  protected stepForward(xt: tf.Tensor2D, prev: State): StepForward {
    const { Wax, Waa, ba } = this.params;
    const a_prev = prev.a;
    const a = tf.tanh(tf.add(tf.add(tf.matMul(a_prev, Waa), tf.matMul(xt, Wax)), ba)) as tf.Tensor2D;
    return { next: { a }, cache: { x: xt, a_prev, a } };
  }

  // da<t> [m, n_a] -> dx<t> [m, n_x], da<t-1> [m, n_a]; dWax, dWaa, dba of this step
  protected stepBackward(cache: StepCache, dNext: State): StepBackward {
    const { x, a_prev, a } = cache;
    const { Wax, Waa } = this.params;
    const dz = tf.mul(dNext.a, tanhGrad(a)) as tf.Tensor2D; // dz = da<t> * (1 - a<t>^2)
    const dParams: Grads = {
      Wax: tf.matMul(x, dz, true, false), // x<t>^T dz       [n_x, n_a]
      Waa: tf.matMul(a_prev, dz, true, false), // a<t-1>^T dz [n_a, n_a]
      ba: tf.sum(dz, 0), // [n_a]
    };
    return {
      dx: tf.matMul(dz, Wax, false, true), // dz Wax^T [m, n_x]
      dPrev: { a: tf.matMul(dz, Waa, false, true) }, // dz Waa^T [m, n_a]
      dParams,
    };
  }
}
