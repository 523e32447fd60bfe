#!/usr/bin/env node
/**
 * The speed numbers in docs/cells.md: one forward + backward pass of the scratch LSTM
 * (SimpleRNN/LSTM/GRU with explicit backpropagation through time) versus the tfjs-layers lstm
 * on the same input, m = 64 sequences of T = 20 steps, n_x = 27, n_a = 64: the mean of 5 timed
 * runs after one warm-up run.
 *
 * Build first (repo root): npm run build
 * Run:  node packages/sequence/bench/lstm-speed.js
 */
const tf = require('@tensorflow/tfjs');
const { initBackend } = require('@dlkit/core');
const { LSTM, recurrentLayer } = require('@dlkit/sequence');

/** Mean milliseconds of 5 calls of f after one warm-up call. */
function time(f) {
  f();
  const t0 = Date.now();
  for (let i = 0; i < 5; i++) f();
  return (Date.now() - t0) / 5;
}

async function main() {
  await initBackend();
  const [m, T, n, h] = [64, 20, 27, 64];
  const x = tf.randomNormal([m, T, n], 0, 1, 'float32', 1);
  const cell = new LSTM({ units: h, inputDim: n, returnSequences: true, seed: 2 });
  const layer = recurrentLayer({ cell: 'lstm', units: h, returnSequences: true });
  tf.dispose(layer.apply(x)); // builds (tfjs warns that its orthogonal initializer is slow for 64 x 256)
  const scratch = time(() => {
    const a = cell.forward(x, { training: true });
    cell.backward(a).dispose();
    a.dispose();
  });
  const vars = layer.trainableWeights.map((w) => w.read());
  const tfjs = time(() => {
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(layer.apply(x, { training: true }))), vars);
    tf.dispose([value, ...Object.values(grads)]);
  });
  const scratchForward = time(() => tf.dispose(cell.forward(x, { training: false })));
  const tfjsForward = time(() => tf.dispose(layer.apply(x)));
  console.log(
    `LSTM m=${m} T=${T} n_x=${n} n_a=${h}, ${tf.getBackend()}: forward+backward scratch ${scratch.toFixed(0)} ms, tfjs-layers ${tfjs.toFixed(0)} ms; ` +
      `forward only scratch ${scratchForward.toFixed(0)} ms, tfjs-layers ${tfjsForward.toFixed(0)} ms`,
  );
  cell.dispose();
  layer.dispose();
  x.dispose();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
