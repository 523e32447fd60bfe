/**
 * The evidence that the recurrent cells are right, as one report (`dlkit dls rnn-gradcheck`,
 * DLS course 5 week 1 "Building your RNN step by step"): for SimpleRNN, LSTM and GRU,
 * - the gradient check of backpropagation through time (core's `gradientCheck`, relative
 *   difference over every parameter and the input, threshold GRADCHECK_THRESHOLD) on a
 *   many-to-many model (cell + Dense at every step, softmax cross-entropy over every y<t>) and a
 *   many-to-one model (a<T> -> Dense -> mean squared error);
 * - the largest difference between the cell's forward pass and tfjs-layers' simpleRNN / lstm /
 *   gru given the same weights through the documented gate-order mapping.
 */
import * as tf from '@tensorflow/tfjs';
import {
  Dense,
  GRADCHECK_THRESHOLD,
  ScratchSequential,
  gradientCheck,
  meanSquaredError,
  softmaxCrossEntropy,
} from '@dlkit/core/scratch';
import type { GradientCheckResult } from '@dlkit/core/scratch';
import type { DlsExperiment, DlsResult } from '@dlkit/core/dls';
import { GRU } from './gru';
import { LSTM } from './lstm';
import type { RecurrentCell, RecurrentOptions } from './recurrent';
import { SimpleRNN } from './simple-rnn';
import { recurrentLayer, tfjsKindOf, weightsFromScratch } from './tfjs-recurrent';
import { TimeDistributedDense } from './time-distributed-dense';

export type RecurrentCellClass = new (o: RecurrentOptions) => RecurrentCell;

export const RECURRENT_CELLS: ReadonlyArray<[string, RecurrentCellClass]> = [
  ['SimpleRNN', SimpleRNN],
  ['LSTM', LSTM],
  ['GRU', GRU],
];

/** Sizes of the checked models: m examples, T steps, n_x inputs, n_a units, k classes. */
const CHECK = { m: 3, T: 4, nX: 3, nA: 4, k: 4 };

/** Many-to-many: cell (returnSequences) + Dense at each step + softmax cross-entropy over every y<t>. */
export function manyToManyCheck(Cell: RecurrentCellClass, seed = 1): GradientCheckResult {
  const { m, T, nX, nA, k } = CHECK;
  const model = new ScratchSequential([
    new Cell({ units: nA, inputDim: nX, returnSequences: true, seed }),
    new TimeDistributedDense({ units: k, initializer: 'xavier', seed: seed + 1 }),
  ]);
  model.build([T, nX]);
  const x = tf.randomNormal([m, T, nX], 0, 1, 'float32', seed + 2);
  const y = tf.tidy(() => tf.oneHot(tf.randomUniform([m, T], 0, k, 'int32', seed + 3), k).toFloat());
  return checkThenDispose(model, softmaxCrossEntropy, x, y);
}

/** Many-to-one: a<T> -> Dense -> mean squared error. */
export function manyToOneCheck(Cell: RecurrentCellClass, seed = 1): GradientCheckResult {
  const { m, T, nX, nA } = CHECK;
  const model = new ScratchSequential([
    new Cell({ units: nA, inputDim: nX, seed }),
    new Dense({ units: 1, inputDim: nA, initializer: 'xavier', seed: seed + 1 }),
  ]);
  const x = tf.randomNormal([m, T, nX], 0, 1, 'float32', seed + 2);
  const y = tf.randomNormal([m, 1], 0, 1, 'float32', seed + 3);
  return checkThenDispose(model, meanSquaredError, x, y);
}

/** gradientCheck, then free the model and the data whatever happens. */
function checkThenDispose(
  model: ScratchSequential,
  loss: Parameters<typeof gradientCheck>[1],
  x: tf.Tensor,
  y: tf.Tensor,
): GradientCheckResult {
  try {
    return gradientCheck(model, loss, x, y);
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}

/** max |cell forward - tfjs-layers forward| for the same (mapped) weights, non-zero biases included. */
export function tfjsParity(Cell: RecurrentCellClass, seed = 1): number {
  const { nX, nA } = CHECK;
  const cell = new Cell({ units: nA, inputDim: nX, returnSequences: true, seed }) as SimpleRNN | LSTM | GRU;
  cell.build([7, nX]);
  // non-zero biases, so that the bias mapping (and the GRU's sign flip) counts too
  for (const [key, v] of Object.entries(cell.params))
    if (key.startsWith('b')) v.assign(tf.randomNormal(v.shape, 0, 0.5, 'float32', seed + key.charCodeAt(1)));
  const x = tf.randomNormal([4, 7, nX], 0, 1, 'float32', seed + 20);
  const layer = recurrentLayer({ cell: tfjsKindOf(cell), units: nA, returnSequences: true });
  try {
    tf.dispose(layer.apply(x) as tf.Tensor); // builds the layer's weights
    const weights = weightsFromScratch(cell);
    layer.setWeights(weights);
    tf.dispose(weights);
    return tf.tidy(
      () => tf.max(tf.abs(tf.sub(cell.forward(x, { training: false }), layer.apply(x) as tf.Tensor))).dataSync()[0],
    );
  } finally {
    layer.dispose();
    cell.dispose();
    x.dispose();
  }
}

export interface RecurrentCheckRow {
  relativeDifference: number;
  threshold: number;
  passed: boolean;
  /** For the many-to-many row: max |scratch - tfjs-layers| of the outputs. */
  tfjsMaxDiff?: number;
}

/** Every cell, both model shapes: `{ experiment: 'rnn-gradcheck', results: { 'LSTM many-to-many': {...}, ... } }`. */
export async function runRecurrentGradcheck({ seed = 1 }: { seed?: number } = {}): Promise<
  DlsResult<RecurrentCheckRow>
> {
  const results: Record<string, RecurrentCheckRow> = {};
  for (const [name, Cell] of RECURRENT_CELLS) {
    const many = manyToManyCheck(Cell, seed);
    results[`${name} many-to-many`] = {
      relativeDifference: many.relativeDifference,
      threshold: GRADCHECK_THRESHOLD,
      passed: many.passed,
      tfjsMaxDiff: tfjsParity(Cell, seed),
    };
    const one = manyToOneCheck(Cell, seed);
    results[`${name} many-to-one`] = {
      relativeDifference: one.relativeDifference,
      threshold: GRADCHECK_THRESHOLD,
      passed: one.passed,
    };
  }
  return { experiment: 'rnn-gradcheck', results };
}

/** The row `dlkit dls` lists beside core's experiments. */
export const RNN_GRADCHECK_EXPERIMENT: DlsExperiment = {
  name: 'rnn-gradcheck',
  description: 'course 5 week 1: BPTT of the scratch RNN/LSTM/GRU vs numeric gradients, and vs tfjs-layers',
  defaultSeed: 1,
  accuracy: false,
  run: runRecurrentGradcheck,
};
