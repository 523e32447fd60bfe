/**
 * Multi-head attention as a tfjs layer (Vaswani et al. 2017, section 3.2.2; the math is in
 * attention-block.ts). Inputs, by rank: 1 to 3 sequences [B, T, D] — query, then value, then key
 * (self-attention when only the query is given; key = value when two are) — followed by an optional
 * padding mask of the keys [B, Tk] (1 = token, 0 = pad, float32 or int32). With `causal`, query i
 * attends to keys 0..i only (the decoder's look-ahead mask).
 *
 * Output [B, Tq, outputDim]; with `returnAttentionWeights`, also the weights [B, h, Tq, Tk] (for
 * pictures; PyTorch's `average_attn_weights=False`). Weights: `query/kernel` [d_q, h·keyDim],
 * `key/kernel` [d_k, h·keyDim], `value/kernel` [d_v, h·valueDim], `output/kernel` [h·valueDim,
 * outputDim] and their biases.
 *
 * @example
 * const x = tf.input({ shape: [null, 16] });              // [B, T, 16]
 * const pad = tf.input({ shape: [null] });                // [B, T]: 1 = token, 0 = pad
 * const mha = new MultiHeadAttention({ numHeads: 4, keyDim: 4, seed: 1 });
 * const y = mha.apply([x, pad]) as tf.SymbolicTensor;     // self-attention: [B, T, 16]
 */
import * as tf from '@tensorflow/tfjs';
import { addAttentionWeights, attend, AttentionProjections } from './attention-block';
import {
  BlockLayer,
  CallKwargs,
  checkInteger,
  checkRate,
  featureSize,
  LayerArgs,
  shapeList,
  splitSequencesAndMasks,
  withDefaults,
} from './block-layer';

export interface MultiHeadAttentionConfig {
  numHeads: number;
  /** Size of each query and key head (PyTorch: embed_dim / num_heads). */
  keyDim: number;
  /** Size of each value head (default keyDim). */
  valueDim?: number;
  /** Output features (default: the query's feature size). */
  outputDim?: number;
  /** Biases on the four projections (PyTorch's `bias`). */
  useBias?: boolean;
  /** Dropout on the attention weights (training only). */
  dropout?: number;
  /** Look-ahead mask: query i attends to keys 0..i (needs Tq = Tk). */
  causal?: boolean;
  /** Also return the attention weights [B, h, Tq, Tk]. */
  returnAttentionWeights?: boolean;
  /** Seed of the Glorot-uniform kernels. */
  seed?: number;
}

export const MULTI_HEAD_ATTENTION_DEFAULTS = {
  useBias: true,
  dropout: 0,
  causal: false,
  returnAttentionWeights: false,
} as const;

const NAME = 'MultiHeadAttention';
const INPUTS = { sequences: [1, 3] as [number, number], masks: [0, 1] as [number, number] };

export class MultiHeadAttention extends BlockLayer {
  static readonly className = 'DlkitMultiHeadAttention';
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly outputDim: number | undefined;
  readonly useBias: boolean;
  readonly dropout: number;
  readonly causal: boolean;
  readonly returnAttentionWeights: boolean;
  readonly seed: number | undefined;
  private w!: AttentionProjections;

  constructor(config: MultiHeadAttentionConfig & LayerArgs) {
    const c = withDefaults(MULTI_HEAD_ATTENTION_DEFAULTS, config);
    const { numHeads, keyDim, valueDim, outputDim, useBias, dropout, causal, returnAttentionWeights, seed, ...args } =
      c;
    super(args, seed);
    this.numHeads = checkInteger(NAME, 'numHeads', numHeads);
    this.keyDim = checkInteger(NAME, 'keyDim', keyDim);
    this.valueDim = checkInteger(NAME, 'valueDim', valueDim ?? keyDim);
    this.outputDim = outputDim === undefined ? undefined : checkInteger(NAME, 'outputDim', outputDim);
    this.useBias = useBias;
    this.dropout = checkRate(NAME, 'dropout', dropout);
    this.causal = causal;
    this.returnAttentionWeights = returnAttentionWeights;
    this.seed = seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const { seqs } = splitSequencesAndMasks(
      NAME,
      shapeList(inputShape).map((shape) => ({ shape })),
      INPUTS,
    );
    const [q, v, k] = [seqs[0], seqs[1] ?? seqs[0], seqs[2] ?? seqs[1] ?? seqs[0]].map((s) =>
      featureSize(NAME, s.shape),
    );
    this.w = addAttentionWeights(this.addWeightFn(), '', {
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      valueDim: this.valueDim,
      queryIn: q,
      keyIn: k,
      valueIn: v,
      outputDim: this.outputDim ?? q,
      useBias: this.useBias,
    });
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const { seqs } = splitSequencesAndMasks(
      NAME,
      shapeList(inputShape).map((shape) => ({ shape })),
      INPUTS,
    );
    const [b, tq, dq] = seqs[0].shape;
    const tk = (seqs[2] ?? seqs[1] ?? seqs[0]).shape[1];
    const out: tf.Shape = [b, tq, this.outputDim ?? dq];
    return this.returnAttentionWeights ? [out, [b, this.numHeads, tq, tk]] : out;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], callKwargs: CallKwargs): tf.Tensor | tf.Tensor[] {
    const kwargs = this.seededKwargs(callKwargs);
    return tf.tidy(() => {
      const { seqs, masks } = splitSequencesAndMasks(NAME, inputs, INPUTS);
      const [query, value = query, key = value] = seqs;
      const { numHeads, causal, dropout } = this;
      const { output, weights } = attend(
        this.w,
        query,
        key,
        value,
        { numHeads, causal, dropout, keyMask: masks[0] },
        kwargs,
      );
      return this.returnAttentionWeights ? [output, weights] : output;
    });
  }

  /** The projections, for loading or inspection (ONNX export reads them). */
  projections(): AttentionProjections {
    return this.w;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { numHeads, keyDim, valueDim, outputDim, useBias, dropout, causal, returnAttentionWeights, seed } = this;
    return {
      ...super.getConfig(),
      numHeads,
      keyDim,
      valueDim,
      useBias,
      dropout,
      causal,
      returnAttentionWeights,
      ...(outputDim === undefined ? {} : { outputDim }),
      ...(seed === undefined ? {} : { seed }),
    };
  }
}
tf.serialization.registerClass(MultiHeadAttention);
