/**
 * ONNX export of the transformer layers through core's `exporters` option: one exported file runs
 * in onnxruntime-node at two sequence lengths and batch sizes (dynamic axes), with int32 ids
 * (int64 in the graph), int32 and float32 padding masks, and matches tfjs within 1e-4.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeModel, exportToOnnx, initBackend, loadOnnx, OnnxDataType, onnxParity } from '@dlkit/core';
import { maxAbsDiff } from '@dlkit/core/testing';
import { toyInputs, toyTransformer } from './__fixtures__/toy-transformer';
import { MultiHeadAttention } from './multi-head-attention';
import { TRANSFORMER_ONNX_EXPORTERS } from './onnx-exporters';

const TOLERANCE = 1e-4;
const exporters = TRANSFORMER_ONNX_EXPORTERS;

beforeAll(() => initBackend());

describe.each([
  ['post-norm, relu', { preNorm: false, activation: 'relu' as const }],
  ['pre-norm, gelu', { preNorm: true, activation: 'gelu' as const }],
])('an encoder-decoder toy model (%s)', (_name, options) => {
  it('exports once and matches tfjs at two sequence lengths and batch sizes', async () => {
    const model = toyTransformer(options);
    const bytes = exportToOnnx(model, { exporters });
    const session = await loadOnnx(bytes, { intraOpNumThreads: 1 });
    try {
      // [batch, source length, target length]: two shapes through the same file.
      for (const [b, s, t] of [
        [2, 5, 4],
        [3, 9, 7],
      ]) {
        const xs = toyInputs(b, s, t, 10 * b + s);
        const expected = model.predict(xs) as tf.Tensor[];
        const feeds = Object.fromEntries(
          session.inputNames.map((name, i) => [
            name,
            {
              data:
                xs[i].dtype === 'int32'
                  ? BigInt64Array.from(xs[i].dataSync(), (v) => BigInt(v))
                  : (xs[i].dataSync() as Float32Array),
              shape: xs[i].shape,
            },
          ]),
        );
        const actual = await session.run(feeds);
        session.outputNames.forEach((name, i) => {
          expect(actual[name].shape).toEqual(expected[i].shape);
          expect(maxAbsDiff(actual[name].data as Float32Array, expected[i])).toBeLessThanOrEqual(TOLERANCE);
        });
        tf.dispose([...xs, ...expected]);
      }
    } finally {
      await session.dispose();
      model.dispose();
    }
  });
});

it('declares int64 ids and masks with symbolic batch and sequence axes, and the expected ops', () => {
  const model = toyTransformer({ activation: 'gelu' });
  const graph = decodeModel(exportToOnnx(model, { exporters })).graph;
  model.dispose();
  expect(graph.input.map((i) => [i.name, i.elemType, i.shape])).toEqual([
    ['src_ids', OnnxDataType.INT64, ['batch', 'src_ids_dim1']],
    ['src_mask', OnnxDataType.INT64, ['batch', 'src_mask_dim1']],
    ['tgt_ids', OnnxDataType.INT64, ['batch', 'tgt_ids_dim1']],
    ['tgt_mask', OnnxDataType.FLOAT, ['batch', 'tgt_mask_dim1']],
  ]);
  const ops = new Set(graph.node.map((n) => n.opType));
  for (const op of ['Gather', 'MatMul', 'Softmax', 'LayerNormalization', 'Erf', 'Range', 'Slice'])
    expect(ops).toContain(op);
});

it('exports a single MultiHeadAttention (self-attention, causal) with onnxParity', async () => {
  const x = tf.input({ shape: [null, 8] });
  const y = new MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 5, outputDim: 6, causal: true, seed: 1 }).apply(
    x,
  );
  const model = tf.model({ inputs: x, outputs: y as tf.SymbolicTensor });
  const input = tf.randomNormal([2, 7, 8], 0, 1, 'float32', 3);
  try {
    expect((await onnxParity(model, input, { exporters })).maxAbsDiff).toBeLessThanOrEqual(TOLERANCE);
  } finally {
    input.dispose();
    model.dispose();
  }
});
