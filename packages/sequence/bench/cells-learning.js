#!/usr/bin/env node
/**
 * The "cells learn" numbers in docs/cells.md, from the same runs as src/cells/learning.e2e.spec.ts
 * (which asserts the bounds and prints nothing; both set them up with src/cells/learning-runs.ts):
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
const path = require('path');
const { Rng, initBackend } = require('@dlkit/core');
// the spec's runs (not part of the public API): built into dist beside the cells
const { LONG_RNN_TASK, longRecallData, namesLstmRun, sampleName, trainLongRnn } = require(
  path.join(__dirname, '..', 'dist', 'cells', 'learning-runs.js'),
);

function namesLstm() {
  const run = namesLstmRun();
  const { vocab, losses, unigramEntropy } = run;
  const t0 = Date.now();
  for (let i = 0; i < 80; i++) run.step();
  const ms = Date.now() - t0;
  console.log(
    `names LSTM: V=${vocab.size}, ln V=${Math.log(vocab.size).toFixed(3)}, unigram entropy ${unigramEntropy.toFixed(3)}, ` +
      `loss/char ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} in ${losses.length} Adam steps, ${ms} ms`,
  );
  const rng = new Rng(7);
  const samples = Array.from({ length: 8 }, () => sampleName(run.lstm, run.head, vocab, rng, 0.7));
  console.log(`sampled names (temperature 0.7, seed 7): ${samples.join(', ')}`);
  run.dispose();
}

function longRnn() {
  const { x, y } = longRecallData();
  const plain = trainLongRnn(x, y, undefined);
  const clipped = trainLongRnn(x, y, 1);
  const fmt = (v) =>
    v
      .map((a, i) => [a, i])
      // every 10th step, the last, and the last finite one before an overflow
      .filter(([, i]) => i % 10 === 0 || i === v.length - 1 || (i === v.length - 2 && !Number.isFinite(v[i + 1])))
      .map(([a, i]) => `${a.toExponential(1)} (step ${i})`)
      .join(', ');
  console.log(
    `long RNN (T = ${LONG_RNN_TASK.T}) without clipping: loss ${fmt(plain.losses)}; grad norm up to ${Math.max(...plain.norms).toExponential(1)}`,
  );
  console.log(
    `clipped at norm 1: loss ${fmt(clipped.losses)}; every loss finite: ${clipped.losses.every(Number.isFinite)}; ` +
      `last ${clipped.losses[clipped.losses.length - 1].toFixed(3)}`,
  );
  x.dispose();
  y.dispose();
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
