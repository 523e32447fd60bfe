/**
 * A new classification head on a trained backbone: the backbone's layers up to `cutLayer` are
 * reused (shared, with their trained weights) and a fresh Dense softmax (optionally after a hidden
 * Dense) is attached to that layer's output.
 *
 * @example
 * const model = attachHead(backbone, { cutLayer: 'hidden', classes: 5, seed: 1 });
 * freezeUpTo(model, 'hidden');
 */
import * as tf from '@tensorflow/tfjs';
import { layerIndex } from './freeze';

export interface HeadOptions {
  /** The backbone layer whose output feeds the head (name or index). */
  cutLayer: string | number;
  /** Number of classes of the new task. */
  classes: number;
  /** Units of an extra hidden ReLU layer in the head (none by default). */
  hiddenUnits?: number;
  /** Seed of the head's initialisers. */
  seed?: number;
  /** Name prefix of the head layers (must not clash with the backbone's). */
  prefix?: string;
  /** Model name. */
  name?: string;
}

export const HEAD_DEFAULTS = { seed: 0, prefix: 'head', name: 'transfer' } as const;

export function attachHead(backbone: tf.LayersModel, options: HeadOptions): tf.LayersModel {
  const { seed, prefix, name } = { ...HEAD_DEFAULTS, ...options };
  if (!(Number.isInteger(options.classes) && options.classes >= 2))
    throw new Error(`classes must be an integer >= 2, got ${options.classes}`);
  const cut = backbone.layers[layerIndex(backbone, options.cutLayer)];
  let features = cut.output as tf.SymbolicTensor;
  if (features.shape.length !== 2)
    features = tf.layers.flatten({ name: `${prefix}_flatten` }).apply(features) as tf.SymbolicTensor;
  if (options.hiddenUnits) {
    features = tf.layers
      .dense({
        units: options.hiddenUnits,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
        name: `${prefix}_hidden`,
      })
      .apply(features) as tf.SymbolicTensor;
  }
  const out = tf.layers
    .dense({
      units: options.classes,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      name: `${prefix}_out`,
    })
    .apply(features) as tf.SymbolicTensor;
  return tf.model({ inputs: backbone.inputs, outputs: out, name });
}
