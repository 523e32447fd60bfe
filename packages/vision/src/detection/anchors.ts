/**
 * Ground truth -> YOLOv2 training targets (Redmon & Farhadi 2017, "YOLO9000", section 2):
 * each object is assigned to the grid cell holding its centre and to the anchor whose shape
 * best matches it (IoU of the two boxes aligned at the same centre).
 *
 * @example
 * bestAnchor([10, 20], [[12, 12], [10, 24]]); // -> 1
 */
import { CornerBox, cornersToCentre } from './boxes';
import { YoloConfig, anchorChannels, outputChannels } from './yolo-config';

/** A labelled box. */
export interface GroundTruth {
  box: CornerBox;
  classId: number;
}

/** IoU of two boxes sharing a centre: min(w)·min(h) / (w1·h1 + w2·h2 - min(w)·min(h)). */
export function shapeIou([w1, h1]: readonly [number, number], [w2, h2]: readonly [number, number]): number {
  const inter = Math.min(w1, w2) * Math.min(h1, h2);
  return inter / (w1 * h1 + w2 * h2 - inter);
}

/** Index of the anchor with the best shape IoU with a [w, h] box (the first on ties). */
export function bestAnchor(size: readonly [number, number], anchors: readonly (readonly [number, number])[]): number {
  let best = 0;
  for (let a = 1; a < anchors.length; a++) if (shapeIou(size, anchors[a]) > shapeIou(size, anchors[best])) best = a;
  return best;
}

/**
 * The target grid of one image, [S, S, A * (5 + C)] flattened (row-major): for the responsible
 * (cell, anchor) the channels are [x offset in the cell ∈ [0, 1), y offset, log(w / anchor w),
 * log(h / anchor h), 1, one-hot class]; every other slot is 0. When two objects want the same slot
 * the later one is dropped (YOLOv2 behaviour); the count of dropped objects is returned.
 */
export function encodeTargets(
  objects: readonly GroundTruth[],
  config: YoloConfig,
): { target: Float32Array; dropped: number } {
  const S = config.gridSize;
  const stride = config.inputSize / S;
  const K = anchorChannels(config);
  const target = new Float32Array(S * S * outputChannels(config));
  let dropped = 0;
  for (const o of objects) {
    const [cx, cy, w, h] = cornersToCentre(o.box);
    if (!(w > 0 && h > 0)) throw new Error(`ground-truth box ${JSON.stringify(o.box)} is empty`);
    if (!(o.classId >= 0 && o.classId < config.labels.length))
      throw new Error(`classId ${o.classId} is outside [0, ${config.labels.length})`);
    const col = Math.min(S - 1, Math.max(0, Math.floor(cx / stride)));
    const row = Math.min(S - 1, Math.max(0, Math.floor(cy / stride)));
    const a = bestAnchor([w, h], config.anchors);
    const base = (row * S + col) * config.anchors.length * K + a * K;
    if (target[base + 4] === 1) {
      dropped++;
      continue;
    }
    target[base] = cx / stride - col;
    target[base + 1] = cy / stride - row;
    target[base + 2] = Math.log(w / config.anchors[a][0]);
    target[base + 3] = Math.log(h / config.anchors[a][1]);
    target[base + 4] = 1;
    target[base + 5 + o.classId] = 1;
  }
  return { target, dropped };
}
