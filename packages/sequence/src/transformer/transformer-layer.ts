/**
 * What the encoder and decoder layers share: their config (PyTorch's TransformerEncoderLayer /
 * TransformerDecoderLayer arguments in camelCase), its validation and serialisation, and the
 * residual sublayer in both orders:
 *
 *   post-norm (PyTorch's default, norm_first=False; Vaswani et al. 2017): x = norm(x + drop(f(x)))
 *   pre-norm  (norm_first=True; Xiong et al. 2020, stabler without warm-up): x = x + drop(f(norm(x)))
 */
import * as tf from '@tensorflow/tfjs';
import {
  BlockLayer,
  CallKwargs,
  checkInteger,
  checkRate,
  LayerArgs,
  trainingDropout,
  withDefaults,
} from './block-layer';
import { checkActivation, FeedForwardActivation } from './feed-forward';
import { applyLayerNorm, LAYER_NORM_EPSILON, LayerNormWeights } from './layer-norm';

export interface TransformerLayerConfig {
  numHeads: number;
  /** Inner size of the feed-forward network (PyTorch's dim_feedforward). */
  dff: number;
  /** Dropout on attention weights, sublayer outputs and inside the FFN, as PyTorch (training only). */
  dropout?: number;
  activation?: FeedForwardActivation;
  /** Normalise before each sublayer instead of after (PyTorch's norm_first). */
  preNorm?: boolean;
  layerNormEpsilon?: number;
  /** Look-ahead mask on the self-attention. */
  causal?: boolean;
  /** Seed of the Glorot-uniform kernels. */
  seed?: number;
}

/** PyTorch's defaults, except dropout (0 here: set it for training, as PyTorch's 0.1). */
export const TRANSFORMER_LAYER_DEFAULTS = {
  dropout: 0,
  activation: 'relu',
  preNorm: false,
  layerNormEpsilon: LAYER_NORM_EPSILON,
} as const;

export abstract class TransformerLayer extends BlockLayer {
  readonly numHeads: number;
  readonly dff: number;
  readonly dropout: number;
  readonly activation: FeedForwardActivation;
  readonly preNorm: boolean;
  readonly layerNormEpsilon: number;
  readonly causal: boolean;
  readonly seed: number | undefined;

  constructor(layer: string, config: TransformerLayerConfig & LayerArgs, causalDefault: boolean) {
    const c = withDefaults({ ...TRANSFORMER_LAYER_DEFAULTS, causal: causalDefault }, config);
    const { numHeads, dff, dropout, activation, preNorm, layerNormEpsilon, causal, seed, ...args } = c;
    super(args, seed);
    this.numHeads = checkInteger(layer, 'numHeads', numHeads);
    this.dff = checkInteger(layer, 'dff', dff);
    this.dropout = checkRate(layer, 'dropout', dropout);
    this.activation = checkActivation(layer, activation);
    this.preNorm = preNorm;
    if (!(layerNormEpsilon > 0)) throw new Error(`${layer}: layerNormEpsilon must be > 0, got ${layerNormEpsilon}`);
    this.layerNormEpsilon = layerNormEpsilon;
    this.causal = causal;
    this.seed = seed;
  }

  /** d_model / numHeads, which must divide evenly. */
  protected headDim(layer: string, dModel: number): number {
    if (dModel % this.numHeads !== 0)
      throw new Error(`${layer}: the feature size ${dModel} must be divisible by numHeads ${this.numHeads}`);
    return dModel / this.numHeads;
  }

  /** One residual sublayer, post- or pre-norm: `f` maps [B, T, D] to [B, T, D]. */
  protected residual(
    x: tf.Tensor,
    norm: LayerNormWeights,
    kwargs: CallKwargs,
    f: (y: tf.Tensor) => tf.Tensor,
  ): tf.Tensor {
    return tf.tidy(() => {
      const eps = this.layerNormEpsilon;
      if (this.preNorm) return tf.add(x, trainingDropout(f(applyLayerNorm(x, norm, eps)), this.dropout, kwargs));
      return applyLayerNorm(tf.add(x, trainingDropout(f(x), this.dropout, kwargs)), norm, eps);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { numHeads, dff, dropout, activation, preNorm, layerNormEpsilon, causal, seed } = this;
    return {
      ...super.getConfig(),
      numHeads,
      dff,
      dropout,
      activation,
      preNorm,
      layerNormEpsilon,
      causal,
      ...(seed === undefined ? {} : { seed }),
    };
  }
}
