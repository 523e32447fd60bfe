#!/usr/bin/env node
/**
 * The gradient-check and forward-parity numbers in docs/cells.md, from the same cases as the specs
 * (which assert the thresholds and print nothing):
 * - gradient checks at seed 1, many-to-many and many-to-one, per cell (cells.spec.ts, and
 *   `dlkit dls rnn-gradcheck`);
 * - the three planted bugs, each flagged (cells.spec.ts);
 * - scratch cell vs tfjs-layers simpleRNN / lstm / gru on the mapped weights, m = 4, T = 7,
 *   n_x = 3, n_a = 5, and the tfjs -> scratch -> tfjs weight round trip (tfjs-recurrent.spec.ts);
 * - scratch model -> scratchToTfjs -> ONNX in onnxruntime-node (scratch-to-tfjs.spec.ts).
 * The sweep over seeds 10..100 is gradcheck-sweep.js; the speed numbers are lstm-speed.js.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/sequence/bench/cells-report.js
 */
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { exportToOnnx, initBackend, loadOnnx, onnxParity } = require('@dlkit/core');
const { Dense, GRADCHECK_THRESHOLD, ScratchSequential, Tanh } = require('@dlkit/core/scratch');
const { maxAbsDiff } = require('@dlkit/core/testing');
const {
  GRU,
  LSTM,
  SimpleRNN,
  TimeDistributedDense,
  loadWeightsIntoScratch,
  recurrentLayer,
  runRecurrentGradcheck,
  scratchToTfjs,
  weightsFromScratch,
} = require('@dlkit/sequence');
// Not on the package's public surface: the model builders of the gradient checks, from the build.
const { manyToManyCheck } = require(path.join(__dirname, '..', 'dist', 'cells', 'check-report.js'));

const e = (v, digits = 1) => v.toExponential(digits);

function gradientChecks() {
  return runRecurrentGradcheck({ seed: 1 }).then(({ results }) => {
    console.log(
      `Gradient checks, seed 1 (relative difference, threshold ${GRADCHECK_THRESHOLD}; m = 3, T = 4, n_x = 3, n_a = 4):\n`,
    );
    console.log(
      '| cell | many-to-many (per-step Dense + softmax CE) | many-to-one (a<T> → Dense → MSE) |\n|---|---|---|',
    );
    let failed = 0;
    for (const cell of ['SimpleRNN', 'LSTM', 'GRU']) {
      const many = results[`${cell} many-to-many`];
      const one = results[`${cell} many-to-one`];
      failed += [many, one].filter((r) => !r.passed).length;
      console.log(`| ${cell} | ${e(many.relativeDifference)} | ${e(one.relativeDifference)} |`);
    }
    return failed;
  });
}

// Planted bugs, as in cells.spec.ts: each must fail the gradient check.
class LSTMWithoutForgetPath extends LSTM {
  // dc<t-1> = dc<t> * Γf dropped
  stepBackward(cache, dNext) {
    const r = super.stepBackward(cache, dNext);
    return { ...r, dPrev: { ...r.dPrev, c: tf.zerosLike(r.dPrev.c) } };
  }
}
class RNNWithoutTanhDerivative extends SimpleRNN {
  // dz = da instead of da * (1 - a<t>^2)
  stepBackward(cache, dNext) {
    return super.stepBackward({ ...cache, a: tf.zerosLike(cache.a) }, dNext);
  }
}
class GRUTruncatedBptt extends GRU {
  // no gradient passed to c<t-1>
  stepBackward(cache, dNext) {
    const r = super.stepBackward(cache, dNext);
    return { ...r, dPrev: { a: tf.zerosLike(r.dPrev.a) } };
  }
}

function plantedBugs() {
  console.log('\nPlanted bugs (many-to-many, seed 1), relative difference:\n');
  console.log('| planted bug | relative difference |\n|---|---|');
  let missed = 0;
  for (const [label, Buggy] of [
    ['LSTM without the forget-gate term dc<t-1> = dc<t> * Γf', LSTMWithoutForgetPath],
    ['SimpleRNN without the tanh derivative (dz = da instead of da (1 - a²))', RNNWithoutTanhDerivative],
    ['GRU with truncated backpropagation through time (no gradient to c<t-1>)', GRUTruncatedBptt],
  ]) {
    const r = manyToManyCheck(Buggy);
    if (r.passed) missed++;
    console.log(`| ${label} | ${e(r.relativeDifference)} |`);
  }
  return missed;
}

/** tfjs-recurrent.spec.ts: non-zero biases, seed 3, x ~ N(0, 1) [4, 7, 3] seed 21. */
function tfjsParity() {
  const [nX, nA] = [3, 5];
  const make = { simpleRNN: SimpleRNN, lstm: LSTM, gru: GRU };
  const worst = {};
  for (const kind of Object.keys(make))
    for (const returnSequences of [true, false]) {
      const seed = 3;
      const cell = new make[kind]({ units: nA, inputDim: nX, returnSequences, seed });
      for (const [key, v] of Object.entries(cell.params))
        if (key.startsWith('b')) v.assign(tf.randomNormal(v.shape, 0, 0.5, 'float32', seed + key.charCodeAt(1)));
      const x = tf.randomNormal([4, 7, nX], 0, 1, 'float32', 21);
      const layer = recurrentLayer({ cell: kind, units: nA, returnSequences });
      tf.dispose(layer.apply(x));
      const weights = weightsFromScratch(cell);
      layer.setWeights(weights);
      tf.dispose(weights);
      const ours = cell.forward(x, { training: false });
      const theirs = layer.apply(x);
      const d = maxAbsDiff(ours, theirs);
      worst[kind] = Math.max(worst[kind] ?? 0, d);
      tf.dispose([ours, theirs, x]);
      layer.dispose();
      cell.dispose();
    }
  // round trip tfjs -> loadWeightsIntoScratch -> weightsFromScratch
  let roundTrip = 0;
  for (const kind of Object.keys(make)) {
    const layer = recurrentLayer({ cell: kind, units: nA, returnSequences: true, seed: 6 });
    const x = tf.randomNormal([4, 7, nX], 0, 1, 'float32', 21);
    tf.dispose(layer.apply(x));
    const cell = new make[kind]({ units: nA, returnSequences: true });
    const original = layer.getWeights();
    loadWeightsIntoScratch(cell, original);
    const back = weightsFromScratch(cell);
    back.forEach((w, i) => (roundTrip = Math.max(roundTrip, maxAbsDiff(w, original[i]))));
    tf.dispose([...back, x]);
    cell.dispose();
    layer.dispose();
  }
  console.log(
    '\nParity with tfjs-layers (m = 4, T = 7, n_x = 3, n_a = 5, non-zero biases; max over returnSequences true/false):\n' +
      `max |scratch - tfjs| = ${Object.entries(worst)
        .map(([k, d]) => `${e(d)} (${k})`)
        .join(', ')}; round trip tfjs -> scratch -> tfjs max |diff| = ${roundTrip}`,
  );
  return Object.values(worst).filter((d) => d >= 1e-5).length + (roundTrip === 0 ? 0 : 1);
}

/** scratch-to-tfjs.spec.ts: m = 3, T = 6, n_x = 4, non-zero biases (seed 11), x seed 12. */
async function scratchToOnnx() {
  const [m, T, nX] = [3, 6, 4];
  const cases = [
    [
      'LSTM (sequences) → TimeDistributedDense',
      () => [
        new LSTM({ units: 5, inputDim: nX, returnSequences: true, seed: 1 }),
        new TimeDistributedDense({ units: 3, seed: 2 }),
      ],
    ],
    [
      'GRU (sequences) → TimeDistributedDense',
      () => [
        new GRU({ units: 5, inputDim: nX, returnSequences: true, seed: 3 }),
        new TimeDistributedDense({ units: 3, seed: 4 }),
      ],
    ],
    [
      'SimpleRNN (last) → Dense → Tanh → Dense',
      () => [
        new SimpleRNN({ units: 5, inputDim: nX, seed: 5 }),
        new Dense({ units: 4, seed: 6 }),
        new Tanh(),
        new Dense({ units: 2, seed: 7 }),
      ],
    ],
  ];
  console.log('\nScratch → tfjs-layers → ONNX (m = 3, T = 6, n_x = 4, non-zero biases):\n');
  console.log('| scratch model | \\|tfjs − scratch\\| | \\|onnx − tfjs\\| | \\|onnx − scratch\\| |\n|---|---|---|---|');
  let failed = 0;
  for (const [label, layers] of cases) {
    const scratch = new ScratchSequential(layers()).build([T, nX]);
    Object.entries(scratch.params()).forEach(([key, v], i) => {
      if (/\.b\w?$/.test(key)) v.assign(tf.randomNormal(v.shape, 0, 0.5, 'float32', 11 + i));
    });
    const model = scratchToTfjs(scratch, { inputShape: [null, nX], name: 'fromScratch' });
    const x = tf.randomNormal([m, T, nX], 0, 1, 'float32', 12);
    const ours = scratch.predict(x);
    const tfjsOut = model.predict(x);
    const dTfjs = maxAbsDiff(ours, tfjsOut);
    const { maxAbsDiff: dOnnx } = await onnxParity(model, x);
    const session = await loadOnnx(exportToOnnx(model), { label });
    const out = await session.run({ [session.inputNames[0]]: { data: x.dataSync(), shape: x.shape } });
    const dScratchOnnx = maxAbsDiff(Float32Array.from(out[session.outputNames[0]].data), ours);
    await session.dispose();
    if (dTfjs >= 1e-5 || dOnnx >= 1e-4 || dScratchOnnx >= 1e-4) failed++;
    console.log(`| ${label} | ${e(dTfjs)} | ${e(dOnnx)} | ${e(dScratchOnnx)} |`);
    tf.dispose([x, ours, tfjsOut]);
    model.dispose();
    scratch.dispose();
  }
  return failed;
}

async function main() {
  await initBackend();
  const failed = (await gradientChecks()) + plantedBugs() + tfjsParity() + (await scratchToOnnx());
  if (failed > 0) {
    console.error(`${failed} checks outside their bounds`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
