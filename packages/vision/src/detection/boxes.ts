/**
 * Axis-aligned boxes in pixels. Corner format `[x1, y1, x2, y2]` (x2 > x1, y2 > y1, as in
 * torchvision / COCO-after-conversion) and centre format `[cx, cy, w, h]` (YOLO's).
 *
 * @example
 * iou([0, 0, 2, 2], [1, 1, 3, 3]); // intersection 1, union 4 + 4 - 1 = 7 -> 1/7
 */

/** `[x1, y1, x2, y2]`: top-left and bottom-right corners. */
export type CornerBox = [number, number, number, number];
/** `[cx, cy, w, h]`: centre, width and height. */
export type CentreBox = [number, number, number, number];

/** Area of a corner box (0 when degenerate). */
export function boxArea(b: CornerBox): number {
  return Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
}

/** Intersection over union of two corner boxes: |A∩B| / (|A| + |B| - |A∩B|); 0 when the union is empty. */
export function iou(a: CornerBox, b: CornerBox): number {
  const iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const union = boxArea(a) + boxArea(b) - inter;
  return union > 0 ? inter / union : 0;
}

/** `[cx, cy, w, h]` -> `[x1, y1, x2, y2]`. */
export function centreToCorners([cx, cy, w, h]: CentreBox): CornerBox {
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

/** `[x1, y1, x2, y2]` -> `[cx, cy, w, h]`. */
export function cornersToCentre([x1, y1, x2, y2]: CornerBox): CentreBox {
  return [(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1];
}

/** Clips a corner box to an image of `width` × `height` pixels. */
export function clipBox(b: CornerBox, width: number, height: number): CornerBox {
  const c = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  return [c(b[0], width), c(b[1], height), c(b[2], width), c(b[3], height)];
}
