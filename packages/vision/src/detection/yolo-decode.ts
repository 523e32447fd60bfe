/**
 * Raw YOLOv2 grid -> scored boxes (Redmon & Farhadi 2017, eq. for b_x, b_y, b_w, b_h):
 *   bx = (col + σ(tx)) · stride,  by = (row + σ(ty)) · stride,
 *   bw = anchor_w · exp(tw),      bh = anchor_h · exp(th),
 *   score(class k) = σ(to) · softmax(class logits)_k.
 * One detection per (cell, anchor): its best class.
 *
 * @example
 * const dets = decodeYoloGrid(output.subarray(0, S * S * A * (5 + C)), config, { minScore: 0.25 });
 */
import { centreToCorners } from './boxes';
import { Detection } from './nms';
import { YoloConfig, anchorChannels } from './yolo-config';

export interface DecodeOptions {
  /** Drop detections scoring below this. */
  minScore?: number;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** `grid`: one image's raw output [S, S, A * (5 + C)], row-major. Boxes in input pixels. */
export function decodeYoloGrid(grid: ArrayLike<number>, config: YoloConfig, options: DecodeOptions = {}): Detection[] {
  const minScore = options.minScore ?? 0;
  const S = config.gridSize;
  const A = config.anchors.length;
  const K = anchorChannels(config);
  const C = config.labels.length;
  if (grid.length !== S * S * A * K)
    throw new Error(`YOLO grid has ${grid.length} values, expected ${S}×${S}×${A * K} = ${S * S * A * K}`);
  const stride = config.inputSize / S;
  const out: Detection[] = [];
  for (let row = 0; row < S; row++) {
    for (let col = 0; col < S; col++) {
      for (let a = 0; a < A; a++) {
        const base = ((row * S + col) * A + a) * K;
        const objectness = sigmoid(grid[base + 4]);
        if (objectness < minScore) continue; // class probabilities are <= 1
        // Softmax over the class logits (max subtracted for stability).
        let max = -Infinity;
        for (let k = 0; k < C; k++) max = Math.max(max, grid[base + 5 + k]);
        let sum = 0;
        let best = 0;
        for (let k = 0; k < C; k++) {
          sum += Math.exp(grid[base + 5 + k] - max);
          if (grid[base + 5 + k] > grid[base + 5 + best]) best = k;
        }
        const score = objectness * (Math.exp(grid[base + 5 + best] - max) / sum);
        if (score < minScore) continue;
        const cx = (col + sigmoid(grid[base])) * stride;
        const cy = (row + sigmoid(grid[base + 1])) * stride;
        const w = config.anchors[a][0] * Math.exp(grid[base + 2]);
        const h = config.anchors[a][1] * Math.exp(grid[base + 3]);
        out.push({ box: centreToCorners([cx, cy, w, h]), score, classId: best });
      }
    }
  }
  return out;
}
