/**
 * The LSTM cell (Hochreiter & Schmidhuber 1997; DLS course 5 week 1, `lstm_cell_forward` /
 * `lstm_cell_backward`), on the concatenation concat = [a<t-1>, x<t>] [m, n_a + n_x]:
 *   Γf = σ(concat Wf + bf)            forget gate
 *   Γu = σ(concat Wu + bu)            update gate (the paper's and Keras's input gate i)
 *   c̃<t> = tanh(concat Wc + bc)       candidate
 *   c<t> = Γf * c<t-1> + Γu * c̃<t>
 *   Γo = σ(concat Wo + bo)            output gate
 *   a<t> = Γo * tanh(c<t>)
 * Each W is [n_a + n_x, n_a], the transpose of the course's [n_a, n_a + n_x]; its first n_a rows
 * multiply a<t-1>, the last n_x rows multiply x<t>.
 *
 * tfjs-layers `lstm` (with recurrentActivation 'sigmoid'; its default is 'hardSigmoid') computes the
 * same with kernel [n_x, 4 n_a] = [Wu | Wf | Wc | Wo] rows n_a.., recurrentKernel [n_a, 4 n_a] = the
 * same gates' first n_a rows, bias [4 n_a] = [bu | bf | bc | bo]: gate order i, f, c, o.
 */
import * as tf from '@tensorflow/tfjs';
import { RecurrentCell, concatStep, sigmoidGrad, splitStep, tanhGrad } from './recurrent';
import type { RecurrentOptions, State, StepBackward, StepCache, StepForward } from './recurrent';

/**
 * @example
 * const lstm = new LSTM({ units: 8, inputDim: 3, seed: 1 });
 * const aT = lstm.forward(tf.randomNormal([2, 5, 3]), { training: true }); // [2, 8]: a<5>
 * const dx = lstm.backward(tf.onesLike(aT));                               // [2, 5, 3]; lstm.grads.Wf [11, 8]
 */
export class LSTM extends RecurrentCell {
  readonly kind = 'lstm';
  protected readonly stateKeys = ['a', 'c'] as const;

  constructor(options: RecurrentOptions) {
    super(options, 'lstm');
  }

  get inputDim(): number | undefined {
    return this.gatedInputDim('f');
  }

  protected createParams(nX: number): void {
    this.createGates(nX, ['f', 'u', 'c', 'o']);
  }

  // x<t> [m, n_x], a<t-1>, c<t-1> [m, n_a] -> a<t>, c<t> [m, n_a]
  protected stepForward(xt: tf.Tensor2D, prev: State): StepForward {
    const { Wf, bf, Wu, bu, Wc, bc, Wo, bo } = this.params;
    const { a: a_prev, c: c_prev } = prev;
    const concat = concatStep(a_prev, xt); // [m, n_a + n_x]
    const Γf = tf.sigmoid(tf.add(tf.matMul(concat, Wf), bf));
    const Γu = tf.sigmoid(tf.add(tf.matMul(concat, Wu), bu));
    const cTilde = tf.tanh(tf.add(tf.matMul(concat, Wc), bc)); // c̃<t>
    const c = tf.add(tf.mul(Γf, c_prev), tf.mul(Γu, cTilde)) as tf.Tensor2D;
    const Γo = tf.sigmoid(tf.add(tf.matMul(concat, Wo), bo));
    const tanhC = tf.tanh(c);
    const a = tf.mul(Γo, tanhC) as tf.Tensor2D;
    return { next: { a, c }, cache: { concat, c_prev, Γf, Γu, cTilde, Γo, tanhC } };
  }

  // da<t>, dc<t> [m, n_a] -> dx<t> [m, n_x], da<t-1>, dc<t-1> [m, n_a]; this step's dW*, db*
  protected stepBackward(cache: StepCache, dNext: State): StepBackward {
    const { concat, c_prev, Γf, Γu, cTilde, Γo, tanhC } = cache;
    const { Wf, Wu, Wc, Wo } = this.params;
    const { a: da, c: dcNext } = dNext;
    // a<t> = Γo tanh(c<t>): c<t> gets da Γo (1 - tanh^2 c<t>) on top of what c<t+1> sends back
    const dc = tf.add(dcNext, tf.mul(tf.mul(da, Γo), tanhGrad(tanhC)));
    const dΓo = tf.mul(da, tanhC);
    const dΓf = tf.mul(dc, c_prev);
    const dΓu = tf.mul(dc, cTilde);
    const dcTilde = tf.mul(dc, Γu);
    // through the nonlinearities to the pre-activations dz = concat W + b
    const dzf = tf.mul(dΓf, sigmoidGrad(Γf)) as tf.Tensor2D;
    const dzu = tf.mul(dΓu, sigmoidGrad(Γu)) as tf.Tensor2D;
    const dzc = tf.mul(dcTilde, tanhGrad(cTilde)) as tf.Tensor2D;
    const dzo = tf.mul(dΓo, sigmoidGrad(Γo)) as tf.Tensor2D;
    const dW = (dz: tf.Tensor2D): tf.Tensor => tf.matMul(concat, dz, true, false); // concat^T dz [n_a + n_x, n_a]
    const dParams = {
      Wf: dW(dzf),
      bf: tf.sum(dzf, 0),
      Wu: dW(dzu),
      bu: tf.sum(dzu, 0),
      Wc: dW(dzc),
      bc: tf.sum(dzc, 0),
      Wo: dW(dzo),
      bo: tf.sum(dzo, 0),
    };
    // dconcat = sum over gates of dz W^T [m, n_a + n_x]
    const dConcat = tf.addN(
      [dzf, dzu, dzc, dzo].map((dz, i) => tf.matMul(dz, [Wf, Wu, Wc, Wo][i], false, true)),
    ) as tf.Tensor2D;
    const [da_prev, dx] = splitStep(dConcat, this.units);
    const dc_prev = tf.mul(dc, Γf) as tf.Tensor2D; // c<t> = Γf c<t-1> + ...: the forget-gate path
    return { dx, dPrev: { a: da_prev, c: dc_prev }, dParams };
  }
}
