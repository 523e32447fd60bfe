/**
 * The tfjs-layers recurrent layers, for speed (one fused op per step, trainable with tfjs autodiff
 * and core's Trainer), configured to compute exactly what the scratch cells compute, plus the weight
 * mapping between the two (course notation <-> Keras layout).
 *
 * | scratch cell | tfjs layer  | kernel [n_x, G n_a]            | recurrentKernel [n_a, G n_a]   | bias [G n_a]       |
 * |--------------|-------------|--------------------------------|--------------------------------|--------------------|
 * | SimpleRNN    | simpleRNN   | Wax                            | Waa                            | ba                 |
 * | LSTM         | lstm        | [Wu, Wf, Wc, Wo] rows n_a..    | [Wu, Wf, Wc, Wo] rows 0..n_a-1 | [bu, bf, bc, bo]   |
 * | GRU          | gru         | [-Wu, Wr, Wc] rows n_a..       | [-Wu, Wr, Wc] rows 0..n_a-1    | [-bu, br, bc]      |
 *
 * Gate order: tfjs LSTM is i, f, c, o (i = the course's update gate Γu); tfjs GRU is z, r, h, with
 * the reset gate applied before the recurrent matmul (like the course) and h = z h_prev + (1 - z) hh,
 * so z = 1 - Γu = σ(-(concat Wu + bu)): the update gate's weights change sign. LSTM and GRU need
 * recurrentActivation 'sigmoid' (tfjs's default is 'hardSigmoid'); `recurrentLayer` sets it.
 */
import * as tf from '@tensorflow/tfjs';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { SimpleRNN } from './simple-rnn';

export type RecurrentCellKind = 'simpleRNN' | 'lstm' | 'gru';

export interface RecurrentLayerOptions {
  /** Which tfjs-layers layer. */
  cell: RecurrentCellKind;
  /** Hidden units n_a. */
  units: number;
  /** Output every a<t> ([m, T, n_a]) instead of a<T> ([m, n_a]). */
  returnSequences?: boolean;
  /** Also return the final state(s) (tfjs `returnState`). */
  returnState?: boolean;
  /** Per-example input shape [T, n_x] (T may be null) when the layer is the first of a model. */
  inputShape?: [number | null, number];
  /** Gate activation of LSTM/GRU; 'sigmoid' matches the course and the scratch cells (tfjs defaults to 'hardSigmoid'). */
  recurrentActivation?: 'sigmoid' | 'hardSigmoid';
  /** Seed of the tfjs kernel initializer (glorotNormal), for reproducible models. */
  seed?: number;
  name?: string;
}

const LAYER_FACTORIES = {
  simpleRNN: tf.layers.simpleRNN,
  lstm: tf.layers.lstm,
  gru: tf.layers.gru,
} satisfies Record<RecurrentCellKind, unknown>;

/**
 * A tfjs-layers SimpleRNN / LSTM / GRU layer that computes what the scratch cell of the same kind
 * computes (sigmoid gates), ready for `tf.sequential` and core's Trainer.
 *
 * @example
 * const model = tf.sequential({ layers: [
 *   recurrentLayer({ cell: 'lstm', units: 32, returnSequences: true, inputShape: [null, 27] }),
 *   tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 27 }) }),
 * ] });
 */
export function recurrentLayer(options: RecurrentLayerOptions): tf.layers.Layer {
  const {
    cell,
    units,
    returnSequences = false,
    returnState = false,
    inputShape,
    recurrentActivation = 'sigmoid',
    seed,
    name,
  } = options;
  const factory = LAYER_FACTORIES[cell];
  if (!factory)
    throw new Error(`recurrentLayer: cell must be one of ${Object.keys(LAYER_FACTORIES).join(', ')}, got '${cell}'`);
  if (!(Number.isInteger(units) && units > 0))
    throw new Error(`recurrentLayer: units must be a positive integer, got ${units}`);
  const args: Record<string, unknown> = { units, returnSequences, returnState };
  if (inputShape) args.inputShape = inputShape;
  if (name) args.name = name;
  if (seed !== undefined) args.kernelInitializer = tf.initializers.glorotNormal({ seed });
  if (cell !== 'simpleRNN') args.recurrentActivation = recurrentActivation;
  return (factory as unknown as (a: Record<string, unknown>) => tf.layers.Layer)(args);
}

/** The tfjs layer kind that matches a scratch cell. */
export function tfjsKindOf(cell: SimpleRNN | LSTM | GRU): RecurrentCellKind {
  if (cell instanceof SimpleRNN) return 'simpleRNN';
  if (cell instanceof LSTM) return 'lstm';
  if (cell instanceof GRU) return 'gru';
  throw new Error(`tfjsKindOf: expected a scratch SimpleRNN, LSTM or GRU`);
}

/** Gates of each cell in tfjs's column order, and whether the block changes sign (GRU z = 1 - Γu). */
const GATE_ORDER: Record<'lstm' | 'gru', { gate: string; sign: 1 | -1 }[]> = {
  lstm: [
    { gate: 'u', sign: 1 }, // i
    { gate: 'f', sign: 1 }, // f
    { gate: 'c', sign: 1 }, // c
    { gate: 'o', sign: 1 }, // o
  ],
  gru: [
    { gate: 'u', sign: -1 }, // z = 1 - Γu
    { gate: 'r', sign: 1 }, // r
    { gate: 'c', sign: 1 }, // h
  ],
};

/**
 * The scratch cell's weights in tfjs-layers order [kernel, recurrentKernel, bias], new tensors owned
 * by the caller: `layer.setWeights(weightsFromScratch(cell))` (see the mapping table above).
 *
 * @example
 * const layer = recurrentLayer({ cell: tfjsKindOf(lstm), units: lstm.units, returnSequences: true });
 * layer.apply(x); // builds the weights
 * const w = weightsFromScratch(lstm);
 * layer.setWeights(w);
 * tf.dispose(w);
 */
export function weightsFromScratch(cell: SimpleRNN | LSTM | GRU): tf.Tensor[] {
  const kind = tfjsKindOf(cell);
  const nA = cell.units;
  const nX = cell.inputDim;
  if (nX === undefined)
    throw new Error(`weightsFromScratch: '${cell.name}' has no weights yet (build it or run a forward first)`);
  const p = cell.params;
  if (kind === 'simpleRNN') return [p.Wax.clone(), p.Waa.clone(), p.ba.clone()];
  return tf.tidy(() => {
    const gates = GATE_ORDER[kind];
    const block = (key: string, sign: number): tf.Tensor => (sign < 0 ? tf.neg(p[key]) : p[key]);
    const Ws = gates.map(({ gate, sign }) => block(`W${gate}`, sign)); // [n_a + n_x, n_a] each
    const kernel = tf.concat(
      Ws.map((W) => tf.slice(W, [nA, 0], [nX, nA])),
      1,
    ); // [n_x, G n_a]
    const recurrentKernel = tf.concat(
      Ws.map((W) => tf.slice(W, [0, 0], [nA, nA])),
      1,
    ); // [n_a, G n_a]
    const bias = tf.concat(
      gates.map(({ gate, sign }) => block(`b${gate}`, sign)),
      0,
    ); // [G n_a]
    return [kernel, recurrentKernel, bias];
  });
}

/**
 * The reverse mapping: assigns tfjs-layers weights [kernel, recurrentKernel, bias] (e.g.
 * `layer.getWeights()`) to a scratch cell, building it for their n_x if needed.
 */
export function loadWeightsIntoScratch(cell: SimpleRNN | LSTM | GRU, weights: tf.Tensor[]): void {
  const kind = tfjsKindOf(cell);
  if (weights.length !== 3)
    throw new Error(
      `loadWeightsIntoScratch: expected [kernel, recurrentKernel, bias], got ${weights.length} tensors (a layer without bias is not supported)`,
    );
  const [kernel, recurrentKernel, bias] = weights;
  const nA = cell.units;
  const G = kind === 'simpleRNN' ? 1 : GATE_ORDER[kind].length;
  const nX = kernel.shape[0];
  const expected = [[nX, G * nA], [nA, G * nA], [G * nA]];
  weights.forEach((w, i) => {
    if (w.shape.join(',') !== expected[i].join(',')) {
      throw new Error(
        `loadWeightsIntoScratch: ${['kernel', 'recurrentKernel', 'bias'][i]} of a ${kind} with ${nA} units has shape [${w.shape}], expected [${expected[i]}]`,
      );
    }
  });
  cell.build([1, nX]);
  if (cell.inputDim !== nX)
    throw new Error(
      `loadWeightsIntoScratch: '${cell.name}' was built for ${cell.inputDim} input features, the kernel has ${nX}`,
    );
  const p = cell.params;
  if (kind === 'simpleRNN') {
    p.Wax.assign(kernel);
    p.Waa.assign(recurrentKernel);
    p.ba.assign(bias);
    return;
  }
  tf.tidy(() => {
    GATE_ORDER[kind].forEach(({ gate, sign }, g) => {
      const cols = (t: tf.Tensor): tf.Tensor => tf.mul(tf.slice(t, [0, g * nA], [t.shape[0], nA]), sign);
      p[`W${gate}`].assign(tf.concat([cols(recurrentKernel), cols(kernel)], 0)); // rows: a<t-1> first, then x<t>
      p[`b${gate}`].assign(tf.mul(tf.slice(bias, [g * nA], [nA]), sign));
    });
  });
}
