/**
 * ONNX export of LSTM, GRU, SimpleRNN, RNN(cell), Bidirectional and TimeDistributed(Dense):
 * each model gets seeded non-trivial weights, is exported, run in onnxruntime-node and compared
 * with tfjs `model.predict` on the same batch of different sequences (max |diff| <= 1e-4).
 * A failure message names the case and its diff.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../backend/init';
import { Rng } from '../../../data/rng';
import { expectNoLeak } from '../../../testing';
import { exportToOnnx } from '../export';
import { onnxParity } from '../parity';
import { decodeModel } from '../proto/decode';
import { onnxGateBias, onnxGateMatrix } from './recurrent';

const TOLERANCE = 1e-4;

beforeAll(() => initBackend());

/** Seeded weights: matrices ~ N(0, 1/fanIn) (fanIn = rows), vectors ~ N(0, 0.5) (so gates are not saturated), variances 0.5 + |N(0, 0.5)|. */
function seedWeights(model: tf.LayersModel, seed: number): void {
  const rng = new Rng(seed);
  const values = model.weights.map((w) => {
    const shape = w.shape as number[];
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
function sequences(shape: number[], seed: number): tf.Tensor {
  const rng = new Rng(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal(0, 1)),
    shape,
  );
}

/** Exports, runs both runtimes, asserts and records the largest difference. */
async function check(label: string, model: tf.LayersModel, xs: tf.Tensor[]): Promise<void> {
  seedWeights(model, label.length * 7919 + 17);
  try {
    const { maxAbsDiff } = await onnxParity(model, xs);
    expect(maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
    // The batch rows are different sequences, so their outputs must differ (not a degenerate check).
    const y = model.predict(xs) as tf.Tensor | tf.Tensor[];
    const first = Array.isArray(y) ? y[0] : y;
    const rows = first.unstack();
    expect(rows[0].sub(rows[1]).abs().max().dataSync()[0]).toBeGreaterThan(1e-3);
    tf.dispose([y, rows].flat());
  } finally {
    tf.dispose(xs);
  }
}

/** A one-recurrent-layer model on [B, T, n] inputs. */
function single(layer: tf.layers.Layer, T: number, n: number): tf.LayersModel {
  const x = tf.input({ shape: [T, n] });
  const y = layer.apply(x) as tf.SymbolicTensor | tf.SymbolicTensor[];
  return tf.model({ inputs: x, outputs: y });
}

const B = 3;
const T = 6;
const N = 4;

describe('gate-order mapping', () => {
  it('LSTM kernel blocks i, f, c, o become ONNX rows i, o, f, c (transposed)', () => {
    // kernel [n = 2, 4 h] with h = 1: column g holds gate g's weights (10 g + input index).
    const kernel = { shape: [2, 4], data: Float32Array.from([0, 10, 20, 30, 1, 11, 21, 31]) };
    // ONNX W [4 h, n]: rows i, o, f, c.
    expect(Array.from(onnxGateMatrix(kernel, [0, 3, 1, 2], 1))).toEqual([0, 1, 30, 31, 10, 11, 20, 21]);
    // bias [4 h] → [8 h]: Wb in ONNX order, then Rb = 0.
    expect(Array.from(onnxGateBias({ shape: [4], data: Float32Array.from([1, 2, 3, 4]) }, [0, 3, 1, 2], 1))).toEqual([
      1, 4, 2, 3, 0, 0, 0, 0,
    ]);
  });
  it('GRU keeps z, r, h; blocks of h > 1 units move as a whole', () => {
    const kernel = { shape: [1, 6], data: Float32Array.from([1, 2, 3, 4, 5, 6]) };
    expect(Array.from(onnxGateMatrix(kernel, [0, 1, 2], 2))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      Array.from(onnxGateMatrix({ shape: [1, 8], data: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]) }, [0, 3, 1, 2], 2)),
    ).toEqual([1, 2, 7, 8, 3, 4, 5, 6]);
  });
});

describe('LSTM', () => {
  it('last output, default activations (tanh, hardSigmoid)', async () => {
    await check('LSTM last output (tanh/hardSigmoid)', single(tf.layers.lstm({ units: 5 }), T, N), [
      sequences([B, T, N], 1),
    ]);
  });
  it('returnSequences + returnState with a sigmoid recurrent activation', async () => {
    await check(
      'LSTM seq+state sigmoid',
      single(
        tf.layers.lstm({ units: 5, returnSequences: true, returnState: true, recurrentActivation: 'sigmoid' }),
        T,
        N,
      ),
      [sequences([B, T, N], 2)],
    );
  });
  it('goBackwards, returnSequences (outputs in processing order, as tfjs)', async () => {
    await check(
      'LSTM goBackwards seq',
      single(tf.layers.lstm({ units: 4, returnSequences: true, goBackwards: true }), T, N),
      [sequences([B, T, N], 3)],
    );
  });
  it('no bias, relu activation, dropout (identity at inference)', async () => {
    await check(
      'LSTM no-bias relu dropout',
      single(
        tf.layers.lstm({ units: 4, useBias: false, activation: 'relu', dropout: 0.3, recurrentDropout: 0.2 }),
        T,
        N,
      ),
      [sequences([B, T, N], 4)],
    );
  });
  it('Embedding → LSTM → Dense softmax on token ids', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 11, outputDim: 6, inputLength: 7 }),
        tf.layers.lstm({ units: 8 }),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    const ids = tf.tensor2d([
      [1, 2, 3, 4, 5, 6, 7],
      [10, 9, 8, 0, 0, 1, 2],
      [3, 3, 3, 3, 3, 3, 3],
      [0, 5, 10, 5, 0, 5, 10],
    ]);
    await check('Embedding-LSTM-Dense softmax', model, [ids]);
  });
  it('a character-LM-sized stack: 40 steps, batch 8, Embedding(50, 16) → LSTM(64) → LSTM(64) → Dense(50)', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 50, outputDim: 16, inputLength: 40 }),
        // (glorot instead of the default orthogonal init only to skip tfjs's slow-init warning: the weights are seeded below)
        tf.layers.lstm({ units: 64, returnSequences: true, recurrentInitializer: 'glorotUniform' }),
        tf.layers.lstm({ units: 64, recurrentInitializer: 'glorotUniform' }),
        tf.layers.dense({ units: 50 }),
      ],
    });
    const rng = new Rng(32);
    const ids = tf.tensor2d(
      Float32Array.from({ length: 8 * 40 }, () => rng.int(50)),
      [8, 40],
    );
    await check('char-LM size: Embedding-LSTM64-LSTM64-Dense, T=40, B=8', model, [ids]);
  });
  it('stacked LSTMs: the time-major Transposes around each layer, two LSTM nodes', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.lstm({ inputShape: [T, N], units: 6, returnSequences: true }),
        tf.layers.lstm({ units: 5, returnSequences: true }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) }),
      ],
    });
    await check('LSTM-LSTM-TimeDistributed(Dense)', model, [sequences([B, T, N], 5)]);
    const ops = decodeModel(exportToOnnx(model)).graph.node.map((n) => n.opType);
    expect(ops.filter((o) => o === 'Transpose')).toHaveLength(4);
    expect(ops.filter((o) => o === 'LSTM')).toHaveLength(2);
  });
  it('initial states given as model inputs (an encoder-decoder handoff)', async () => {
    const x = tf.input({ shape: [T, N] });
    const h0 = tf.input({ shape: [5] });
    const c0 = tf.input({ shape: [5] });
    const y = tf.layers
      .lstm({ units: 5, returnSequences: true })
      .apply(x, { initialState: [h0, c0] }) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [x, h0, c0], outputs: y });
    await check('LSTM initial states', model, [sequences([B, T, N], 6), sequences([B, 5], 7), sequences([B, 5], 8)]);
  });
  it('batch 1 and a fixed-batch export give the same numbers', async () => {
    const model = single(tf.layers.lstm({ units: 3, returnSequences: true }), T, N);
    seedWeights(model, 9);
    const x = sequences([1, T, N], 10);
    const { maxAbsDiff } = await onnxParity(model, x, { batchSize: 1 });
    x.dispose();
    expect(maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('GRU', () => {
  it('returnSequences → TimeDistributed(Dense)', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.gru({ inputShape: [T, N], units: 6, returnSequences: true }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, activation: 'tanh' }) }),
      ],
    });
    await check('GRU seq-TimeDistributed(Dense tanh)', model, [sequences([B, T, N], 11)]);
  });
  it('last output + state, goBackwards, sigmoid recurrent activation', async () => {
    await check(
      'GRU goBackwards state sigmoid',
      single(tf.layers.gru({ units: 5, returnState: true, goBackwards: true, recurrentActivation: 'sigmoid' }), T, N),
      [sequences([B, T, N], 12)],
    );
  });
  it('no bias, softsign / elu activations', async () => {
    await check(
      'GRU no-bias softsign',
      single(tf.layers.gru({ units: 4, useBias: false, activation: 'softsign' }), T, N),
      [sequences([B, T, N], 13)],
    );
    await check(
      'GRU elu/hardSigmoid seq',
      single(tf.layers.gru({ units: 4, activation: 'elu', returnSequences: true }), T, N),
      [sequences([B, T, N], 14)],
    );
  });
});

describe('SimpleRNN and RNN(cell)', () => {
  it('SimpleRNN tanh, last output', async () => {
    await check('SimpleRNN tanh last', single(tf.layers.simpleRNN({ units: 5 }), T, N), [sequences([B, T, N], 15)]);
  });
  it('SimpleRNN relu / linear / softplus, sequences, goBackwards, state', async () => {
    await check(
      'SimpleRNN relu seq goBackwards',
      single(tf.layers.simpleRNN({ units: 4, activation: 'relu', returnSequences: true, goBackwards: true }), T, N),
      [sequences([B, T, N], 16)],
    );
    await check(
      'SimpleRNN linear seq+state',
      single(tf.layers.simpleRNN({ units: 3, activation: 'linear', returnSequences: true, returnState: true }), T, N),
      [sequences([B, T, N], 17)],
    );
    await check(
      'SimpleRNN softplus no-bias',
      single(tf.layers.simpleRNN({ units: 3, activation: 'softplus', useBias: false }), T, N),
      [sequences([B, T, N], 18)],
    );
  });
  it('RNN({cell: lstmCell}) and RNN({cell: gruCell})', async () => {
    await check(
      'RNN(LSTMCell) seq',
      single(tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 4 }), returnSequences: true }), T, N),
      [sequences([B, T, N], 19)],
    );
    await check('RNN(GRUCell) last', single(tf.layers.rnn({ cell: tf.layers.gruCell({ units: 4 }) }), T, N), [
      sequences([B, T, N], 20),
    ]);
  });
});

describe('Bidirectional', () => {
  it('LSTM, concat, returnSequences → TimeDistributed(Dense)', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.bidirectional({
          inputShape: [T, N],
          layer: tf.layers.lstm({ units: 5, returnSequences: true }) as tf.RNN,
          mergeMode: 'concat',
        }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) }),
      ],
    });
    await check('Bidirectional(LSTM) concat seq-TimeDistributed', model, [sequences([B, T, N], 21)]);
  });
  it.each(['sum', 'mul', 'ave', 'concat'] as const)('GRU, last output, mergeMode %s', async (mergeMode) => {
    const model = single(tf.layers.bidirectional({ layer: tf.layers.gru({ units: 4 }) as tf.RNN, mergeMode }), T, N);
    await check(`Bidirectional(GRU) ${mergeMode} last`, model, [sequences([B, T, N], 22)]);
  });
  it('SimpleRNN, ave, returnSequences', async () => {
    const model = single(
      tf.layers.bidirectional({
        layer: tf.layers.simpleRNN({ units: 4, returnSequences: true }) as tf.RNN,
        mergeMode: 'ave',
      }),
      T,
      N,
    );
    await check('Bidirectional(SimpleRNN) ave seq', model, [sequences([B, T, N], 23)]);
  });
  it('mergeMode null: the forward and backward sequences as two outputs', async () => {
    const model = single(
      tf.layers.bidirectional({
        layer: tf.layers.gru({ units: 3, returnSequences: true }) as tf.RNN,
        mergeMode: null as unknown as 'concat',
      }),
      T,
      N,
    );
    expect(model.outputs).toHaveLength(2);
    await check('Bidirectional(GRU) no merge seq', model, [sequences([B, T, N], 26)]);
  });
  it('initial states for both directions (forward h, c, then backward h, c)', async () => {
    const x = tf.input({ shape: [T, N] });
    const states = [0, 1, 2, 3].map(() => tf.input({ shape: [3] }));
    const y = tf.layers
      .bidirectional({ layer: tf.layers.lstm({ units: 3, returnSequences: true }) as tf.RNN })
      .apply(x, { initialState: states }) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [x, ...states], outputs: y });
    await check('Bidirectional(LSTM) initial states', model, [
      sequences([B, T, N], 27),
      ...[28, 29, 30, 31].map((s) => sequences([B, 3], s)),
    ]);
  });
  it('LSTM, returnState: merged output then h, c forward and backward', async () => {
    const model = single(
      tf.layers.bidirectional({
        layer: tf.layers.lstm({ units: 3, returnSequences: true, returnState: true }) as tf.RNN,
        mergeMode: 'mul',
      }),
      T,
      N,
    );
    expect(model.outputs).toHaveLength(5);
    await check('Bidirectional(LSTM) mul seq+state', model, [sequences([B, T, N], 24)]);
  });
});

describe('layers after a returned sequence (handed on in the tfjs layout [B, T, h])', () => {
  const consumers: Record<string, () => tf.layers.Layer> = {
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
  it.each(Object.keys(consumers))('LSTM(returnSequences) → %s', async (name) => {
    const x = tf.input({ shape: [T, N] });
    const h = tf.layers.lstm({ units: 4, returnSequences: true }).apply(x) as tf.SymbolicTensor;
    const model = tf.model({ inputs: x, outputs: consumers[name]().apply(h) as tf.SymbolicTensor });
    await check(`LSTM seq → ${name}`, model, [sequences([B, T, N], 40)]);
  });
});

describe('errors and hygiene', () => {
  it('unsupported configurations name the layer and the option', () => {
    const stateful = tf.sequential({
      layers: [tf.layers.lstm({ batchInputShape: [2, T, N], units: 3, stateful: true, name: 'state_lstm' })],
    });
    expect(() => exportToOnnx(stateful)).toThrow(
      "ONNX export of layer 'state_lstm' (LSTM): stateful = true is not supported",
    );
    const selu = single(tf.layers.gru({ units: 3, activation: 'selu', name: 'selu_gru' }), T, N);
    expect(() => exportToOnnx(selu)).toThrow(/layer 'selu_gru' \(GRU\): activation 'selu' has no ONNX GRU equivalent/);
    const masked = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 5, outputDim: 2, inputLength: 4, maskZero: true, name: 'emb' }),
        tf.layers.simpleRNN({ units: 2, name: 'rnn' }),
      ],
    });
    expect(() => exportToOnnx(masked)).toThrow(
      /layer 'rnn' \(SimpleRNN\): its input comes from 'emb' \(Embedding maskZero\)/,
    );
    const td = tf.sequential({
      layers: [tf.layers.timeDistributed({ inputShape: [T, 4, 4, 1], layer: tf.layers.flatten(), name: 'td' })],
    });
    expect(() => exportToOnnx(td)).toThrow(
      /layer 'td' \(TimeDistributed\): only TimeDistributed\(Dense\) is supported, got TimeDistributed\(Flatten\)/,
    );
  });
  it('export and parity check leak no tensors', async () => {
    const model = single(tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 3 }) as tf.RNN }), T, N);
    const x = sequences([2, T, N], 25);
    await expectNoLeak(async () => {
      exportToOnnx(model);
      await onnxParity(model, x);
    });
    x.dispose();
  });
});
