/**
 * The time loop shared by the scratch recurrent cells (DLS course 5 week 1, "Building your
 * Recurrent Neural Network - Step by Step"): `rnn_forward` runs a cell over x<1> ... x<T>,
 * caching what each step's backward needs; `rnn_backward` walks back from t = T to 1 (backpropagation
 * through time), adding the gradient that reaches a<t> from the output to the one coming from step
 * t + 1, and summing the parameter gradients of every step (the weights are shared across time).
 *
 * Each cell (SimpleRNN, LSTM, GRU) writes one step's forward and backward side by side; this file
 * only loops. Batch-first like the rest of the scratch engine: the course's x [n_x, m, T_x] is
 * x [m, T, n_x] here, and weights are the transposes of the course's (a<t> = a<t-1> Waa + ...).
 *
 * Gradient convention (the engine's): `backward` is the exact vector-Jacobian product, with no 1/m;
 * the losses' dA already carries the 1/m.
 */
import * as tf from '@tensorflow/tfjs';
import { BaseLayer, expectSameShape, resolveInitializer, toRng } from '@dlkit/core/scratch';
import type { Rng } from '@dlkit/core';
import type { ForwardContext, Grads, Initializer, InitializerName } from '@dlkit/core/scratch';

export interface RecurrentOptions {
  /** Hidden units n_a (the size of a<t>); a positive integer. */
  units: number;
  /** Input features n_x; if omitted, weights are created on the first forward (or `build`). */
  inputDim?: number;
  /** Output a<1..T> as [m, T, n_a] (many-to-many) instead of only a<T> as [m, n_a] (many-to-one). */
  returnSequences?: boolean;
  /** Initializer of the weight matrices (fan-in = the rows of the matrix); biases start at zero. */
  initializer?: Initializer | InitializerName;
  /** Seed or shared generator for the initializer. */
  seed?: number | Rng;
  name?: string;
}

export const RECURRENT_DEFAULTS = { returnSequences: false, initializer: 'xavier' as InitializerName, seed: 0 };

/** A recurrent state by name: { a } for SimpleRNN and GRU, { a, c } for the LSTM; each [m, n_a]. */
export type State = Record<string, tf.Tensor2D>;

/** What one step's backward needs, named after the math (x, a_prev, Γf, cTilde, ...). */
export type StepCache = Record<string, tf.Tensor>;

/** One step's forward result: the next state and the step's cache. */
export interface StepForward {
  next: State;
  cache: StepCache;
}

/** One step's backward result: dx<t> [m, n_x], the gradient w.r.t. the previous state, and this step's parameter gradients. */
export interface StepBackward {
  dx: tf.Tensor2D;
  dPrev: State;
  dParams: Grads;
}

export abstract class RecurrentCell extends BaseLayer {
  readonly units: number;
  readonly returnSequences: boolean;
  protected readonly initializer: Initializer;
  protected readonly rng: Rng;
  /** Names of the state tensors; 'a' is the one the layer outputs. */
  protected abstract readonly stateKeys: readonly string[];
  /** Step caches of the last forward, steps[t - 1] for t = 1..T. */
  private steps: StepCache[] = [];
  /** [m, T, n_x] of the last forward. */
  private inputShape: number[] = [];

  constructor(options: RecurrentOptions, kind: string) {
    super(options.name, kind);
    const o = { ...RECURRENT_DEFAULTS, ...options };
    if (!(Number.isInteger(o.units) && o.units > 0))
      throw new Error(`${this.name}: units must be a positive integer, got ${o.units}`);
    this.units = o.units;
    this.returnSequences = o.returnSequences;
    this.initializer = resolveInitializer(o.initializer);
    this.rng = toRng(o.seed);
    if (o.inputDim !== undefined) this.build([1, o.inputDim]);
  }

  /** Input features n_x the weights were built for (undefined before `build`). */
  abstract get inputDim(): number | undefined;

  get built(): boolean {
    return this.inputDim !== undefined;
  }

  /** Creates the weights for n_x input features. */
  protected abstract createParams(nX: number): void;
  /** One time step: x<t> [m, n_x] and the state at t-1 -> the state at t and the step's cache. */
  protected abstract stepForward(xt: tf.Tensor2D, prev: State): StepForward;
  /** One time step back: the step's cache and dJ/d(state at t) -> dx<t>, dJ/d(state at t-1), this step's dW. */
  protected abstract stepBackward(cache: StepCache, dNext: State): StepBackward;

  /** Per-example input shape [T, n_x] (T may be anything; only n_x fixes the weights). */
  build(inputShape: number[]): void {
    if (this.built) return;
    const nX = inputShape[inputShape.length - 1];
    if (inputShape.length !== 2 || !(Number.isInteger(nX) && nX > 0)) {
      throw new Error(
        `${this.name}: input shape per example must be [T, n_x] with n_x a positive integer, got [${inputShape}]`,
      );
    }
    this.createParams(nX);
  }

  computeOutputShape(inputShape: number[]): number[] {
    return this.returnSequences ? [inputShape[0], this.units] : [this.units];
  }

  /** A weight [rows, cols] from the initializer with fan-in `rows`, as a variable. */
  protected weight(rows: number, cols: number): tf.Variable {
    return tf.tidy(() => tf.variable(this.initializer([rows, cols], rows, this.rng)));
  }

  /** Gated cells (LSTM, GRU): W<g> [n_a + n_x, n_a] acting on [a<t-1>, x<t>] and b<g> [n_a] for each gate g. */
  protected createGates(nX: number, gates: readonly string[]): void {
    for (const gate of gates) {
      this.params[`W${gate}`] = this.weight(this.units + nX, this.units); // [n_a + n_x, n_a]
      this.params[`b${gate}`] = this.bias(); // [n_a]
    }
  }

  /** n_x of a gated cell, from the rows of its W<gate> [n_a + n_x, n_a] (undefined before build). */
  protected gatedInputDim(gate: string): number | undefined {
    const W = this.params[`W${gate}`];
    return W ? W.shape[0] - this.units : undefined;
  }

  /** A zero bias [n_a], as a variable. */
  protected bias(): tf.Variable {
    return tf.tidy(() => tf.variable(tf.zeros([this.units])));
  }

  /** The zero state a<0> (and c<0>) for a batch of m: each [m, n_a], owned by the caller. */
  zeroState(m: number): State {
    return Object.fromEntries(this.stateKeys.map((k) => [k, tf.zeros([m, this.units]) as tf.Tensor2D]));
  }

  /**
   * One step without caching, for sampling one token at a time (the course's `sample`):
   * x<t> [m, n_x] and the state at t-1 -> the state at t (new tensors owned by the caller; the
   * output is `state.a`). Does not touch the cache of the last `forward`.
   */
  step(xt: tf.Tensor2D, prev: State): State {
    if (!this.built)
      throw new Error(`${this.name}: step called before the weights were built (pass inputDim or run forward first)`);
    if (xt.rank !== 2 || xt.shape[1] !== this.inputDim)
      throw new Error(`${this.name}: step expects x<t> [m, ${this.inputDim}], got shape [${xt.shape}]`);
    for (const k of this.stateKeys) {
      if (!prev[k] || prev[k].shape.join(',') !== [xt.shape[0], this.units].join(',')) {
        throw new Error(
          `${this.name}: step expects state '${k}' [${xt.shape[0]}, ${this.units}], got ${prev[k] ? `[${prev[k].shape}]` : 'none'}`,
        );
      }
    }
    return tf.tidy(() => this.stepForward(xt, prev).next);
  }

  // x [m, T, n_x] -> a<1..T> [m, T, n_a] (returnSequences) or a<T> [m, n_a]
  forward(x: tf.Tensor, _ctx: ForwardContext): tf.Tensor {
    if (x.rank !== 3) throw new Error(`${this.name}: expected a rank-3 input [m, T, n_x], got shape [${x.shape}]`);
    const [m, T, nX] = x.shape;
    if (T === 0) throw new Error(`${this.name}: the input has no time steps (shape [${x.shape}])`);
    this.build([T, nX]);
    if (nX !== this.inputDim) throw new Error(`${this.name}: input has ${nX} features, expected ${this.inputDim}`);
    this.disposeSteps();
    this.inputShape = x.shape.slice();
    return tf.tidy(() => {
      const xs = tf.unstack(x, 1) as tf.Tensor2D[]; // T x [m, n_x]
      let state = this.zeroState(m); // a<0> = 0 (c<0> = 0)
      const outputs: tf.Tensor2D[] = [];
      for (let t = 0; t < T; t++) {
        const { next, cache } = this.stepForward(xs[t], state);
        for (const v of Object.values(cache)) tf.keep(v);
        this.steps.push(cache);
        outputs.push(next.a);
        state = next;
      }
      return this.returnSequences ? tf.stack(outputs, 1) : outputs[T - 1].clone(); // [m, T, n_a] or [m, n_a]
    });
  }

  // dA [m, T, n_a] (or [m, n_a] for a<T> only) -> dx [m, T, n_x]; grads summed over t
  backward(dOut: tf.Tensor): tf.Tensor {
    const T = this.steps.length;
    if (T === 0) throw new Error(`${this.name}: backward called before forward`);
    const [m] = this.inputShape;
    expectSameShape(this.name, dOut, this.returnSequences ? [m, T, this.units] : [m, this.units], 'dA');
    return tf.tidy(() => {
      // gradient reaching a<t> from the output above
      const daOut: (tf.Tensor2D | undefined)[] = this.returnSequences
        ? (tf.unstack(dOut, 1) as tf.Tensor2D[])
        : [...Array<undefined>(T - 1).fill(undefined), dOut as tf.Tensor2D];
      // dJ/d(state at T) from the future is zero
      let dNext = this.zeroState(m);
      const dxs: tf.Tensor2D[] = new Array(T);
      let grads: Grads = {};
      for (let t = T - 1; t >= 0; t--) {
        const extra = daOut[t];
        const d: State = extra ? { ...dNext, a: tf.add(dNext.a, extra) } : dNext; // da<t> = da_out<t> + da_prev from step t+1
        const { dx, dPrev, dParams } = this.stepBackward(this.steps[t], d);
        dxs[t] = dx;
        grads = addGrads(grads, dParams);
        dNext = dPrev;
      }
      this.setGrads(grads);
      return tf.stack(dxs, 1); // [m, T, n_x]
    });
  }

  private disposeSteps(): void {
    const seen = new Set<tf.Tensor>();
    for (const cache of this.steps) for (const v of Object.values(cache)) seen.add(v);
    for (const v of seen) v.dispose();
    this.steps = [];
  }

  override dispose(): void {
    this.disposeSteps();
    super.dispose();
  }
}

/** Sums parameter gradients key by key (weights shared across time steps get the sum of every step's dW). */
function addGrads(total: Grads, step: Grads): Grads {
  const out: Grads = { ...total };
  for (const [k, g] of Object.entries(step)) out[k] = out[k] ? tf.add(out[k], g) : g;
  return out;
}

/** [a_prev, x<t>] [m, n_a + n_x]: the course's concatenation (its [a<t-1>; x<t>] stacked in rows, here in columns). */
export function concatStep(aPrev: tf.Tensor2D, xt: tf.Tensor2D): tf.Tensor2D {
  return tf.concat([aPrev, xt], 1);
}

/** Splits d[a_prev, x] [m, n_a + n_x] back into da_prev [m, n_a] and dx [m, n_x]. */
export function splitStep(dConcat: tf.Tensor2D, nA: number): [tf.Tensor2D, tf.Tensor2D] {
  const nX = dConcat.shape[1] - nA;
  return tf.split(dConcat, [nA, nX], 1) as [tf.Tensor2D, tf.Tensor2D];
}

/** σ'(z) written with the gate's value: Γ (1 - Γ). */
export function sigmoidGrad(gate: tf.Tensor): tf.Tensor {
  return tf.mul(gate, tf.sub(1, gate));
}

/** tanh'(z) written with the value: 1 - tanh(z)^2. */
export function tanhGrad(value: tf.Tensor): tf.Tensor {
  return tf.sub(1, tf.square(value));
}
