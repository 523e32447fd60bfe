/**
 * ONNX export of the transformer layers through core's `exporters` option: one exported file runs
 * in onnxruntime-node at two sequence lengths and batch sizes (dynamic axes), with int32 ids
 * (int64 in the graph), int32 and float32 padding masks, and matches tfjs within 1e-4.
 */
import * as tf from '@tensorflow/tfjs';
import { decodeModel, exportToOnnx, initBackend, OnnxDataType, onnxParity } from '@dlkit/core';
import { TOY_ONNX_SHAPES, toyOnnxParity, toyTransformer } from './__fixtures__/toy-transformer';
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
    const rows = await toyOnnxParity(options);
    expect(rows.map((r) => [r.shape, r.output])).toEqual(
      TOY_ONNX_SHAPES.flatMap((shape) => [
        [shape, 'logits'],
        [shape, 'attention'],
      ]),
    );
    expect(rows.filter((r) => !(r.sameShape && r.maxAbsDiff <= TOLERANCE))).toEqual([]);
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
