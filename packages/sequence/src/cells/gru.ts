/**
 * The GRU cell (Cho et al. 2014; DLS course 5 week 1, "full GRU"), with a<t> = c<t>:
 *   Γr = σ([c<t-1>, x<t>] Wr + br)              relevance (reset) gate
 *   Γu = σ([c<t-1>, x<t>] Wu + bu)              update gate
 *   c̃<t> = tanh([Γr * c<t-1>, x<t>] Wc + bc)    candidate: the reset is applied BEFORE the recurrent matmul
 *   c<t> = Γu * c̃<t> + (1 - Γu) * c<t-1>
 * Each W is [n_a + n_x, n_a] (the transpose of the course's); its first n_a rows multiply the state.
 *
 * tfjs-layers `gru` (recurrentActivation 'sigmoid'; its default is 'hardSigmoid') uses gate order
 * z, r, h and applies the reset gate before the recurrent matmul too (tfjs has no `resetAfter`;
 * recurrent.js: `hh = tanh(x Kh + bh + (r * h_prev) Rh)`), but writes the update the other way
 * round: h = z * h_prev + (1 - z) * hh. So z = 1 - Γu = σ(-(concat Wu + bu)), and the mapping is
 *   kernel [n_x, 3 n_a]          = [-Wu | Wr | Wc] rows n_a..   (z, r, h)
 *   recurrentKernel [n_a, 3 n_a] = [-Wu | Wr | Wc] first n_a rows
 *   bias [3 n_a]                 = [-bu | br | bc]
 * (see tfjs-recurrent.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { RecurrentCell, concatStep, sigmoidGrad, splitStep, tanhGrad } from './recurrent';
import type { RecurrentOptions, State, StepBackward, StepCache, StepForward } from './recurrent';

/**
 * @example
 * const gru = new GRU({ units: 8, inputDim: 3, returnSequences: true, seed: 1 });
 * const a = gru.forward(tf.randomNormal([2, 5, 3]), { training: true }); // [2, 5, 8]
 * const dx = gru.backward(tf.onesLike(a));                              // [2, 5, 3]; gru.grads.Wu [11, 8]
 */
export class GRU extends RecurrentCell {
  readonly kind = 'gru';
  /** The GRU's state is c<t>, and a<t> = c<t>: one tensor, called 'a' like the other cells' output. */
  protected readonly stateKeys = ['a'] as const;

  constructor(options: RecurrentOptions) {
    super(options, 'gru');
  }

  get inputDim(): number | undefined {
    return this.gatedInputDim('u');
  }

  protected createParams(nX: number): void {
    this.createGates(nX, ['u', 'r', 'c']);
  }

  // x<t> [m, n_x], c<t-1> [m, n_a] -> c<t> [m, n_a]
  protected stepForward(xt: tf.Tensor2D, prev: State): StepForward {
    const { Wu, bu, Wr, br, Wc, bc } = this.params;
    const c_prev = prev.a;
    const concat = concatStep(c_prev, xt); // [m, n_a + n_x]
    const Γu = tf.sigmoid(tf.add(tf.matMul(concat, Wu), bu));
    const Γr = tf.sigmoid(tf.add(tf.matMul(concat, Wr), br));
    const concatR = concatStep(tf.mul(Γr, c_prev) as tf.Tensor2D, xt); // [Γr * c<t-1>, x<t>]
    const cTilde = tf.tanh(tf.add(tf.matMul(concatR, Wc), bc)); // c̃<t>
    const c = tf.add(tf.mul(Γu, cTilde), tf.mul(tf.sub(1, Γu), c_prev)) as tf.Tensor2D;
    return { next: { a: c }, cache: { concat, concatR, c_prev, Γu, Γr, cTilde } };
  }

  // dc<t> [m, n_a] -> dx<t> [m, n_x], dc<t-1> [m, n_a]; this step's dW*, db*
  protected stepBackward(cache: StepCache, dNext: State): StepBackward {
    const { concat, concatR, c_prev, Γu, Γr, cTilde } = cache;
    const { Wu, Wr, Wc } = this.params;
    const dc = dNext.a;
    // c<t> = Γu c̃ + (1 - Γu) c<t-1>
    const dcTilde = tf.mul(dc, Γu);
    const dΓu = tf.mul(dc, tf.sub(cTilde, c_prev));
    const dzc = tf.mul(dcTilde, tanhGrad(cTilde)) as tf.Tensor2D;
    // c̃ = tanh([Γr c<t-1>, x] Wc + bc): back into Γr c<t-1> and x
    const [dRc, dxFromC] = splitStep(tf.matMul(dzc, Wc, false, true) as tf.Tensor2D, this.units);
    const dΓr = tf.mul(dRc, c_prev);
    const dzu = tf.mul(dΓu, sigmoidGrad(Γu)) as tf.Tensor2D;
    const dzr = tf.mul(dΓr, sigmoidGrad(Γr)) as tf.Tensor2D;
    const dParams = {
      Wu: tf.matMul(concat, dzu, true, false),
      bu: tf.sum(dzu, 0),
      Wr: tf.matMul(concat, dzr, true, false),
      br: tf.sum(dzr, 0),
      Wc: tf.matMul(concatR, dzc, true, false),
      bc: tf.sum(dzc, 0),
    };
    // the gates see [c<t-1>, x<t>]: dconcat = dzu Wu^T + dzr Wr^T
    const [dcFromGates, dxFromGates] = splitStep(
      tf.add(tf.matMul(dzu, Wu, false, true), tf.matMul(dzr, Wr, false, true)) as tf.Tensor2D,
      this.units,
    );
    // c<t-1> reaches c<t> three ways: directly (1 - Γu), through Γr * c<t-1>, and through the gates
    const dc_prev = tf.addN([tf.mul(dc, tf.sub(1, Γu)), tf.mul(dRc, Γr), dcFromGates]) as tf.Tensor2D;
    return { dx: tf.add(dxFromC, dxFromGates) as tf.Tensor2D, dPrev: { a: dc_prev }, dParams };
  }
}
