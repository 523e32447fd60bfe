/**
 * Decoding of Ultralytics YOLOv8-style ONNX exports: output [1, 4 + C, N], for each of the N
 * candidates (cx, cy, w, h) in input pixels followed by C class scores (already sigmoid-ed, no
 * separate objectness). A candidate's score is its best class score (Ultralytics `non_max_suppression`).
 *
 * @example
 * const dets = decodeYolov8(output.data, output.shape, { minScore: 0.25 });
 */
import { centreToCorners } from './boxes';
import { Detection } from './nms';

export function decodeYolov8(
  data: ArrayLike<number>,
  shape: readonly number[],
  options: { minScore?: number; source?: string } = {},
): Detection[] {
  const where = options.source ?? 'YOLOv8 output';
  if (shape.length !== 3 || shape[0] !== 1 || shape[1] < 5 || shape[2] < 1) {
    throw new Error(
      `${where}: output has shape [${shape.join(', ')}], expected [1, 4 + classes, candidates] (YOLOv8 export)`,
    );
  }
  const [, rows, n] = shape;
  if (data.length !== rows * n) throw new Error(`${where}: ${data.length} values do not fill [1, ${rows}, ${n}]`);
  const minScore = options.minScore ?? 0;
  const out: Detection[] = [];
  for (let j = 0; j < n; j++) {
    let classId = 0;
    let score = -Infinity;
    for (let c = 0; c < rows - 4; c++) {
      const s = data[(4 + c) * n + j];
      if (s > score) {
        score = s;
        classId = c;
      }
    }
    if (score < minScore) continue;
    out.push({ box: centreToCorners([data[j], data[n + j], data[2 * n + j], data[3 * n + j]]), score, classId });
  }
  return out;
}

/**
 * Class names from an Ultralytics export's `names` metadata, a Python dict literal such as
 * `{0: 'person', 1: 'bicycle'}`; undefined when absent or unparseable.
 */
export function parseUltralyticsNames(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const entries = [...value.matchAll(/(\d+)\s*:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)].map(
    (m) => [Number(m[1]), m[2] ?? m[3]] as const,
  );
  if (entries.length === 0) return undefined;
  const names: string[] = [];
  for (const [i, name] of entries) names[i] = name;
  return Array.from(names, (n, i) => n ?? String(i));
}
