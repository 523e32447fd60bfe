/**
 * The offline default feature network: a multi-scale stack of FIXED RANDOM 3x3 filters
 * (no training, no download). Ustyuzhaninov et al. 2017 ("What does it take to generate natural
 * textures?", ICLR) showed that Gram statistics of random, untrained conv filters at several
 * scales already synthesise convincing textures; Gatys et al.'s texture model mostly needs
 * many channels of rectified filter responses at several spatial scales, not learned filters.
 * Scale comes from average pooling between blocks (each block sees a 2x coarser image).
 *
 * Layers (input RGB in [0, 1], centred by 0.5 before the first conv):
 *   conv1 [H, W, f1]  pool1 -> conv2 [H/2, W/2, f2]  pool2 -> conv3 [H/4, ...]  pool3 -> conv4 [H/8, ...]
 *
 * @example
 * const net = randomFeatureNet({ seed: 1 });
 * const maps = net.features(image, ['conv1', 'conv3']); // image: [1, H, W, 3]
 */
import * as tf from '@tensorflow/tfjs';
import { FeatureNet, layersFeatureNet } from './feature-net';

export interface RandomFeatureNetConfig {
  /** Filters of conv1..convK (one block per entry). */
  filters?: number[];
  /** Seeds the random filters (a given seed always gives the same network). */
  seed?: number;
}

export const RANDOM_FEATURE_NET_DEFAULTS = {
  filters: [32, 64, 96, 128],
  seed: 7,
} satisfies Required<RandomFeatureNetConfig>;

/** Layer choice for the random net: content on a deep (coarse) block, style on every block. */
export const RANDOM_NET_LAYERS = {
  contentLayer: 'conv3',
  styleLayers: ['conv1', 'conv2', 'conv3', 'conv4'],
};

export function randomFeatureNet(config: RandomFeatureNetConfig = {}): FeatureNet {
  const c = {
    ...RANDOM_FEATURE_NET_DEFAULTS,
    ...Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)),
  } as Required<RandomFeatureNetConfig>;
  if (c.filters.length === 0 || c.filters.some((f) => !Number.isInteger(f) || f <= 0))
    throw new Error(`filters must be positive integers, got [${c.filters}]`);
  const input = tf.input({ shape: [null, null, 3], name: 'image' }); // [1, H, W, 3]
  let h = tf.layers.rescaling({ scale: 1, offset: -0.5, name: 'centre' }).apply(input) as tf.SymbolicTensor;
  c.filters.forEach((f, i) => {
    if (i > 0) h = tf.layers.averagePooling2d({ poolSize: 2, name: `pool${i}` }).apply(h) as tf.SymbolicTensor;
    // Random Gaussian filters, He-scaled (std = sqrt(2 / fanIn), He et al. 2015) so every block's
    // responses keep a similar magnitude; a small random bias breaks the ReLU's symmetry at 0.
    h = tf.layers
      .conv2d({
        filters: f,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: c.seed * 101 + i }),
        biasInitializer: tf.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed: c.seed * 103 + i }),
        trainable: false,
        name: `conv${i + 1}`,
      })
      .apply(h) as tf.SymbolicTensor;
  });
  const model = tf.model({ inputs: input, outputs: h, name: 'random_feature_net' });
  model.trainable = false;
  return layersFeatureNet(model, { label: 'random feature net' });
}
