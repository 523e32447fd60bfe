/**
 * ONNX exporters of the transformer layers, for core's `exporters` option:
 *
 *   exportToOnnx(model, { exporters: TRANSFORMER_ONNX_EXPORTERS })
 *
 * One row per layer class (tfjs class name → exporter); each reads the layer's own weights and
 * writes the nodes of onnx-blocks.ts (MatMul, Softmax, LayerNormalization, Erf for gelu, the
 * masks as additive biases). Padding masks may be float32 or int32 model inputs (int64 in ONNX,
 * as a tokenizer's attention_mask). Batch and sequence axes stay dynamic; dropout is the identity.
 */
import { OnnxLayerExportContext, OnnxLayerExporter, OnnxValue } from '@dlkit/core';
import { splitSequencesAndMasks } from './block-layer';
import { LayerNorm } from './layer-norm-layer';
import { SeededDropout } from './seeded-dropout';
import { onnxAttend, onnxFeedForward, onnxFloatValue, onnxLayerNorm, onnxResidual, onnxWeight } from './onnx-blocks';
import { MultiHeadAttention } from './multi-head-attention';
import { PositionalEncoding } from './positional-encoding';
import { PositionwiseFeedForward } from './feed-forward';
import { decoderMasks, TransformerDecoderLayer } from './transformer-decoder-layer';
import { TransformerEncoderLayer } from './transformer-encoder-layer';
import { TransformerLayer } from './transformer-layer';

/** Sequences (logical layout, float) and masks of an exporter's inputs. */
function splitInputs(ctx: OnnxLayerExportContext, counts: Parameters<typeof splitSequencesAndMasks>[2]) {
  const { seqs, masks } = splitSequencesAndMasks(ctx.name, ctx.inputs, counts);
  return { seqs: seqs.map((v) => ctx.g.toLayout(v, null).name), masks };
}

const multiHeadAttention: OnnxLayerExporter = (ctx) => {
  const layer = ctx.layer as MultiHeadAttention;
  const { seqs, masks } = splitInputs(ctx, { sequences: [1, 3], masks: [0, 1] });
  const [query, value = query, key = value] = seqs;
  const { numHeads, keyDim, valueDim, causal } = layer;
  const o = { numHeads, keyDim, valueDim, causal, keyMask: masks[0] };
  const { output, weights } = onnxAttend(ctx.g, ctx.name, layer.projections(), query, key, value, o);
  const out = onnxFloatValue(output, ctx.outputShapes[0]);
  return layer.returnAttentionWeights ? [out, onnxFloatValue(weights, ctx.outputShapes[1])] : out;
};

/** x [B, T, D] + table[0..T): the table sliced to the run-time length. */
const positionalEncoding: OnnxLayerExporter = (ctx) => {
  const { g, name } = ctx;
  const layer = ctx.layer as PositionalEncoding;
  const x = splitInputs(ctx, { sequences: [1, 1], masks: [0, 0] }).seqs[0];
  const shape = g.op('Shape', [x], {}, `${name}/Shape`);
  const length = g.op(
    'Slice',
    [shape, g.int64Constant([1], 'start_1'), g.int64Constant([2], 'end_2')],
    {},
    `${name}/Length`,
  ); // [1]
  const table = onnxWeight(g, `${name}/embeddings`, layer.positionTable());
  const rows = g.op(
    'Slice',
    [table, g.int64Constant([0], 'start_0'), length, g.int64Constant([0], 'axes_0')],
    {},
    `${name}/Rows`,
  ); // [T, D]
  return onnxFloatValue(g.op('Add', [x, rows], {}, `${name}/Add`), ctx.outputShapes[0]);
};

const layerNormLayer: OnnxLayerExporter = (ctx) => {
  const layer = ctx.layer as LayerNorm;
  const x = splitInputs(ctx, { sequences: [1, 1], masks: [0, 0] }).seqs[0];
  return onnxFloatValue(onnxLayerNorm(ctx.g, ctx.name, x, layer.normWeights(), layer.epsilon), ctx.outputShapes[0]);
};

const positionwiseFeedForward: OnnxLayerExporter = (ctx) => {
  const layer = ctx.layer as PositionwiseFeedForward;
  const x = splitInputs(ctx, { sequences: [1, 1], masks: [0, 0] }).seqs[0];
  const y = onnxFeedForward(ctx.g, ctx.name, x, layer.feedForwardWeights(), layer.activation);
  return onnxFloatValue(y, ctx.outputShapes[0]);
};

/** Attention options of a transformer layer's self- or cross-attention. */
function layerAttention(layer: TransformerLayer, dModel: number, keyMask: OnnxValue | undefined, causal: boolean) {
  const headDim = dModel / layer.numHeads;
  return { numHeads: layer.numHeads, keyDim: headDim, valueDim: headDim, keyMask, causal };
}

function norm(layer: TransformerLayer, weights: Parameters<typeof onnxResidual>[3]['weights']) {
  return { weights, epsilon: layer.layerNormEpsilon, preNorm: layer.preNorm };
}

const transformerEncoderLayer: OnnxLayerExporter = (ctx) => {
  const { g, name } = ctx;
  const layer = ctx.layer as TransformerEncoderLayer;
  const w = layer.encoderWeights();
  const { seqs, masks } = splitInputs(ctx, { sequences: [1, 1], masks: [0, 1] });
  const d = ctx.inputs[0].shape[2] as number;
  const self = layerAttention(layer, d, masks[0], layer.causal);
  let x = onnxResidual(
    g,
    `${name}/sa`,
    seqs[0],
    norm(layer, w.norm1),
    (y) => onnxAttend(g, `${name}/self_attention`, w.selfAttention, y, y, y, self).output,
  );
  x = onnxResidual(g, `${name}/ff`, x, norm(layer, w.norm2), (y) =>
    onnxFeedForward(g, `${name}/ffn`, y, w.ffn, layer.activation),
  );
  return onnxFloatValue(x, ctx.outputShapes[0]);
};

const transformerDecoderLayer: OnnxLayerExporter = (ctx) => {
  const { g, name } = ctx;
  const layer = ctx.layer as TransformerDecoderLayer;
  const w = layer.decoderWeights();
  const { seqs, masks } = splitInputs(ctx, { sequences: [2, 2], masks: [0, 2] });
  const [target, memory] = seqs;
  const { targetMask, memoryMask } = decoderMasks(masks);
  const d = ctx.inputs[0].shape[2] as number;
  const self = layerAttention(layer, d, targetMask, layer.causal);
  const cross = layerAttention(layer, d, memoryMask, false);
  let x = onnxResidual(
    g,
    `${name}/sa`,
    target,
    norm(layer, w.norm1),
    (y) => onnxAttend(g, `${name}/self_attention`, w.selfAttention, y, y, y, self).output,
  );
  x = onnxResidual(
    g,
    `${name}/ca`,
    x,
    norm(layer, w.norm2),
    (y) => onnxAttend(g, `${name}/cross_attention`, w.crossAttention, y, memory, memory, cross).output,
  );
  x = onnxResidual(g, `${name}/ff`, x, norm(layer, w.norm3), (y) =>
    onnxFeedForward(g, `${name}/ffn`, y, w.ffn, layer.activation),
  );
  return onnxFloatValue(x, ctx.outputShapes[0]);
};

/** tfjs class name → exporter, for `exportToOnnx(model, { exporters: TRANSFORMER_ONNX_EXPORTERS })`. */
export const TRANSFORMER_ONNX_EXPORTERS: Readonly<Record<string, OnnxLayerExporter>> = {
  [LayerNorm.className]: layerNormLayer,
  // the identity at inference: the input value passes through
  [SeededDropout.className]: (ctx) => ctx.inputs[0],
  [MultiHeadAttention.className]: multiHeadAttention,
  [PositionalEncoding.className]: positionalEncoding,
  [PositionwiseFeedForward.className]: positionwiseFeedForward,
  [TransformerDecoderLayer.className]: transformerDecoderLayer,
  [TransformerEncoderLayer.className]: transformerEncoderLayer,
};
