/**
 * Layer normalisation (Ba et al. 2016) over the last axis, as PyTorch's nn.LayerNorm and tfjs's
 * `tf.layers.layerNormalization({ axis: -1 })`: y = (x − mean) / √(var + ε) · γ + β with the
 * biased variance. The encoder and decoder layers run this function on their own γ and β; on its
 * own, use tfjs's layer (core exports it to ONNX), with PyTorch's ε = 1e-5 where parity matters
 * (tfjs defaults to 1e-3).
 */
import * as tf from '@tensorflow/tfjs';
import { AddWeight } from './block-layer';

/** PyTorch's nn.LayerNorm default ε; the transformer layers' default. */
export const LAYER_NORM_EPSILON = 1e-5;

export interface LayerNormWeights {
  gamma: tf.LayerVariable; // [D]
  beta: tf.LayerVariable; // [D]
}

/** `prefix/gamma` (ones) and `prefix/beta` (zeros), as tfjs's LayerNormalization names them. */
export function addLayerNormWeights(add: AddWeight, prefix: string, dim: number): LayerNormWeights {
  return { gamma: add(`${prefix}/gamma`, [dim], 'ones'), beta: add(`${prefix}/beta`, [dim], 'zeros') };
}

/**
 * Normalises x [..., D] over its last axis, then scales by γ [D] and shifts by β [D].
 *
 * @example
 * layerNorm(tf.tensor2d([[1, 2, 3]]), tf.ones([3]), tf.zeros([3])); // [[-1.2247, 0, 1.2247]]
 */
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, epsilon = LAYER_NORM_EPSILON): tf.Tensor {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, -1, true); // [..., 1]
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon))), gamma), beta);
  });
}

/** layerNorm with a layer's weights. */
export function applyLayerNorm(x: tf.Tensor, w: LayerNormWeights, epsilon: number): tf.Tensor {
  return layerNorm(x, w.gamma.read(), w.beta.read(), epsilon);
}
