/**
 * A small YOLOv2-style detector trained from scratch: four conv blocks and a 1×1 prediction conv.
 * Blocks are conv(ReLU) -> max-pool -> batch norm, the order that trains fastest on the wasm
 * backend (see models/mnist-cnn.ts: BN runs on 4× fewer values after pooling, and a non-linear
 * conv skips the unneeded input gradient); the strides come from the pools (3 pools: stride 8).
 *
 * [B, 64, 64, 3] -conv3(16), pool, bn-> [B, 32, 32, 16] -conv3(32), pool, bn-> [B, 16, 16, 32]
 *   -conv3(64), pool, bn-> [B, 8, 8, 64] -conv3(96), bn-> [B, 8, 8, 96]
 *   -conv1(A*(5+C))-> [B, 8, 8, A*(5+C)] raw (decoded by decodeYoloGrid)
 *
 * @example
 * const model = yoloDetector(DETECTOR_CONFIG, { seed: 1 });
 * model.predict(tf.zeros([1, 64, 64, 3])); // [1, 8, 8, 16]
 */
import * as tf from '@tensorflow/tfjs';
import { YoloConfig, outputChannels } from './yolo-config';

export interface YoloDetectorOptions {
  /** Filters of the conv blocks; one pool per block except the last (stride = 2^(blocks - 1)). */
  filters?: number[];
  /** Seed of the weight initialisers. */
  seed?: number;
}

export const YOLO_DETECTOR_DEFAULTS = { filters: [16, 32, 64, 96], seed: 0 } satisfies Required<YoloDetectorOptions>;

export function yoloDetector(config: YoloConfig, options: YoloDetectorOptions = {}): tf.Sequential {
  const o = { ...YOLO_DETECTOR_DEFAULTS, ...options };
  const stride = 2 ** (o.filters.length - 1);
  if (config.inputSize / config.gridSize !== stride) {
    throw new Error(
      `yoloDetector: ${o.filters.length} blocks give stride ${stride}, but inputSize ${config.inputSize} / gridSize ${config.gridSize} = ${config.inputSize / config.gridSize}`,
    );
  }
  let seed = o.seed;
  const model = tf.sequential({ name: 'yolo_detector' });
  o.filters.forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({
        ...(i === 0 ? { inputShape: [config.inputSize, config.inputSize, 3] } : {}),
        filters,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
        name: `conv${i + 1}`,
      }),
    );
    if (i < o.filters.length - 1) model.add(tf.layers.maxPooling2d({ poolSize: 2, name: `pool${i + 1}` }));
    model.add(tf.layers.batchNormalization({ momentum: 0.9, name: `bn${i + 1}` }));
  });
  model.add(
    tf.layers.conv2d({
      filters: outputChannels(config),
      kernelSize: 1,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
      name: 'yolo_head',
    }),
  );
  return model;
}
