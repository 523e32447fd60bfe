/**
 * The grid/anchor configuration of a YOLO-style (v2) detector. It travels with the model: saved as
 * `detector.json` beside a tfjs model directory and as `<file>.onnx.json` beside an ONNX export.
 *
 * Output layout: one tensor [B, S, S, A * (5 + C)]; for anchor a of cell (row, col) the channels
 * a*(5+C) ... are [tx, ty, tw, th, to, class logits × C] (raw, before any activation).
 */
export interface YoloConfig {
  /** Square input side in pixels (the model takes [B, inputSize, inputSize, 3], RGB in [0, 1]). */
  inputSize: number;
  /** Grid side S; the stride is inputSize / S pixels. */
  gridSize: number;
  /** Anchor [width, height] pairs in input pixels. */
  anchors: [number, number][];
  /** Class names; C = labels.length. */
  labels: string[];
}

/** Channels per anchor: 4 box + 1 objectness + C classes. */
export function anchorChannels(config: YoloConfig): number {
  return 5 + config.labels.length;
}

/** Channels of the output tensor: A * (5 + C). */
export function outputChannels(config: YoloConfig): number {
  return config.anchors.length * anchorChannels(config);
}

/** Throws an error naming `source` when `value` is not a valid YoloConfig. */
export function checkYoloConfig(value: unknown, source: string): YoloConfig {
  const c = value as YoloConfig;
  const fail = (what: string) => {
    throw new Error(
      `${source}: ${what} (expected a detector config {inputSize, gridSize, anchors: [[w, h], ...], labels: [...]})`,
    );
  };
  if (typeof c !== 'object' || c === null) fail('not an object');
  if (!(Number.isInteger(c.inputSize) && c.inputSize > 0))
    fail(`inputSize must be a positive integer, got ${c.inputSize}`);
  if (!(Number.isInteger(c.gridSize) && c.gridSize > 0 && c.inputSize % c.gridSize === 0))
    fail(`gridSize must divide inputSize ${c.inputSize}, got ${c.gridSize}`);
  if (
    !Array.isArray(c.anchors) ||
    c.anchors.length === 0 ||
    !c.anchors.every((a) => Array.isArray(a) && a.length === 2 && a[0] > 0 && a[1] > 0)
  ) {
    fail(`anchors must be a non-empty list of positive [w, h] pairs, got ${JSON.stringify(c.anchors)}`);
  }
  if (!Array.isArray(c.labels) || c.labels.length === 0 || !c.labels.every((l) => typeof l === 'string'))
    fail(`labels must be a non-empty list of strings`);
  return c;
}
