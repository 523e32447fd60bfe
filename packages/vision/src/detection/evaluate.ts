/**
 * Runs a tfjs YOLO detector over held-out scenes and scores it with mAP@0.5.
 *
 * @example
 * const { map, perClass } = await evaluateDetector(model, config, new SceneDataset(500, config, 1, 'test'));
 */
import * as tf from '@tensorflow/tfjs';
import { GroundTruth } from './anchors';
import { ApResult, meanAveragePrecision } from './average-precision';
import { Detection, nonMaxSuppression } from './nms';
import { SceneDataset } from './scenes';
import { YoloConfig, outputChannels } from './yolo-config';
import { decodeYoloGrid } from './yolo-decode';

export interface EvaluateOptions {
  /** Detections below this score are dropped (low for AP, which sweeps all thresholds). */
  minScore?: number;
  /** Class-wise NMS IoU threshold. */
  iouThreshold?: number;
}

export const EVAL_DEFAULTS = { minScore: 0.01, iouThreshold: 0.45, batchSize: 100 };

/** x [B, n, n, 3] -> per image, its detections after score threshold and class-wise NMS (input pixels). */
export async function detectBatch(
  model: tf.LayersModel,
  x: tf.Tensor4D,
  config: YoloConfig,
  options: EvaluateOptions = {},
): Promise<Detection[][]> {
  const o = {
    minScore: options.minScore ?? EVAL_DEFAULTS.minScore,
    iouThreshold: options.iouThreshold ?? EVAL_DEFAULTS.iouThreshold,
  };
  const out = tf.tidy(() => model.predict(x) as tf.Tensor); // [B, S, S, A*(5+C)]
  const data = (await out.data()) as Float32Array;
  out.dispose();
  const per = config.gridSize * config.gridSize * outputChannels(config);
  return Array.from({ length: x.shape[0] }, (_, i) =>
    nonMaxSuppression(decodeYoloGrid(data.subarray(i * per, (i + 1) * per), config, { minScore: o.minScore }), {
      iouThreshold: o.iouThreshold,
    }),
  );
}

export interface DetectorEvaluation extends ApResult {
  predictions: Detection[][];
  truths: GroundTruth[][];
}

export async function evaluateDetector(
  model: tf.LayersModel,
  config: YoloConfig,
  scenes: SceneDataset,
  options: EvaluateOptions = {},
): Promise<DetectorEvaluation> {
  const predictions: Detection[][] = [];
  const truths: GroundTruth[][] = [];
  for (let start = 0; start < scenes.size; start += EVAL_DEFAULTS.batchSize) {
    const indices = Array.from({ length: Math.min(EVAL_DEFAULTS.batchSize, scenes.size - start) }, (_, i) => start + i);
    const { x, y } = scenes.batch(indices);
    y.dispose();
    try {
      predictions.push(...(await detectBatch(model, x as tf.Tensor4D, config, options)));
    } finally {
      x.dispose();
    }
    for (const i of indices) truths.push(scenes.scene(i).objects);
  }
  return { ...meanAveragePrecision(predictions, truths, { classes: config.labels.length }), predictions, truths };
}
