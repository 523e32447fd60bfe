/**
 * One transformer encoder layer (Vaswani et al. 2017, section 3.1; PyTorch's
 * nn.TransformerEncoderLayer with batch_first=True): self-attention then the position-wise FFN,
 * each a residual sublayer (post-norm by default, `preNorm` for norm_first).
 *
 * Inputs: x [B, T, D], and optionally the padding mask [B, T] (1 = token, 0 = pad; PyTorch's
 * src_key_padding_mask is its negation). Output [B, T, D]. Weights: `self_attention/{query,key,
 * value,output}/{kernel,bias}`, `ffn/{inner,outer}/{kernel,bias}`, `norm1/*`, `norm2/*`.
 *
 * @example
 * const x = tf.input({ shape: [null, 32] });   // [B, T, 32]
 * const pad = tf.input({ shape: [null] });     // [B, T]
 * const enc = new TransformerEncoderLayer({ numHeads: 4, dff: 64, seed: 1 });
 * const h = enc.apply([x, pad]) as tf.SymbolicTensor; // [B, T, 32]
 */
import * as tf from '@tensorflow/tfjs';
import { addAttentionWeights, attend, AttentionProjections } from './attention-block';
import { CallKwargs, featureSize, LayerArgs, shapeList, splitSequencesAndMasks } from './block-layer';
import { addFeedForwardWeights, feedForward, FeedForwardWeights } from './feed-forward';
import { addLayerNormWeights, LayerNormWeights } from './layer-norm';
import { TransformerLayer, TransformerLayerConfig } from './transformer-layer';

const NAME = 'TransformerEncoderLayer';
const INPUTS = { sequences: [1, 1] as [number, number], masks: [0, 1] as [number, number] };

export interface TransformerEncoderWeights {
  selfAttention: AttentionProjections;
  ffn: FeedForwardWeights;
  norm1: LayerNormWeights;
  norm2: LayerNormWeights;
}

export class TransformerEncoderLayer extends TransformerLayer {
  static readonly className = 'DlkitTransformerEncoderLayer';
  private w!: TransformerEncoderWeights;

  constructor(config: TransformerLayerConfig & LayerArgs) {
    super(NAME, config, false);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const { seqs } = splitSequencesAndMasks(
      NAME,
      shapeList(inputShape).map((shape) => ({ shape })),
      INPUTS,
    );
    const d = featureSize(NAME, seqs[0].shape);
    const head = this.headDim(NAME, d);
    const add = this.addWeightFn();
    this.w = {
      selfAttention: addAttentionWeights(add, 'self_attention', selfAttentionShape(this.numHeads, head, d)),
      ffn: addFeedForwardWeights(add, 'ffn', d, this.dff),
      norm1: addLayerNormWeights(add, 'norm1', d),
      norm2: addLayerNormWeights(add, 'norm2', d),
    };
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], callKwargs: CallKwargs): tf.Tensor {
    const kwargs = this.seededKwargs(callKwargs);
    return tf.tidy(() => {
      const { seqs, masks } = splitSequencesAndMasks(NAME, inputs, INPUTS);
      const { numHeads, causal, dropout, activation } = this;
      const w = this.w;
      const attention = { numHeads, causal, dropout, keyMask: masks[0] };
      let x = seqs[0]; // [B, T, D]
      x = this.residual(x, w.norm1, kwargs, (y) => attend(w.selfAttention, y, y, y, attention, kwargs).output);
      return this.residual(x, w.norm2, kwargs, (y) => feedForward(w.ffn, y, activation, dropout, kwargs));
    });
  }

  /** The weights, for loading or inspection (ONNX export reads them). */
  encoderWeights(): TransformerEncoderWeights {
    return this.w;
  }
}
tf.serialization.registerClass(TransformerEncoderLayer);

/** Self-attention over d_model features with h heads of d_model / h (PyTorch's layout). */
export function selfAttentionShape(numHeads: number, headDim: number, dModel: number) {
  return {
    numHeads,
    keyDim: headDim,
    valueDim: headDim,
    queryIn: dModel,
    keyIn: dModel,
    valueIn: dModel,
    outputDim: dModel,
    useBias: true,
  };
}
