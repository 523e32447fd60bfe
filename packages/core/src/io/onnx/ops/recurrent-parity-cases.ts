/**
 * The ONNX recurrent-export cases, one list for `recurrent.spec.ts` (which asserts max |onnx - tfjs|
 * <= 1e-4 per case) and `bench/onnx-recurrent-parity.js` (which prints the numbers of
 * docs/onnx-recurrent.md): LSTM, GRU, SimpleRNN, RNN(cell), Bidirectional, TimeDistributed(Dense)
 * and the layers that read a returned sequence, each with seeded non-trivial weights and a batch
 * of different sequences.
 *
 * @example
 * for (const c of RECURRENT_PARITY_CASES) {
 *   const model = c.model();
 *   seedWeights(model, caseSeed(c));
 *   const { maxAbsDiff } = await onnxParity(model, c.inputs(), { batchSize: c.batchSize });
 * }
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../../data/rng';

/** Batch, steps and features of the sequence inputs. */
export const RECURRENT_PARITY_SHAPE = { B: 3, T: 6, N: 4 } as const;
const { B, T, N } = RECURRENT_PARITY_SHAPE;

export interface RecurrentParityCase {
  /** The spec's test name; unless `seed` is given, the weight seed is derived from it (see {@link caseSeed}). */
  label: string;
  /** The spec's describe block. */
  group: string;
  /** The row of the table in docs/onnx-recurrent.md (cases that share a row are joined there). */
  docRow: string;
  model: () => tf.LayersModel;
  /** The model's inputs: [B, T, N] sequences (or token ids, or initial states). */
  inputs: () => tf.Tensor[];
  /** Weight seed. */
  seed?: number;
  /** Export with this fixed batch size (onnxParity's `batchSize`). */
  batchSize?: number;
}

/** The weight seed of a case: its own, or label.length * 7919 + 17. */
export function caseSeed(c: RecurrentParityCase): number {
  return c.seed ?? c.label.length * 7919 + 17;
}

/** Seeded weights: matrices ~ N(0, 1/fanIn) (fanIn = rows), vectors ~ N(0, 0.5) (so gates are not saturated), variances 0.5 + |N(0, 0.5)|. */
export function seedWeights(model: tf.LayersModel, seed: number): void {
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
export function sequences(shape: number[], seed: number): tf.Tensor {
  const rng = new Rng(seed);
  return tf.tensor(
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal(0, 1)),
    shape,
  );
}

/** A one-recurrent-layer model on [B, T, N] inputs. */
export function singleLayerModel(layer: tf.layers.Layer): tf.LayersModel {
  const x = tf.input({ shape: [T, N] });
  const y = layer.apply(x) as tf.SymbolicTensor | tf.SymbolicTensor[];
  return tf.model({ inputs: x, outputs: y });
}

/** A [B, T, N] batch of sequences drawn with `seed`. */
const batch = (seed: number) => () => [sequences([B, T, N], seed)];

const LSTM_CASES: Omit<RecurrentParityCase, 'group'>[] = [
  {
    label: 'LSTM last output (tanh/hardSigmoid)',
    docRow: 'LSTM last output (tanh / hardSigmoid)',
    model: () => singleLayerModel(tf.layers.lstm({ units: 5 })),
    inputs: batch(1),
  },
  {
    label: 'LSTM seq+state sigmoid',
    docRow: 'LSTM returnSequences + returnState, sigmoid',
    model: () =>
      singleLayerModel(
        tf.layers.lstm({ units: 5, returnSequences: true, returnState: true, recurrentActivation: 'sigmoid' }),
      ),
    inputs: batch(2),
  },
  {
    // outputs in processing order, as tfjs
    label: 'LSTM goBackwards seq',
    docRow: 'LSTM goBackwards, sequences',
    model: () => singleLayerModel(tf.layers.lstm({ units: 4, returnSequences: true, goBackwards: true })),
    inputs: batch(3),
  },
  {
    // dropout is the identity at inference
    label: 'LSTM no-bias relu dropout',
    docRow: 'LSTM no bias, relu, dropout',
    model: () =>
      singleLayerModel(
        tf.layers.lstm({ units: 4, useBias: false, activation: 'relu', dropout: 0.3, recurrentDropout: 0.2 }),
      ),
    inputs: batch(4),
  },
  {
    label: 'Embedding-LSTM-Dense softmax',
    docRow: 'Embedding → LSTM → Dense softmax (token ids, batch 4)',
    model: () =>
      tf.sequential({
        layers: [
          tf.layers.embedding({ inputDim: 11, outputDim: 6, inputLength: 7 }),
          tf.layers.lstm({ units: 8 }),
          tf.layers.dense({ units: 3, activation: 'softmax' }),
        ],
      }),
    inputs: () => [
      tf.tensor2d([
        [1, 2, 3, 4, 5, 6, 7],
        [10, 9, 8, 0, 0, 1, 2],
        [3, 3, 3, 3, 3, 3, 3],
        [0, 5, 10, 5, 0, 5, 10],
      ]),
    ],
  },
  {
    label: 'char-LM size: Embedding-LSTM64-LSTM64-Dense, T=40, B=8',
    docRow: 'Embedding(50,16) → LSTM(64) → LSTM(64) → Dense(50), T = 40, batch 8',
    model: () =>
      tf.sequential({
        layers: [
          tf.layers.embedding({ inputDim: 50, outputDim: 16, inputLength: 40 }),
          // (glorot instead of the default orthogonal init only to skip tfjs's slow-init warning: the weights are seeded)
          tf.layers.lstm({ units: 64, returnSequences: true, recurrentInitializer: 'glorotUniform' }),
          tf.layers.lstm({ units: 64, recurrentInitializer: 'glorotUniform' }),
          tf.layers.dense({ units: 50 }),
        ],
      }),
    inputs: () => {
      const rng = new Rng(32);
      return [
        tf.tensor2d(
          Float32Array.from({ length: 8 * 40 }, () => rng.int(50)),
          [8, 40],
        ),
      ];
    },
  },
  {
    // the time-major Transposes around each layer, two LSTM nodes
    label: 'LSTM-LSTM-TimeDistributed(Dense)',
    docRow: 'LSTM → LSTM → TimeDistributed(Dense)',
    model: () =>
      tf.sequential({
        layers: [
          tf.layers.lstm({ inputShape: [T, N], units: 6, returnSequences: true }),
          tf.layers.lstm({ units: 5, returnSequences: true }),
          tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) }),
        ],
      }),
    inputs: batch(5),
  },
  {
    // an encoder-decoder handoff
    label: 'LSTM initial states',
    docRow: 'LSTM with initial states as inputs',
    model: () => {
      const x = tf.input({ shape: [T, N] });
      const h0 = tf.input({ shape: [5] });
      const c0 = tf.input({ shape: [5] });
      const y = tf.layers
        .lstm({ units: 5, returnSequences: true })
        .apply(x, { initialState: [h0, c0] }) as tf.SymbolicTensor;
      return tf.model({ inputs: [x, h0, c0], outputs: y });
    },
    inputs: () => [sequences([B, T, N], 6), sequences([B, 5], 7), sequences([B, 5], 8)],
  },
  {
    // batch 1 and a fixed-batch export give the same numbers
    label: 'LSTM batch 1 (fixed batch size)',
    docRow: 'LSTM batch 1, fixed batch size',
    model: () => singleLayerModel(tf.layers.lstm({ units: 3, returnSequences: true })),
    inputs: () => [sequences([1, T, N], 10)],
    seed: 9,
    batchSize: 1,
  },
];

const GRU_CASES: Omit<RecurrentParityCase, 'group'>[] = [
  {
    label: 'GRU seq-TimeDistributed(Dense tanh)',
    docRow: 'GRU sequences → TimeDistributed(Dense tanh)',
    model: () =>
      tf.sequential({
        layers: [
          tf.layers.gru({ inputShape: [T, N], units: 6, returnSequences: true }),
          tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 3, activation: 'tanh' }) }),
        ],
      }),
    inputs: batch(11),
  },
  {
    label: 'GRU goBackwards state sigmoid',
    docRow: 'GRU goBackwards, returnState, sigmoid',
    model: () =>
      singleLayerModel(
        tf.layers.gru({ units: 5, returnState: true, goBackwards: true, recurrentActivation: 'sigmoid' }),
      ),
    inputs: batch(12),
  },
  {
    label: 'GRU no-bias softsign',
    docRow: 'GRU no bias, softsign',
    model: () => singleLayerModel(tf.layers.gru({ units: 4, useBias: false, activation: 'softsign' })),
    inputs: batch(13),
  },
  {
    label: 'GRU elu/hardSigmoid seq',
    docRow: 'GRU elu / hardSigmoid, sequences',
    model: () => singleLayerModel(tf.layers.gru({ units: 4, activation: 'elu', returnSequences: true })),
    inputs: batch(14),
  },
];

const SIMPLE_RNN_CASES: Omit<RecurrentParityCase, 'group'>[] = [
  {
    label: 'SimpleRNN tanh last',
    docRow: 'SimpleRNN tanh, last output',
    model: () => singleLayerModel(tf.layers.simpleRNN({ units: 5 })),
    inputs: batch(15),
  },
  {
    label: 'SimpleRNN relu seq goBackwards',
    docRow: 'SimpleRNN relu, goBackwards, sequences',
    model: () =>
      singleLayerModel(tf.layers.simpleRNN({ units: 4, activation: 'relu', returnSequences: true, goBackwards: true })),
    inputs: batch(16),
  },
  {
    label: 'SimpleRNN linear seq+state',
    docRow: 'SimpleRNN linear, sequences + state',
    model: () =>
      singleLayerModel(
        tf.layers.simpleRNN({ units: 3, activation: 'linear', returnSequences: true, returnState: true }),
      ),
    inputs: batch(17),
  },
  {
    label: 'SimpleRNN softplus no-bias',
    docRow: 'SimpleRNN softplus, no bias',
    model: () => singleLayerModel(tf.layers.simpleRNN({ units: 3, activation: 'softplus', useBias: false })),
    inputs: batch(18),
  },
  {
    label: 'RNN(LSTMCell) seq',
    docRow: 'RNN(LSTMCell) sequences / RNN(GRUCell) last',
    model: () => singleLayerModel(tf.layers.rnn({ cell: tf.layers.lstmCell({ units: 4 }), returnSequences: true })),
    inputs: batch(19),
  },
  {
    label: 'RNN(GRUCell) last',
    docRow: 'RNN(LSTMCell) sequences / RNN(GRUCell) last',
    model: () => singleLayerModel(tf.layers.rnn({ cell: tf.layers.gruCell({ units: 4 }) })),
    inputs: batch(20),
  },
];

const BIDIRECTIONAL_CASES: Omit<RecurrentParityCase, 'group'>[] = [
  {
    label: 'Bidirectional(LSTM) concat seq-TimeDistributed',
    docRow: 'Bidirectional(LSTM) concat → TimeDistributed(Dense)',
    model: () =>
      tf.sequential({
        layers: [
          tf.layers.bidirectional({
            inputShape: [T, N],
            layer: tf.layers.lstm({ units: 5, returnSequences: true }) as tf.RNN,
            mergeMode: 'concat',
          }),
          tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2 }) }),
        ],
      }),
    inputs: batch(21),
  },
  ...(['sum', 'mul', 'ave', 'concat'] as const).map((mergeMode) => ({
    label: `Bidirectional(GRU) ${mergeMode} last`,
    docRow: 'Bidirectional(GRU) last output: sum / mul / ave / concat',
    model: () => singleLayerModel(tf.layers.bidirectional({ layer: tf.layers.gru({ units: 4 }) as tf.RNN, mergeMode })),
    inputs: batch(22),
  })),
  {
    label: 'Bidirectional(SimpleRNN) ave seq',
    docRow: 'Bidirectional(SimpleRNN) ave, sequences',
    model: () =>
      singleLayerModel(
        tf.layers.bidirectional({
          layer: tf.layers.simpleRNN({ units: 4, returnSequences: true }) as tf.RNN,
          mergeMode: 'ave',
        }),
      ),
    inputs: batch(23),
  },
  {
    // the forward and backward sequences as two outputs
    label: 'Bidirectional(GRU) no merge seq',
    docRow: 'Bidirectional(GRU) mergeMode null (two outputs)',
    model: () =>
      singleLayerModel(
        tf.layers.bidirectional({
          layer: tf.layers.gru({ units: 3, returnSequences: true }) as tf.RNN,
          mergeMode: null as unknown as 'concat',
        }),
      ),
    inputs: batch(26),
  },
  {
    // forward h, c, then backward h, c
    label: 'Bidirectional(LSTM) initial states',
    docRow: 'Bidirectional(LSTM) initial states for both directions',
    model: () => {
      const x = tf.input({ shape: [T, N] });
      const states = [0, 1, 2, 3].map(() => tf.input({ shape: [3] }));
      const y = tf.layers
        .bidirectional({ layer: tf.layers.lstm({ units: 3, returnSequences: true }) as tf.RNN })
        .apply(x, { initialState: states }) as tf.SymbolicTensor;
      return tf.model({ inputs: [x, ...states], outputs: y });
    },
    inputs: () => [sequences([B, T, N], 27), ...[28, 29, 30, 31].map((s) => sequences([B, 3], s))],
  },
  {
    // merged output, then h, c forward and backward
    label: 'Bidirectional(LSTM) mul seq+state',
    docRow: 'Bidirectional(LSTM) mul, sequences + states (5 outputs)',
    model: () =>
      singleLayerModel(
        tf.layers.bidirectional({
          layer: tf.layers.lstm({ units: 3, returnSequences: true, returnState: true }) as tf.RNN,
          mergeMode: 'mul',
        }),
      ),
    inputs: batch(24),
  },
];

/** The layers that read a returned LSTM sequence (handed on in the tfjs layout [B, T, h]). */
const SEQUENCE_CONSUMERS: Record<string, () => tf.layers.Layer> = {
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

const CONSUMER_CASES: Omit<RecurrentParityCase, 'group'>[] = Object.entries(SEQUENCE_CONSUMERS).map(
  ([name, consumer]) => ({
    label: `LSTM seq → ${name}`,
    docRow: `LSTM sequences → each of the ${Object.keys(SEQUENCE_CONSUMERS).length} consumer layers listed above`,
    model: () => {
      const x = tf.input({ shape: [T, N] });
      const h = tf.layers.lstm({ units: 4, returnSequences: true }).apply(x) as tf.SymbolicTensor;
      return tf.model({ inputs: x, outputs: consumer().apply(h) as tf.SymbolicTensor });
    },
    inputs: batch(40),
  }),
);

const grouped = (group: string, cases: Omit<RecurrentParityCase, 'group'>[]) => cases.map((c) => ({ ...c, group }));

/** Every case, in the order of the spec and of the doc's table. */
export const RECURRENT_PARITY_CASES: readonly RecurrentParityCase[] = [
  ...grouped('LSTM', LSTM_CASES),
  ...grouped('GRU', GRU_CASES),
  ...grouped('SimpleRNN and RNN(cell)', SIMPLE_RNN_CASES),
  ...grouped('Bidirectional', BIDIRECTIONAL_CASES),
  ...grouped('layers after a returned sequence (handed on in the tfjs layout [B, T, h])', CONSUMER_CASES),
];
