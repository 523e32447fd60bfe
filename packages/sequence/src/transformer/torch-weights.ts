/**
 * PyTorch weights into the transformer layers: a state_dict of nn.MultiheadAttention,
 * nn.TransformerEncoderLayer or nn.TransformerDecoderLayer (names as PyTorch writes them, values
 * row-major) written into the matching tfjs layer, which must be built (called once) first.
 *
 * The mapping: `in_proj_weight` [3E, E] stacks W_q, W_k, W_v and PyTorch computes y = x Wᵀ + b,
 * so each block of rows becomes a kernel [E, E] by transposition (the same for out_proj, linear1,
 * linear2); LayerNorm weight/bias are γ/β. PyTorch's boolean masks are dlkit's masks negated
 * (True = pad there, 0 = pad here).
 *
 * @example
 * // state = JSON of {name: {shape, data}} written from Python: {k: {'shape': list(v.shape), 'data': v.flatten().tolist()}}
 * const enc = new TransformerEncoderLayer({ numHeads: 4, dff: 32 });
 * enc.apply(tf.zeros([1, 1, 16]));      // builds the weights
 * loadTorchEncoderLayer(enc, state);
 */
import * as tf from '@tensorflow/tfjs';
import { AttentionProjections, Projection } from './attention-block';
import { FeedForwardWeights } from './feed-forward';
import { LayerNormWeights } from './layer-norm';
import { MultiHeadAttention } from './multi-head-attention';
import { TransformerDecoderLayer } from './transformer-decoder-layer';
import { TransformerEncoderLayer } from './transformer-encoder-layer';

/** One PyTorch tensor: shape and row-major values. */
export interface TorchTensorJson {
  shape: number[];
  data: ArrayLike<number>;
}

/** A PyTorch state_dict by parameter name ('self_attn.in_proj_weight', 'norm1.bias', ...). */
export type TorchStateDict = Readonly<Record<string, TorchTensorJson>>;

function tensor(state: TorchStateDict, name: string): tf.Tensor {
  const t = state[name];
  if (!t) throw new Error(`PyTorch state_dict has no '${name}' (has: ${Object.keys(state).join(', ')})`);
  return tf.tensor(Array.from(t.data), t.shape, 'float32');
}

function write(variable: tf.LayerVariable, value: tf.Tensor, what: string): void {
  if (variable.shape.join(',') !== value.shape.join(','))
    throw new Error(`${what}: PyTorch shape maps to [${value.shape}], the layer's weight is [${variable.shape}]`);
  variable.write(value);
}

/** W [out, in] (y = x Wᵀ + b) and b [out] into a projection with kernel [in, out]. */
function loadLinear(p: Projection, weight: tf.Tensor, bias: tf.Tensor | null, what: string): void {
  tf.tidy(() => {
    write(p.kernel, tf.transpose(weight), `${what} weight`);
    if (p.bias && bias) write(p.bias, bias, `${what} bias`);
    else if (p.bias || bias) throw new Error(`${what}: the layer and the state_dict disagree on having a bias`);
  });
}

function loadAttention(w: AttentionProjections, state: TorchStateDict, prefix: string): void {
  tf.tidy(() => {
    const hasBias = `${prefix}in_proj_bias` in state;
    const packed = `${prefix}in_proj_weight` in state;
    const blocks = packed
      ? tf.split(tensor(state, `${prefix}in_proj_weight`), 3, 0) // W_q, W_k, W_v, each [E, E]
      : ['q', 'k', 'v'].map((n) => tensor(state, `${prefix}${n}_proj_weight`)); // kdim/vdim ≠ embed_dim
    const biases = hasBias ? tf.split(tensor(state, `${prefix}in_proj_bias`), 3, 0) : [null, null, null];
    (['query', 'key', 'value'] as const).forEach((name, i) =>
      loadLinear(w[name], blocks[i], biases[i], `${prefix}${name}`),
    );
    const outBias = `${prefix}out_proj.bias` in state ? tensor(state, `${prefix}out_proj.bias`) : null;
    loadLinear(w.output, tensor(state, `${prefix}out_proj.weight`), outBias, `${prefix}out_proj`);
  });
}

function loadFeedForward(w: FeedForwardWeights, state: TorchStateDict): void {
  tf.tidy(() => {
    loadLinear(w.inner, tensor(state, 'linear1.weight'), tensor(state, 'linear1.bias'), 'linear1');
    loadLinear(w.outer, tensor(state, 'linear2.weight'), tensor(state, 'linear2.bias'), 'linear2');
  });
}

function loadNorm(w: LayerNormWeights, state: TorchStateDict, prefix: string): void {
  tf.tidy(() => {
    write(w.gamma, tensor(state, `${prefix}.weight`), `${prefix}.weight`);
    write(w.beta, tensor(state, `${prefix}.bias`), `${prefix}.bias`);
  });
}

function built<T>(layer: tf.layers.Layer, get: () => T): T {
  if (!layer.built)
    throw new Error(`${layer.name}: call the layer once (to build its weights) before loading PyTorch weights`);
  return get();
}

/** nn.MultiheadAttention's state_dict into a built MultiHeadAttention (keyDim = embed_dim / num_heads). */
export function loadTorchMultiHeadAttention(layer: MultiHeadAttention, state: TorchStateDict): void {
  loadAttention(
    built(layer, () => layer.projections()),
    state,
    '',
  );
}

/** nn.TransformerEncoderLayer's state_dict into a built TransformerEncoderLayer. */
export function loadTorchEncoderLayer(layer: TransformerEncoderLayer, state: TorchStateDict): void {
  const w = built(layer, () => layer.encoderWeights());
  loadAttention(w.selfAttention, state, 'self_attn.');
  loadFeedForward(w.ffn, state);
  loadNorm(w.norm1, state, 'norm1');
  loadNorm(w.norm2, state, 'norm2');
}

/** nn.TransformerDecoderLayer's state_dict into a built TransformerDecoderLayer. */
export function loadTorchDecoderLayer(layer: TransformerDecoderLayer, state: TorchStateDict): void {
  const w = built(layer, () => layer.decoderWeights());
  loadAttention(w.selfAttention, state, 'self_attn.');
  loadAttention(w.crossAttention, state, 'multihead_attn.');
  loadFeedForward(w.ffn, state);
  loadNorm(w.norm1, state, 'norm1');
  loadNorm(w.norm2, state, 'norm2');
  loadNorm(w.norm3, state, 'norm3');
}
