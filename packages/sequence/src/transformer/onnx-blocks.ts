/**
 * The transformer math as ONNX nodes (opset 17): projections, multi-head attention with padding
 * and look-ahead masks, layer normalisation, the FFN and the residual sublayers, the same
 * computation in the same order as the tfjs code beside it. Batch and sequence lengths stay
 * symbolic: head splits are Reshape [0, 0, h, d] (0 copies a dimension), the causal mask is built
 * from Shape → Range at run time, and nothing depends on a sequence length.
 */
import * as tf from '@tensorflow/tfjs';
import { GraphBuilder, OnnxDataType, onnxAttr, OnnxValue } from '@dlkit/core';
import { MASKED_SCORE } from './attention';
import { AttentionProjections, Projection } from './attention-block';
import { FeedForwardActivation, FeedForwardWeights } from './feed-forward';
import { LayerNormWeights } from './layer-norm';

/** A tfjs variable as an ONNX initializer named `name`. */
export function onnxWeight(g: GraphBuilder, name: string, v: tf.LayerVariable): string {
  const t = v.read();
  return g.initializer(name, t.dataSync() as Float32Array, t.shape.slice());
}

/** A logical-layout float value of shape `shape` named by a node output. */
export function onnxFloatValue(name: string, shape: (number | null)[]): OnnxValue {
  return { name, shape, perm: null };
}

/** x [B, T, in] → x W + b [B, T, out]. */
export function onnxProject(g: GraphBuilder, name: string, x: string, p: Projection): string {
  const y = g.op('MatMul', [x, onnxWeight(g, `${name}/kernel`, p.kernel)], {}, `${name}/MatMul`);
  return p.bias ? g.op('Add', [y, onnxWeight(g, `${name}/bias`, p.bias)], {}, `${name}/BiasAdd`) : y;
}

/** A float copy of an integer (int64 ids-style) value; float values pass through. */
export function onnxFloat(g: GraphBuilder, name: string, v: OnnxValue): string {
  const x = g.toLayout(v, null).name;
  if (v.elemType === undefined || v.elemType === OnnxDataType.FLOAT) return x;
  return g.op('Cast', [x], { to: onnxAttr.int(OnnxDataType.FLOAT) }, `${name}/Cast`);
}

/** (mask − 1) · 1e9, as maskBias: 0 where 1, −1e9 where 0. */
function onnxMaskBias(g: GraphBuilder, name: string, mask: string): string {
  const minusOne = g.op('Sub', [mask, g.floatConstant([1])], {}, `${name}/Sub`);
  return g.op('Mul', [minusOne, g.floatConstant([-MASKED_SCORE])], {}, `${name}/Mul`);
}

/** The causal bias [T, T] of a sequence x [B, T, D], from its run-time length. */
function onnxCausalBias(g: GraphBuilder, name: string, x: string): string {
  const shape = g.op('Shape', [x], {}, `${name}/Shape`);
  const t = g.op(
    'Gather',
    [shape, g.int64Constant([1], 'axis1_scalar', [])],
    { axis: onnxAttr.int(0) },
    `${name}/Length`,
  );
  const positions = g.op(
    'Range',
    [g.int64Constant([0], 'zero_scalar', []), t, g.int64Constant([1], 'one_scalar', [])],
    {},
    `${name}/Range`,
  );
  const rows = g.op('Unsqueeze', [positions, g.int64Constant([1], 'axes_1')], {}, `${name}/Rows`); // [T, 1]
  const cols = g.op('Unsqueeze', [positions, g.int64Constant([0], 'axes_0')], {}, `${name}/Cols`); // [1, T]
  const allowed = g.op('GreaterOrEqual', [rows, cols], {}, `${name}/KeyNotAfterQuery`); // [T, T] bool
  const mask = g.op('Cast', [allowed], { to: onnxAttr.int(OnnxDataType.FLOAT) }, `${name}/Mask`);
  return onnxMaskBias(g, name, mask);
}

/** [B, T, h·d] → [B, h, T, d], or with `transposeKey` [B, h, d, T] (kᵀ for the scores). */
function splitHeads(
  g: GraphBuilder,
  name: string,
  x: string,
  numHeads: number,
  headDim: number,
  transposeKey = false,
): string {
  const r = g.op(
    'Reshape',
    [x, g.int64Constant([0, 0, numHeads, headDim], `${name}/heads_shape`)],
    {},
    `${name}/Reshape`,
  );
  return g.op(
    'Transpose',
    [r],
    { perm: onnxAttr.ints(transposeKey ? [0, 2, 3, 1] : [0, 2, 1, 3]) },
    `${name}/Transpose`,
  );
}

export interface OnnxAttendOptions {
  numHeads: number;
  keyDim: number;
  valueDim: number;
  /** The keys' padding mask [B, Tk] (float or int64). */
  keyMask?: OnnxValue;
  causal: boolean;
}

/** Multi-head attention (attention-block.ts's `attend`): returns the output [B, Tq, d_out] and weights [B, h, Tq, Tk]. */
export function onnxAttend(
  g: GraphBuilder,
  name: string,
  w: AttentionProjections,
  query: string,
  key: string,
  value: string,
  o: OnnxAttendOptions,
): { output: string; weights: string } {
  const q = splitHeads(g, `${name}/query`, onnxProject(g, `${name}/query`, query, w.query), o.numHeads, o.keyDim);
  const kT = splitHeads(g, `${name}/key`, onnxProject(g, `${name}/key`, key, w.key), o.numHeads, o.keyDim, true);
  const v = splitHeads(g, `${name}/value`, onnxProject(g, `${name}/value`, value, w.value), o.numHeads, o.valueDim);
  const raw = g.op('MatMul', [q, kT], {}, `${name}/Scores`); // [B, h, Tq, Tk]
  const scores = g.op('Mul', [raw, g.floatConstant([1 / Math.sqrt(o.keyDim)])], {}, `${name}/Scale`);
  const biases: string[] = [];
  if (o.keyMask) {
    const mask = onnxFloat(g, `${name}/key_mask`, o.keyMask);
    const bias = onnxMaskBias(g, `${name}/key_mask`, mask); // [B, Tk]
    biases.push(g.op('Unsqueeze', [bias, g.int64Constant([1, 2], 'axes_1_2')], {}, `${name}/key_mask/Unsqueeze`)); // [B, 1, 1, Tk]
  }
  if (o.causal) biases.push(onnxCausalBias(g, `${name}/causal`, query));
  const bias = biases.length === 2 ? g.op('Add', biases, {}, `${name}/Bias`) : biases[0];
  const masked = bias ? g.op('Add', [scores, bias], {}, `${name}/Masked`) : scores;
  const weights = g.op('Softmax', [masked], { axis: onnxAttr.int(-1) }, `${name}/Softmax`); // over Tk
  const heads = g.op('MatMul', [weights, v], {}, `${name}/Context`); // [B, h, Tq, d_v]
  const merged = g.op('Transpose', [heads], { perm: onnxAttr.ints([0, 2, 1, 3]) }, `${name}/MergeHeads`);
  const flat = g.op(
    'Reshape',
    [merged, g.int64Constant([0, 0, o.numHeads * o.valueDim], `${name}/merged_shape`)],
    {},
    `${name}/Merge`,
  );
  return { output: onnxProject(g, `${name}/output`, flat, w.output), weights };
}

/** ONNX LayerNormalization over the last axis with a layer's γ and β. */
export function onnxLayerNorm(g: GraphBuilder, name: string, x: string, w: LayerNormWeights, epsilon: number): string {
  return g.op(
    'LayerNormalization',
    [x, onnxWeight(g, `${name}/gamma`, w.gamma), onnxWeight(g, `${name}/beta`, w.beta)],
    { axis: onnxAttr.int(-1), epsilon: onnxAttr.float(epsilon) },
    `${name}/LayerNormalization`,
  );
}

/** gelu(x) = x · 0.5 · (1 + erf(x / √2)), as feed-forward.ts's gelu. */
function onnxGelu(g: GraphBuilder, name: string, x: string): string {
  const half = g.op('Mul', [x, g.floatConstant([0.5])], {}, `${name}/Half`);
  const erf = g.op('Erf', [g.op('Mul', [x, g.floatConstant([Math.SQRT1_2])], {}, `${name}/Scale`)], {}, `${name}/Erf`);
  return g.op('Mul', [half, g.op('Add', [erf, g.floatConstant([1])], {}, `${name}/OnePlus`)], {}, `${name}/Gelu`);
}

/** The position-wise FFN: [B, T, D] → [B, T, D]. */
export function onnxFeedForward(
  g: GraphBuilder,
  name: string,
  x: string,
  w: FeedForwardWeights,
  activation: FeedForwardActivation,
): string {
  const h = onnxProject(g, `${name}/inner`, x, w.inner);
  const a = activation === 'gelu' ? onnxGelu(g, `${name}/gelu`, h) : g.op('Relu', [h], {}, `${name}/Relu`);
  return onnxProject(g, `${name}/outer`, a, w.outer);
}

/** transformer-layer.ts's residual sublayer: post-norm norm(x + f(x)), pre-norm x + f(norm(x)). */
export function onnxResidual(
  g: GraphBuilder,
  name: string,
  x: string,
  norm: { weights: LayerNormWeights; epsilon: number; preNorm: boolean },
  f: (y: string) => string,
): string {
  if (norm.preNorm)
    return g.op('Add', [x, f(onnxLayerNorm(g, `${name}/norm`, x, norm.weights, norm.epsilon))], {}, `${name}/Residual`);
  return onnxLayerNorm(g, `${name}/norm`, g.op('Add', [x, f(x)], {}, `${name}/Residual`), norm.weights, norm.epsilon);
}
