/**
 * Multi-head attention as weights plus a function (Vaswani et al. 2017, section 3.2.2), shared by
 * the `MultiHeadAttention` layer and the encoder and decoder layers:
 *
 *   head_i = Attention(Q W_i^Q, K W_i^K, V W_i^V),  MultiHead(Q, K, V) = concat(head_1..h) W^O
 *
 * The h projections of one input are one kernel [d_in, h · d_head] whose column block i is head i,
 * as PyTorch's `in_proj_weight` rows and Keras' [d_in, h, d_head] kernels. Kernels are applied as
 * y = x W + b (tfjs Dense), so PyTorch's weight W_torch [out, in] (y = x W_torchᵀ + b) loads as its
 * transpose.
 */
import * as tf from '@tensorflow/tfjs';
import { attentionWeights, causalMask, maskBias } from './attention';
import { AddWeight, CallKwargs, trainingDropout, weightName } from './block-layer';

/** y = x W + b: kernel [in, out], optional bias [out]. */
export interface Projection {
  kernel: tf.LayerVariable;
  bias: tf.LayerVariable | null;
}

export interface AttentionProjections {
  query: Projection; // [d_q, h · d_k]
  key: Projection; // [d_kv, h · d_k]
  value: Projection; // [d_v_in, h · d_v]
  output: Projection; // [h · d_v, d_out]
}

export interface AttentionShape {
  numHeads: number;
  /** Size of each query/key head. */
  keyDim: number;
  /** Size of each value head. */
  valueDim: number;
  /** Feature sizes of the query, key and value inputs. */
  queryIn: number;
  keyIn: number;
  valueIn: number;
  outputDim: number;
  useBias: boolean;
}

/** Creates a projection `prefix/kernel` (Glorot) and `prefix/bias` (zeros). */
export function addProjection(
  add: AddWeight,
  prefix: string,
  inDim: number,
  outDim: number,
  useBias = true,
): Projection {
  return {
    kernel: add(`${prefix}/kernel`, [inDim, outDim], 'glorot'),
    bias: useBias ? add(`${prefix}/bias`, [outDim], 'zeros') : null,
  };
}

/** The four projections of an attention block, named `prefix/query/kernel`, ... `prefix/output/bias`. */
export function addAttentionWeights(add: AddWeight, prefix: string, s: AttentionShape): AttentionProjections {
  const p = (name: string, inDim: number, outDim: number) =>
    addProjection(add, weightName(prefix, name), inDim, outDim, s.useBias);
  return {
    query: p('query', s.queryIn, s.numHeads * s.keyDim),
    key: p('key', s.keyIn, s.numHeads * s.keyDim),
    value: p('value', s.valueIn, s.numHeads * s.valueDim),
    output: p('output', s.numHeads * s.valueDim, s.outputDim),
  };
}

/** x [B, T, in] → x W + b [B, T, out] (one 2D matmul over all B·T rows). */
export function project(x: tf.Tensor, p: Projection): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, d] = x.shape;
    const kernel = p.kernel.read() as tf.Tensor2D;
    let y: tf.Tensor = tf.matMul(tf.reshape(x, [b * t, d]), kernel); // [B·T, out]
    if (p.bias) y = tf.add(y, p.bias.read());
    return tf.reshape(y, [b, t, kernel.shape[1]]);
  });
}

/** [B, T, h · d] → [B, h, T, d] */
export function splitHeads(x: tf.Tensor3D, numHeads: number): tf.Tensor4D {
  const [b, t, hd] = x.shape;
  return tf.transpose(tf.reshape(x, [b, t, numHeads, hd / numHeads]), [0, 2, 1, 3]);
}

export interface AttendOptions {
  numHeads: number;
  /** Padding mask of the keys [B, Tk]: 1 = token, 0 = pad. */
  keyMask?: tf.Tensor;
  /** Look-ahead mask: query i attends to keys 0..i (needs Tq = Tk). */
  causal?: boolean;
  /** Dropout rate on the attention weights (training only). */
  dropout?: number;
}

/**
 * Multi-head attention of `query` [B, Tq, d_q] over `key` [B, Tk, d_kv] and `value` [B, Tk, d_v_in]:
 * returns the output [B, Tq, d_out] and the weights [B, h, Tq, Tk] (before dropout).
 */
export function attend(
  w: AttentionProjections,
  query: tf.Tensor,
  key: tf.Tensor,
  value: tf.Tensor,
  { numHeads, keyMask, causal = false, dropout = 0 }: AttendOptions,
  kwargs: CallKwargs = {},
): { output: tf.Tensor3D; weights: tf.Tensor4D } {
  return tf.tidy(() => {
    const [b, tq] = query.shape as [number, number, number];
    const tk = (key.shape as [number, number, number])[1];
    const q = splitHeads(project(query, w.query), numHeads); // [B, h, Tq, d_k]
    const k = splitHeads(project(key, w.key), numHeads); // [B, h, Tk, d_k]
    const v = splitHeads(project(value, w.value), numHeads); // [B, h, Tk, d_v]
    const bias = attentionBias(b, tq, tk, keyMask, causal); // broadcasts to [B, h, Tq, Tk]
    const weights = attentionWeights(q, k, bias) as tf.Tensor4D; // [B, h, Tq, Tk]
    const heads = tf.matMul(trainingDropout(weights, dropout, kwargs), v); // [B, h, Tq, d_v]
    const merged = tf.reshape(tf.transpose(heads, [0, 2, 1, 3]), [b, tq, -1]); // [B, Tq, h · d_v]
    return { output: project(merged, w.output), weights };
  });
}

/** The additive score bias of a key padding mask [B, Tk] and/or the causal mask: [B|1, 1, Tq|1, Tk], or undefined. */
function attentionBias(
  b: number,
  tq: number,
  tk: number,
  keyMask: tf.Tensor | undefined,
  causal: boolean,
): tf.Tensor | undefined {
  if (causal && tq !== tk) throw new Error(`causal attention needs as many queries as keys, got ${tq} and ${tk}`);
  if (keyMask && (keyMask.shape[0] !== b || keyMask.shape[1] !== tk))
    throw new Error(`padding mask must be [${b}, ${tk}] (batch, keys), got [${keyMask.shape}]`);
  const parts: tf.Tensor[] = [];
  if (keyMask) parts.push(tf.reshape(maskBias(keyMask), [b, 1, 1, tk]));
  if (causal) parts.push(tf.reshape(maskBias(causalMask(tq)), [1, 1, tq, tk]));
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : tf.add(parts[0], parts[1]);
}

/**
 * Attention of `query` [B, Tq, d_q] over keys and values already projected and split into heads
 * ([B, h, Tk, d_k], [B, h, Tk, d_v]: a decoder's key/value cache), with an optional score bias
 * broadcasting to [B, h, Tq, Tk]; the same math as `attend` without recomputing the keys and values.
 * Returns the output [B, Tq, d_out].
 */
export function attendCached(
  w: AttentionProjections,
  query: tf.Tensor,
  keys: tf.Tensor4D,
  values: tf.Tensor4D,
  numHeads: number,
  bias?: tf.Tensor,
): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, tq] = query.shape as [number, number, number];
    const q = splitHeads(project(query, w.query), numHeads); // [B, h, Tq, d_k]
    const weights = attentionWeights(q, keys, bias); // [B, h, Tq, Tk]
    const heads = tf.matMul(weights, values); // [B, h, Tq, d_v]
    return project(tf.reshape(tf.transpose(heads, [0, 2, 1, 3]), [b, tq, -1]), w.output); // [B, Tq, d_out]
  });
}
