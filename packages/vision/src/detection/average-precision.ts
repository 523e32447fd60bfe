/**
 * Detection AP at one IoU threshold, the PASCAL VOC 2010+ / COCO way: per class, detections of all
 * images sorted by score (descending), each matched to the unmatched ground truth of its image and
 * class with the highest IoU ≥ threshold (true positive) or counted as a false positive; precision
 * is made monotone from the right (the envelope) and AP is the area under the all-point
 * interpolated precision-recall curve, Σ (r_i - r_{i-1}) · p_interp(r_i). mAP averages AP over the
 * classes that have ground truth.
 *
 * @example
 * const { map, perClass } = meanAveragePrecision(predictions, truths, { classes: 3 });
 */
import { iou } from './boxes';
import { GroundTruth } from './anchors';
import { Detection } from './nms';

export interface ApOptions {
  /** Number of classes (ids 0 .. classes - 1). */
  classes: number;
  /** IoU needed for a match (0.5: AP@0.5). */
  iouThreshold?: number;
}

export interface ApResult {
  /** Mean of the per-class APs over classes with ground truth (NaN when there is none). */
  map: number;
  /** AP per class id; NaN for a class without ground truth. */
  perClass: number[];
}

/** Area under the all-point interpolated PR curve for one class's sorted TP flags. */
export function apFromMatches(isTruePositive: readonly boolean[], groundTruths: number): number {
  if (groundTruths === 0) return NaN;
  const recall: number[] = [];
  const precision: number[] = [];
  let tp = 0;
  isTruePositive.forEach((hit, i) => {
    if (hit) tp++;
    recall.push(tp / groundTruths);
    precision.push(tp / (i + 1));
  });
  // Envelope: p_interp(r_i) = max_{j >= i} p_j.
  for (let i = precision.length - 2; i >= 0; i--) precision[i] = Math.max(precision[i], precision[i + 1]);
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < recall.length; i++) {
    ap += (recall[i] - prevRecall) * precision[i];
    prevRecall = recall[i];
  }
  return ap;
}

/** `predictions[i]` and `truths[i]` belong to image i. */
export function meanAveragePrecision(
  predictions: readonly (readonly Detection[])[],
  truths: readonly (readonly GroundTruth[])[],
  options: ApOptions,
): ApResult {
  const threshold = options.iouThreshold ?? 0.5;
  if (predictions.length !== truths.length)
    throw new Error(`meanAveragePrecision: ${predictions.length} prediction lists for ${truths.length} images`);
  const perClass: number[] = [];
  for (let c = 0; c < options.classes; c++) {
    const dets: { image: number; d: Detection; order: number }[] = [];
    predictions.forEach((list, image) =>
      list.forEach((d) => d.classId === c && dets.push({ image, d, order: dets.length })),
    );
    dets.sort((a, b) => b.d.score - a.d.score || a.order - b.order);
    const gts = truths.map((list) => list.filter((g) => g.classId === c));
    const used = gts.map((list) => new Uint8Array(list.length));
    const nGt = gts.reduce((n, list) => n + list.length, 0);
    const hits = dets.map(({ image, d }) => {
      let best = -1;
      let bestIou = threshold;
      gts[image].forEach((g, j) => {
        const v = iou(d.box, g.box);
        if (!used[image][j] && v >= bestIou) {
          bestIou = v;
          best = j;
        }
      });
      if (best < 0) return false;
      used[image][best] = 1;
      return true;
    });
    perClass.push(apFromMatches(hits, nGt));
  }
  const valid = perClass.filter((v) => !Number.isNaN(v));
  return { map: valid.length ? valid.reduce((a, b) => a + b, 0) / valid.length : NaN, perClass };
}
