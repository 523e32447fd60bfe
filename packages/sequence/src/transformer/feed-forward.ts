/**
 * The position-wise feed-forward network (Vaswani et al. 2017, section 3.3):
 * FFN(x) = act(x W1 + b1) W2 + b2 at every position, d_model → dff → d_model, with dropout after
 * the activation as PyTorch's TransformerEncoderLayer (`linear2(dropout(activation(linear1(x))))`).
 * As a layer (`PositionwiseFeedForward`) and as weights plus a function for the encoder/decoder.
 *
 * @example
 * const ffn = new PositionwiseFeedForward({ dff: 64, activation: 'gelu', seed: 1 });
 * ffn.apply(tf.randomNormal([2, 7, 16])); // [2, 7, 16]
 */
import * as tf from '@tensorflow/tfjs';
import { addProjection, project, Projection } from './attention-block';
import {
  AddWeight,
  BlockLayer,
  CallKwargs,
  checkInteger,
  checkRate,
  featureSize,
  inputList,
  LayerArgs,
  shapeList,
  trainingDropout,
  weightName,
  withDefaults,
} from './block-layer';

/** The activations PyTorch's transformer layers offer (F.relu, F.gelu: the exact erf form). */
export type FeedForwardActivation = 'relu' | 'gelu';

export interface FeedForwardWeights {
  inner: Projection; // [D, dff]
  outer: Projection; // [dff, D]
}

export function addFeedForwardWeights(add: AddWeight, prefix: string, dModel: number, dff: number): FeedForwardWeights {
  return {
    inner: addProjection(add, weightName(prefix, 'inner'), dModel, dff),
    outer: addProjection(add, weightName(prefix, 'outer'), dff, dModel),
  };
}

/** gelu(x) = x · Φ(x) = 0.5 x (1 + erf(x / √2)) (Hendrycks & Gimpel 2016; PyTorch's default form). */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1)));
}

/** x [B, T, D] → [B, T, D]. */
export function feedForward(
  w: FeedForwardWeights,
  x: tf.Tensor,
  activation: FeedForwardActivation,
  dropout: number,
  kwargs: CallKwargs,
): tf.Tensor3D {
  return tf.tidy(() => {
    const h = project(x, w.inner); // [B, T, dff]
    const a = activation === 'gelu' ? gelu(h) : tf.relu(h);
    return project(trainingDropout(a, dropout, kwargs), w.outer); // [B, T, D]
  });
}

export function checkActivation(layer: string, value: unknown): FeedForwardActivation {
  if (value !== 'relu' && value !== 'gelu')
    throw new Error(`${layer}: activation must be 'relu' or 'gelu', got ${JSON.stringify(value)}`);
  return value;
}

export interface PositionwiseFeedForwardConfig {
  /** Inner size (PyTorch's dim_feedforward; 4 · d_model in the paper). */
  dff: number;
  activation?: FeedForwardActivation;
  /** Dropout after the activation (training only). */
  dropout?: number;
  /** Seed of the Glorot-uniform kernels. */
  seed?: number;
}

export const FEED_FORWARD_DEFAULTS = { activation: 'relu', dropout: 0 } as const;

/** The position-wise FFN as a tfjs layer: [B, T, D] → [B, T, D]. Weights `inner/*`, `outer/*`. */
export class PositionwiseFeedForward extends BlockLayer {
  static readonly className = 'DlkitPositionwiseFeedForward';
  readonly dff: number;
  readonly activation: FeedForwardActivation;
  readonly dropout: number;
  readonly seed: number | undefined;
  private w!: FeedForwardWeights;

  constructor(config: PositionwiseFeedForwardConfig & LayerArgs) {
    const { dff, activation, dropout, seed, ...args } = withDefaults(FEED_FORWARD_DEFAULTS, config);
    super(args, seed);
    this.dff = checkInteger(PositionwiseFeedForward.className, 'dff', dff);
    this.activation = checkActivation(PositionwiseFeedForward.className, activation);
    this.dropout = checkRate(PositionwiseFeedForward.className, 'dropout', dropout);
    this.seed = seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const d = featureSize(PositionwiseFeedForward.className, shapeList(inputShape)[0]);
    this.w = addFeedForwardWeights(this.addWeightFn(), '', d, this.dff);
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: CallKwargs): tf.Tensor {
    return feedForward(this.w, inputList(inputs)[0], this.activation, this.dropout, this.seededKwargs(kwargs));
  }

  /** The weights, for loading or inspection (ONNX export reads them). */
  feedForwardWeights(): FeedForwardWeights {
    return this.w;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { dff, activation, dropout, seed } = this;
    return { ...super.getConfig(), dff, activation, dropout, ...(seed === undefined ? {} : { seed }) };
  }
}
tf.serialization.registerClass(PositionwiseFeedForward);
