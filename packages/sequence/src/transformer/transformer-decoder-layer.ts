/**
 * One transformer decoder layer (Vaswani et al. 2017, section 3.1; PyTorch's
 * nn.TransformerDecoderLayer with batch_first=True): masked self-attention, cross-attention over
 * the encoder's output (the memory), then the position-wise FFN, each a residual sublayer.
 * The self-attention is causal by default (`causal: false` turns the look-ahead mask off).
 *
 * Inputs: x [B, T, D], memory [B, S, D_mem], then padding masks: none, the memory's [B, S], or
 * the target's [B, T] and the memory's [B, S] (1 = token, 0 = pad). Output [B, T, D]. Weights:
 * `self_attention/*`, `cross_attention/*`, `ffn/*`, `norm1/*` (self), `norm2/*` (cross), `norm3/*` (FFN).
 *
 * @example
 * const y = tf.input({ shape: [null, 32] });   // [B, T, 32] target embeddings
 * const memory = tf.input({ shape: [null, 32] }); // [B, S, 32] encoder output
 * const dec = new TransformerDecoderLayer({ numHeads: 4, dff: 64, seed: 2 });
 * const h = dec.apply([y, memory]) as tf.SymbolicTensor; // [B, T, 32]
 */
import * as tf from '@tensorflow/tfjs';
import { maskBias } from './attention';
import {
  addAttentionWeights,
  attend,
  attendCached,
  AttentionProjections,
  project,
  splitHeads,
} from './attention-block';
import { CallKwargs, featureSize, LayerArgs, shapeList, splitSequencesAndMasks } from './block-layer';
import { addFeedForwardWeights, feedForward, FeedForwardWeights } from './feed-forward';
import { addLayerNormWeights, LayerNormWeights } from './layer-norm';
import { selfAttentionShape } from './transformer-encoder-layer';
import { TransformerLayer, TransformerLayerConfig } from './transformer-layer';

const NAME = 'TransformerDecoderLayer';
const INPUTS = { sequences: [2, 2] as [number, number], masks: [0, 2] as [number, number] };

export interface TransformerDecoderWeights {
  selfAttention: AttentionProjections;
  crossAttention: AttentionProjections;
  ffn: FeedForwardWeights;
  norm1: LayerNormWeights;
  norm2: LayerNormWeights;
  norm3: LayerNormWeights;
}

/** A decoder layer's cross-attention keys/values [B, h, S, d] and memory score bias [B, 1, 1, S] (TransformerDecoderLayer.memoryCache). */
export interface DecoderMemoryCache {
  keys: tf.Tensor4D;
  values: tf.Tensor4D;
  bias?: tf.Tensor;
}

/** The target's and the memory's padding masks among a decoder call's masks (either may be absent). */
export function decoderMasks<T>(masks: T[]): { targetMask?: T; memoryMask?: T } {
  return masks.length === 2 ? { targetMask: masks[0], memoryMask: masks[1] } : { memoryMask: masks[0] };
}

export class TransformerDecoderLayer extends TransformerLayer {
  static readonly className = 'DlkitTransformerDecoderLayer';
  private w!: TransformerDecoderWeights;

  constructor(config: TransformerLayerConfig & LayerArgs) {
    super(NAME, config, true);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const { seqs } = splitSequencesAndMasks(
      NAME,
      shapeList(inputShape).map((shape) => ({ shape })),
      INPUTS,
    );
    const d = featureSize(NAME, seqs[0].shape);
    const dMemory = featureSize(NAME, seqs[1].shape);
    const head = this.headDim(NAME, d);
    const add = this.addWeightFn();
    this.w = {
      selfAttention: addAttentionWeights(add, 'self_attention', selfAttentionShape(this.numHeads, head, d)),
      crossAttention: addAttentionWeights(add, 'cross_attention', {
        ...selfAttentionShape(this.numHeads, head, d),
        keyIn: dMemory,
        valueIn: dMemory,
      }),
      ffn: addFeedForwardWeights(add, 'ffn', d, this.dff),
      norm1: addLayerNormWeights(add, 'norm1', d),
      norm2: addLayerNormWeights(add, 'norm2', d),
      norm3: addLayerNormWeights(add, 'norm3', d),
    };
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: CallKwargs): tf.Tensor {
    return tf.tidy(() => this.forward(inputs, this.seededKwargs(kwargs), false).output);
  }

  /**
   * The cross-attention weights [B, h, T, S] of this layer on the same inputs as `call` (inference:
   * no dropout), for attention maps. Caller disposes.
   */
  crossAttentionWeights(inputs: tf.Tensor[]): tf.Tensor4D {
    return tf.tidy(() => this.forward(inputs, {}, true).cross!);
  }

  private forward(inputs: tf.Tensor | tf.Tensor[], kwargs: CallKwargs, crossOnly: boolean) {
    const { seqs, masks } = splitSequencesAndMasks(NAME, inputs, INPUTS);
    const { targetMask, memoryMask } = decoderMasks(masks);
    const [target, memory] = seqs; // [B, T, D], [B, S, D_mem]
    const { numHeads, causal, dropout, activation } = this;
    const w = this.w;
    const self = { numHeads, causal, dropout, keyMask: targetMask };
    const crossOptions = { numHeads, dropout, keyMask: memoryMask };
    let cross: tf.Tensor4D | undefined;
    let x = this.residual(target, w.norm1, kwargs, (y) => attend(w.selfAttention, y, y, y, self, kwargs).output);
    x = this.residual(x, w.norm2, kwargs, (y) => {
      const a = attend(w.crossAttention, y, memory, memory, crossOptions, kwargs);
      if (crossOnly) cross = tf.keep(a.weights); // [B, h, T, S]
      return a.output;
    });
    if (crossOnly) return { output: x, cross };
    return {
      output: this.residual(x, w.norm3, kwargs, (y) => feedForward(w.ffn, y, activation, dropout, kwargs)),
      cross,
    };
  }

  /**
   * The cross-attention's keys and values of `memory` [B, S, D_mem], each [B, h, S, d], and the
   * score bias [B, 1, 1, S] of its padding mask [B, S]: computed once per input for incremental
   * decoding (`step`). Caller disposes.
   */
  memoryCache(memory: tf.Tensor, memoryMask?: tf.Tensor): DecoderMemoryCache {
    return tf.tidy(() => {
      const w = this.w.crossAttention;
      const [b, s] = memory.shape;
      return {
        keys: splitHeads(project(memory, w.key), this.numHeads),
        values: splitHeads(project(memory, w.value), this.numHeads),
        bias: memoryMask ? tf.reshape(maskBias(memoryMask), [b, 1, 1, s]) : undefined,
      };
    });
  }

  /**
   * One incremental decoding step (inference: no dropout) with a key/value cache: `x` [B, 1, D] is
   * the newest target position t, `past` the self-attention keys and values of positions 0..t−1
   * ([B, h, t, d] each; null at t = 0). Returns the layer's output at t [B, 1, D] and the keys and
   * values of positions 0..t ([B, h, t + 1, d]): the same numbers as `call` on the whole prefix
   * under the causal mask, at its last position, without recomputing positions 0..t−1. Caller disposes.
   */
  step(
    x: tf.Tensor,
    past: { keys: tf.Tensor4D; values: tf.Tensor4D } | null,
    memory: DecoderMemoryCache,
  ): { output: tf.Tensor3D; keys: tf.Tensor4D; values: tf.Tensor4D } {
    if (!this.causal) throw new Error(`${this.name}: incremental decoding needs causal self-attention`);
    return tf.tidy(() => {
      const w = this.w;
      const h = this.numHeads;
      let keys = splitHeads(project(x, w.selfAttention.key), h); // [B, h, 1, d]
      let values = splitHeads(project(x, w.selfAttention.value), h);
      if (past) {
        keys = tf.concat([past.keys, keys], 2); // [B, h, t + 1, d]
        values = tf.concat([past.values, values], 2);
      }
      let y = this.residual(x, w.norm1, {}, (z) => attendCached(w.selfAttention, z, keys, values, h));
      y = this.residual(y, w.norm2, {}, (z) =>
        attendCached(w.crossAttention, z, memory.keys, memory.values, h, memory.bias),
      );
      const output = this.residual(y, w.norm3, {}, (z) => feedForward(w.ffn, z, this.activation, 0, {})) as tf.Tensor3D;
      return { output, keys, values };
    });
  }

  /** The weights, for loading or inspection (ONNX export reads them). */
  decoderWeights(): TransformerDecoderWeights {
    return this.w;
  }
}
tf.serialization.registerClass(TransformerDecoderLayer);
