/**
 * Post-processing of scored boxes: score thresholding and class-wise greedy non-max suppression
 * (the classic Felzenszwalb/Girshick NMS, applied independently per class as in YOLO and
 * torchvision's `batched_nms`).
 *
 * @example
 * nonMaxSuppression([
 *   { box: [0, 0, 10, 10], score: 0.9, classId: 0 },
 *   { box: [1, 1, 11, 11], score: 0.8, classId: 0 }, // IoU 81/119 = 0.68 with the first: dropped
 * ], { iouThreshold: 0.45 });
 */
import { CornerBox, iou } from './boxes';

/** One detected object. */
export interface Detection {
  /** Corner box in pixels. */
  box: CornerBox;
  /** Confidence in [0, 1]. */
  score: number;
  classId: number;
}

export interface NmsOptions {
  /** A box is suppressed by a higher-scoring box of the same class overlapping it with IoU > this. */
  iouThreshold?: number;
  /** Keep at most this many detections in total (highest scores first). */
  maxDetections?: number;
}

export const NMS_DEFAULTS = { iouThreshold: 0.45, maxDetections: 300 } satisfies Required<NmsOptions>;

/** The detections scoring at least `minScore`, in their original order. */
export function scoreThreshold<D extends { score: number }>(detections: readonly D[], minScore: number): D[] {
  return detections.filter((d) => d.score >= minScore);
}

/**
 * Greedy NMS per class: sort by score (descending; ties keep input order), keep the best, drop every
 * remaining box of the same class with IoU > iouThreshold, repeat. Returns the kept detections sorted
 * by score.
 */
export function nonMaxSuppression<D extends Detection>(detections: readonly D[], options: NmsOptions = {}): D[] {
  const { iouThreshold, maxDetections } = { ...NMS_DEFAULTS, ...options };
  if (!(iouThreshold >= 0 && iouThreshold <= 1)) throw new Error(`iouThreshold must be in [0, 1], got ${iouThreshold}`);
  const order = detections.map((d, i) => ({ d, i })).sort((a, b) => b.d.score - a.d.score || a.i - b.i);
  const kept: D[] = [];
  const suppressed = new Uint8Array(order.length);
  for (let i = 0; i < order.length && kept.length < maxDetections; i++) {
    if (suppressed[i]) continue;
    const best = order[i].d;
    kept.push(best);
    for (let j = i + 1; j < order.length; j++) {
      const other = order[j].d;
      if (!suppressed[j] && other.classId === best.classId && iou(best.box, other.box) > iouThreshold)
        suppressed[j] = 1;
    }
  }
  return kept;
}
