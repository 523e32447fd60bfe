/**
 * ONNX export of LSTM, GRU, SimpleRNN, RNN(cell), Bidirectional and TimeDistributed(Dense):
 * each case of recurrent-parity-cases.ts (shared with bench/onnx-recurrent-parity.js) gets seeded
 * non-trivial weights, is exported, run in onnxruntime-node and compared with tfjs `model.predict`
 * on the same batch of different sequences (max |diff| <= 1e-4). A failure names the case and its diff.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../backend/init';
import { expectNoLeak } from '../../../testing';
import { exportToOnnx } from '../export';
import { onnxParity } from '../parity';
import { decodeModel } from '../proto/decode';
import { onnxGateBias, onnxGateMatrix } from './recurrent';
import {
  caseSeed,
  RECURRENT_PARITY_CASES,
  RECURRENT_PARITY_SHAPE,
  RecurrentParityCase,
  seedWeights,
  sequences,
  singleLayerModel,
} from './recurrent-parity-cases';

const TOLERANCE = 1e-4;
const { T, N } = RECURRENT_PARITY_SHAPE;

beforeAll(() => initBackend());

/** Exports, runs both runtimes and asserts the largest difference. */
async function check(c: RecurrentParityCase): Promise<void> {
  const model = c.model();
  const xs = c.inputs();
  seedWeights(model, caseSeed(c));
  try {
    const { maxAbsDiff } = await onnxParity(model, xs, { batchSize: c.batchSize });
    expect(maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
    if (xs[0].shape[0] === 1) return;
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

/** The model of the case with this label. */
function caseModel(label: string): tf.LayersModel {
  const c = RECURRENT_PARITY_CASES.find((k) => k.label === label);
  if (!c) throw new Error(`no recurrent parity case '${label}'`);
  return c.model();
}

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

describe.each([...new Set(RECURRENT_PARITY_CASES.map((c) => c.group))])('%s', (group) => {
  it.each(RECURRENT_PARITY_CASES.filter((c) => c.group === group).map((c) => [c.label, c] as const))(
    '%s',
    async (_label, c) => {
      await check(c);
    },
  );
});

describe('exported graphs', () => {
  it('stacked LSTMs: the time-major Transposes around each layer, two LSTM nodes', () => {
    const ops = decodeModel(exportToOnnx(caseModel('LSTM-LSTM-TimeDistributed(Dense)'))).graph.node.map(
      (n) => n.opType,
    );
    expect(ops.filter((o) => o === 'Transpose')).toHaveLength(4);
    expect(ops.filter((o) => o === 'LSTM')).toHaveLength(2);
  });
  it('Bidirectional: two outputs without a merge; merged output then h, c forward and backward with returnState', () => {
    expect(caseModel('Bidirectional(GRU) no merge seq').outputs).toHaveLength(2);
    expect(caseModel('Bidirectional(LSTM) mul seq+state').outputs).toHaveLength(5);
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
    const selu = singleLayerModel(tf.layers.gru({ units: 3, activation: 'selu', name: 'selu_gru' }));
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
    const model = singleLayerModel(tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 3 }) as tf.RNN }));
    const x = sequences([2, T, N], 25);
    await expectNoLeak(async () => {
      exportToOnnx(model);
      await onnxParity(model, x);
    });
    x.dispose();
  });
});
