#!/usr/bin/env node
/**
 * The parity table in docs/onnx-recurrent.md: the cases of src/io/onnx/ops/recurrent.spec.ts
 * (same models, same seeded weights and inputs), each exported to ONNX, run in onnxruntime-node
 * (1 thread) and compared with tfjs `model.predict`; prints max |onnx - tfjs| per case as the
 * doc's markdown table, then the largest. Exits 1 if a case exceeds the spec's bound 1e-4.
 * (The spec asserts the bound; this script only reports the numbers.)
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/core/bench/onnx-recurrent-parity.js
 */
const tf = require('@tensorflow/tfjs');
const { Rng, initBackend, onnxParity } = require('@dlkit/core');

const TOLERANCE = 1e-4;
const [B, T, N] = [3, 6, 4];

/** As the spec: matrices ~ N(0, 1/fanIn), vectors ~ N(0, 0.5), variances 0.5 + |N(0, 0.5)|. */
function seedWeights(model, seed) {
  const rng = new Rng(seed);
  const values = model.weights.map((w) => {
    const shape = w.shape;
    const n = shape.reduce((a, b) => a * b, 1);
    const std = shape.length > 1 ? 1 / Math.sqrt(shape[0]) : 0.5;
    const positive = (w.originalName ?? w.name).endsWith('moving_variance');
    return tf.tensor(
      Float32Array.from({ length: n }, () => (positive ? 0.5 + Math.abs(rng.normal(0, std)) : rng.normal(0, std))),
      shape,
    );
  });
  model.setWeights(values);
  tf.dispose(values);
}

/** A batch of different sequences, N(0, 1). */
function sequences(shape, seed) {
  const rng = new Rng(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal(0, 1)),
    shape,
  );
}

function single(layer) {
  const x = tf.input({ shape: [T, N] });
  return tf.model({ inputs: x, outputs: layer.apply(x) });
}

/**
 * [doc row, spec label (the weight seed is label.length * 7919 + 17, as in the spec), model, inputs].
 * Cases that share a doc row are joined with ' / ' (the 11 consumers as a range).
 */
function cases() {
  const list = [
    [
      'LSTM last output (tanh / hardSigmoid)',
      'LSTM last output (tanh/hardSigmoid)',
      () => single(tf.layers.lstm({ units: 5 })),
      () => [sequences([B, T, N], 1)],
    ],
    [
      'LSTM returnSequences + returnState, sigmoid',
      'LSTM seq+state sigmoid',
      () =>
        single(tf.layers.lstm({ units: 5, returnSequences: true, returnState: true, recurrentActivation: 'sigmoid' })),
      () => [sequences([B, T, N], 2)],
    ],
    [
      'LSTM goBackwards, sequences',
      'LSTM goBackwards seq',
      () => single(tf.layers.lstm({ units: 4, returnSequences: true, goBackwards: true })),
      () => [sequences([B, T, N], 3)],
    ],
    [
      'LSTM no bias, relu, dropout',
      'LSTM no-bias relu dropout',
      () =>
        single(tf.layers.lstm({ units: 4, useBias: false, activation: 'relu', dropout: 0.3, recurrentDropout: 0.2 })),
      () => [sequences([B, T, N], 4)],
    ],
    [
      'Embedding → LSTM → Dense softmax (token ids, batch 4)',
      'Embedding-LSTM-Dense softmax',
      () =>
        tf.sequential({
          layers: [
            tf.layers.embedding({ inputDim: 11, outputDim: 6, inputLength: 7 }),
            tf.layers.lstm({ units: 8 }),
            tf.layers.dense({ units: 3, activation: 'softmax' }),
          ],
        }),
      () => [
        tf.tensor2d([
          [1, 2, 3, 4, 5, 6, 7],
          [10, 9, 8, 0, 0, 1, 2],
          [3, 3, 3, 3, 3, 3, 3],
          [0, 5, 10, 5, 0, 5, 10],
        ]),
      ],
    ],
    [
      'Embedding(50,16) → LSTM(64) → LSTM(64) → Dense(50), T = 40, batch 8',
      'char-LM size: Embedding-LSTM64-LSTM64-Dense, T=40, B=8',
      () =>
        tf.sequential({
          layers: [
            tf.layers.embedding({ inputDim: 50, outputDim: 16, inputLength: 40 }),
            tf.layers.lstm({ units: 64, returnSequences: true, recurrentInitializer: 'glorotUniform' }),
            tf.layers.lstm({ units: 64, recurrentInitializer: 'glorotUniform' }),
            tf.layers.dense({ units: 50 }),
          ],
        }),
      () => {
        const rng = new Rng(32);
        return [
          tf.tensor2d(
            Float32Array.from({ length: 8 * 40 }, () => rng.int(50)),
            [8, 40],
          ),
        ];
      },
    ],
    [
      'LSTM → LSTM → TimeDistributed(Dense)',
      'LSTM-LSTM-TimeDistributed(Dense)',
      () =>
        tf.sequential({
          layers: [
            tf.layers.lstm({ inputShape: [T, N], units: 6, returnSequences: true }),
            tf.layers.lstm({ units: 5, returnSequences: true }),
            tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) }),
          ],
        }),
      () => [sequences([B, T, N], 5)],
    ],
    [
      'LSTM with initial states as inputs',
      'LSTM initial states',
      () => {
        const x = tf.input({ shape: [T, N] });
        const h0 = tf.input({ shape: [5] });
        const c0 = tf.input({ shape: [5] });
        const y = tf.layers.lstm({ units: 5, returnSequences: true }).apply(x, { initialState: [h0, c0] });
        return tf.model({ inputs: [x, h0, c0], outputs: y });
      },
      () => [sequences([B, T, N], 6), sequences([B, 5], 7), sequences([B, 5], 8)],
    ],
    // (the batch-1 case is measured separately below: fixed seed 9 and batchSize 1, as in the spec)
    [
      'GRU sequences → TimeDistributed(Dense tanh)',
      'GRU seq-TimeDistributed(Dense tanh)',
      () =>
        tf.sequential({
          layers: [
            tf.layers.gru({ inputShape: [T, N], units: 6, returnSequences: true }),
            tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, activation: 'tanh' }) }),
          ],
        }),
      () => [sequences([B, T, N], 11)],
    ],
    [
      'GRU goBackwards, returnState, sigmoid',
      'GRU goBackwards state sigmoid',
      () => single(tf.layers.gru({ units: 5, returnState: true, goBackwards: true, recurrentActivation: 'sigmoid' })),
      () => [sequences([B, T, N], 12)],
    ],
    [
      'GRU no bias, softsign',
      'GRU no-bias softsign',
      () => single(tf.layers.gru({ units: 4, useBias: false, activation: 'softsign' })),
      () => [sequences([B, T, N], 13)],
    ],
    [
      'GRU elu / hardSigmoid, sequences',
      'GRU elu/hardSigmoid seq',
      () => single(tf.layers.gru({ units: 4, activation: 'elu', returnSequences: true })),
      () => [sequences([B, T, N], 14)],
    ],
    [
      'SimpleRNN tanh, last output',
      'SimpleRNN tanh last',
      () => single(tf.layers.simpleRNN({ units: 5 })),
      () => [sequences([B, T, N], 15)],
    ],
    [
      'SimpleRNN relu, goBackwards, sequences',
      'SimpleRNN relu seq goBackwards',
      () => single(tf.layers.simpleRNN({ units: 4, activation: 'relu', returnSequences: true, goBackwards: true })),
      () => [sequences([B, T, N], 16)],
    ],
    [
      'SimpleRNN linear, sequences + state',
      'SimpleRNN linear seq+state',
      () => single(tf.layers.simpleRNN({ units: 3, activation: 'linear', returnSequences: true, returnState: true })),
      () => [sequences([B, T, N], 17)],
    ],
    [
      'SimpleRNN softplus, no bias',
      'SimpleRNN softplus no-bias',
      () => single(tf.layers.simpleRNN({ units: 3, activation: 'softplus', useBias: false })),
      () => [sequences([B, T, N], 18)],
    ],
    [
      'RNN(LSTMCell) sequences / RNN(GRUCell) last',
      'RNN(LSTMCell) seq',
      () => single(tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 4 }), returnSequences: true })),
      () => [sequences([B, T, N], 19)],
    ],
    [
      'RNN(LSTMCell) sequences / RNN(GRUCell) last',
      'RNN(GRUCell) last',
      () => single(tf.layers.rnn({ cell: tf.layers.gruCell({ units: 4 }) })),
      () => [sequences([B, T, N], 20)],
    ],
    [
      'Bidirectional(LSTM) concat → TimeDistributed(Dense)',
      'Bidirectional(LSTM) concat seq-TimeDistributed',
      () =>
        tf.sequential({
          layers: [
            tf.layers.bidirectional({
              inputShape: [T, N],
              layer: tf.layers.lstm({ units: 5, returnSequences: true }),
              mergeMode: 'concat',
            }),
            tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) }),
          ],
        }),
      () => [sequences([B, T, N], 21)],
    ],
    ...['sum', 'mul', 'ave', 'concat'].map((mergeMode) => [
      'Bidirectional(GRU) last output: sum / mul / ave / concat',
      `Bidirectional(GRU) ${mergeMode} last`,
      () => single(tf.layers.bidirectional({ layer: tf.layers.gru({ units: 4 }), mergeMode })),
      () => [sequences([B, T, N], 22)],
    ]),
    [
      'Bidirectional(SimpleRNN) ave, sequences',
      'Bidirectional(SimpleRNN) ave seq',
      () =>
        single(
          tf.layers.bidirectional({
            layer: tf.layers.simpleRNN({ units: 4, returnSequences: true }),
            mergeMode: 'ave',
          }),
        ),
      () => [sequences([B, T, N], 23)],
    ],
    [
      'Bidirectional(GRU) mergeMode null (two outputs)',
      'Bidirectional(GRU) no merge seq',
      () =>
        single(tf.layers.bidirectional({ layer: tf.layers.gru({ units: 3, returnSequences: true }), mergeMode: null })),
      () => [sequences([B, T, N], 26)],
    ],
    [
      'Bidirectional(LSTM) initial states for both directions',
      'Bidirectional(LSTM) initial states',
      () => {
        const x = tf.input({ shape: [T, N] });
        const states = [0, 1, 2, 3].map(() => tf.input({ shape: [3] }));
        const y = tf.layers
          .bidirectional({ layer: tf.layers.lstm({ units: 3, returnSequences: true }) })
          .apply(x, { initialState: states });
        return tf.model({ inputs: [x, ...states], outputs: y });
      },
      () => [sequences([B, T, N], 27), ...[28, 29, 30, 31].map((s) => sequences([B, 3], s))],
    ],
    [
      'Bidirectional(LSTM) mul, sequences + states (5 outputs)',
      'Bidirectional(LSTM) mul seq+state',
      () =>
        single(
          tf.layers.bidirectional({
            layer: tf.layers.lstm({ units: 3, returnSequences: true, returnState: true }),
            mergeMode: 'mul',
          }),
        ),
      () => [sequences([B, T, N], 24)],
    ],
  ];
  const consumers = {
    GlobalAveragePooling1D: () => tf.layers.globalAveragePooling1d({}),
    GlobalMaxPooling1D: () => tf.layers.globalMaxPooling1d({}),
    LayerNormalization: () => tf.layers.layerNormalization({}),
    BatchNormalization: () => tf.layers.batchNormalization({}),
    'Activation(softmax)': () => tf.layers.activation({ activation: 'softmax' }),
    Conv1D: () => tf.layers.conv1d({ filters: 2, kernelSize: 2 }),
    MaxPooling1D: () => tf.layers.maxPooling1d({ poolSize: 2 }),
    Flatten: () => tf.layers.flatten(),
    Permute: () => tf.layers.permute({ dims: [2, 1] }),
    Reshape: () => tf.layers.reshape({ targetShape: [12, 2] }),
    PReLU: () => tf.layers.prelu({}),
  };
  for (const [name, consumer] of Object.entries(consumers))
    list.push([
      'LSTM sequences → each of the 11 consumer layers listed above',
      `LSTM seq → ${name}`,
      () => {
        const x = tf.input({ shape: [T, N] });
        const h = tf.layers.lstm({ units: 4, returnSequences: true }).apply(x);
        return tf.model({ inputs: x, outputs: consumer().apply(h) });
      },
      () => [sequences([B, T, N], 40)],
    ]);
  return list;
}

async function main() {
  await initBackend();
  /** doc row -> [spec label, max abs diff][] */
  const rows = new Map();
  const add = (row, label, diff) => {
    if (!rows.has(row)) rows.set(row, []);
    rows.get(row).push([label, diff]);
  };
  for (const [row, label, build, inputs] of cases()) {
    const model = build();
    const xs = inputs();
    seedWeights(model, label.length * 7919 + 17);
    const { maxAbsDiff } = await onnxParity(model, xs);
    add(row, label, maxAbsDiff);
    tf.dispose(xs);
    model.dispose();
  }
  {
    // 'batch 1 and a fixed-batch export give the same numbers'
    const model = single(tf.layers.lstm({ units: 3, returnSequences: true }));
    seedWeights(model, 9);
    const x = sequences([1, T, N], 10);
    const { maxAbsDiff } = await onnxParity(model, x, { batchSize: 1 });
    x.dispose();
    model.dispose();
    // the doc lists it after the initial-states row
    const entries = [...rows];
    const at = entries.findIndex(([row]) => row === 'LSTM with initial states as inputs') + 1;
    entries.splice(at, 0, ['LSTM batch 1, fixed batch size', [['LSTM batch 1 (fixed batch size)', maxAbsDiff]]]);
    rows.clear();
    for (const [k, v] of entries) rows.set(k, v);
  }

  const fmt = (v) => v.toExponential(2);
  const all = [...rows.values()].flat();
  console.log(`ONNX recurrent export, max |onnx - tfjs| per case (${all.length} cases, ${tf.getBackend()} backend):\n`);
  for (const [label, diff] of all) console.log(`  ${label.padEnd(60)} ${fmt(diff)}`);
  console.log('\n| case | max abs diff |\n| --- | --- |');
  for (const [row, entries] of rows) {
    const values = entries.map(([, d]) => d);
    const cell =
      entries.length > 4
        ? `${Math.min(...values).toExponential(1)} to ${Math.max(...values).toExponential(1)}`
        : values.map(fmt).join(' / ');
    console.log(`| ${row} | ${cell} |`);
  }
  const worst = Math.max(...all.map(([, d]) => d));
  console.log(`\nLargest: ${fmt(worst)} (bound ${TOLERANCE}, ${(TOLERANCE / worst).toFixed(0)}x inside)`);
  if (worst > TOLERANCE) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
