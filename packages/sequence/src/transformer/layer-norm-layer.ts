/**
 * `layerNorm` as a layer of its own (γ, β over the last axis), for norms outside the encoder and
 * decoder layers (BERT's embedding LayerNorm, its MLM head). tfjs's `tf.layers.layerNormalization`
 * computes the same forward, but tiles γ, β, mean and variance to the input's shape, and tfjs's
 * Tile gradient is a loop of one Slice + Add per repeat: ~4,700 kernel calls per [32, 64, 128]
 * input, half of a small BERT's training step on wasm. This layer broadcasts instead.
 *
 * @example
 * const norm = new LayerNorm({ epsilon: 1e-12 });
 * norm.apply(tf.input({ shape: [null, 128] })); // [B, T, 128]
 */
import * as tf from '@tensorflow/tfjs';
import { BlockLayer, featureSize, inputList, LayerArgs, shapeList } from './block-layer';
import { applyLayerNorm, LAYER_NORM_EPSILON, LayerNormWeights } from './layer-norm';

export interface LayerNormConfig {
  /** ε added to the variance (PyTorch's default 1e-5). */
  epsilon?: number;
}

export class LayerNorm extends BlockLayer {
  static readonly className = 'DlkitLayerNorm';
  readonly epsilon: number;
  private w!: LayerNormWeights;

  constructor(config: LayerNormConfig & LayerArgs = {}) {
    const { epsilon = LAYER_NORM_EPSILON, ...args } = config;
    super(args, undefined);
    if (!(epsilon > 0)) throw new Error(`LayerNorm: epsilon must be > 0, got ${epsilon}`);
    this.epsilon = epsilon;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const d = featureSize('LayerNorm', shapeList(inputShape)[0]);
    const add = this.addWeightFn();
    this.w = { gamma: add('gamma', [d], 'ones'), beta: add('beta', [d], 'zeros') }; // [D] each, as tfjs's LayerNormalization
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return shapeList(inputShape)[0];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return applyLayerNorm(inputList(inputs)[0], this.w, this.epsilon); // [..., D]
  }

  /** γ and β (ONNX export reads them). */
  normWeights(): LayerNormWeights {
    return this.w;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), epsilon: this.epsilon };
  }
}
tf.serialization.registerClass(LayerNorm);
