/**
 * One interface over the detectors `dlkit detect` serves, all with letterbox preprocessing and
 * boxes returned in the ORIGINAL image's pixels:
 * - the project's YOLO grid detectors: a tfjs model directory with `detector.json`, or their ONNX
 *   export with the config beside it in `<file>.json` (NHWC input, RGB in [0, 1]);
 * - pretrained YOLOv8-style ONNX exports: input [1, 3, H, W] (NCHW, RGB / 255), output
 *   [1, 4 + C, N] (see yolov8.ts); class names from `--labels` or the export's `names` metadata.
 *
 * @example
 * const detector = await openDetector('dlkit-out/train-detector/detector.onnx');
 * const dets = await detector.detect('scene.png', { minScore: 0.25, iouThreshold: 0.45 });
 * await detector.dispose();
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { OnnxSession, decodeModel, initBackend, loadModel, loadOnnx } from '@dlkit/core';
import { CornerBox } from './boxes';
import { LetterboxGeometry, letterbox, readRgb, toChwFloats, toHwcFloats, unletterboxBox } from './letterbox';
import { nonMaxSuppression } from './nms';
import { YoloConfig, checkYoloConfig, outputChannels } from './yolo-config';
import { decodeYoloGrid } from './yolo-decode';
import { decodeYolov8, parseUltralyticsNames } from './yolov8';

export interface LabelledDetection {
  box: CornerBox;
  score: number;
  classId: number;
  label: string;
}

export interface DetectOptions {
  minScore?: number;
  iouThreshold?: number;
}

export const DETECT_DEFAULTS = { minScore: 0.25, iouThreshold: 0.45 } satisfies Required<DetectOptions>;

export interface DetectorSession {
  readonly kind: 'yolo-tfjs' | 'yolo-onnx' | 'yolov8-onnx';
  readonly source: string;
  /** Class names (index = class id). */
  readonly labels: readonly string[];
  /** Model input [height, width]. */
  readonly inputSize: [number, number];
  /** Detections in the original image's pixel coordinates, sorted by score. */
  detect(file: string, options?: DetectOptions): Promise<LabelledDetection[]>;
  dispose(): Promise<void>;
}

export interface OpenDetectorOptions {
  /** Class names overriding the model's (must match its class count). */
  labels?: string[];
}

/** The config sidecar of a detector: `<dir>/detector.json` or `<file>.onnx.json`. */
export function detectorConfigFile(source: string): string {
  return fs.existsSync(source) && fs.statSync(source).isDirectory()
    ? path.join(source, 'detector.json')
    : `${source}.json`;
}

export async function openDetector(source: string, options: OpenDetectorOptions = {}): Promise<DetectorSession> {
  if (!fs.existsSync(source))
    throw new Error(`${source}: not found (expected a detector model directory or an .onnx file)`);
  if (fs.statSync(source).isDirectory()) {
    const config = readConfig(source, true)!;
    return gridDetector(
      'yolo-tfjs',
      source,
      withLabels(config, options.labels, source),
      await tfjsRunner(source, config),
    );
  }
  if (path.extname(source).toLowerCase() !== '.onnx')
    throw new Error(`${source}: expected a detector model directory (model.json + detector.json) or an .onnx file`);
  const config = readConfig(source, false);
  const session = await loadOnnx(source);
  try {
    if (config)
      return gridDetector(
        'yolo-onnx',
        source,
        withLabels(config, options.labels, source),
        onnxGridRunner(session, config),
      );
    return yolov8Detector(session, source, options.labels);
  } catch (err) {
    await session.dispose();
    throw err;
  }
}

function readConfig(source: string, required: boolean): YoloConfig | undefined {
  const file = detectorConfigFile(source);
  if (!fs.existsSync(file)) {
    if (required)
      throw new Error(
        `${source}: no ${path.basename(file)} beside the model (expected the grid/anchor config written by 'dlkit train detector')`,
      );
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  return checkYoloConfig(parsed, file);
}

function withLabels(config: YoloConfig, labels: string[] | undefined, source: string): YoloConfig {
  if (!labels) return config;
  if (labels.length !== config.labels.length)
    throw new Error(`${source}: the model has ${config.labels.length} classes, the labels file gives ${labels.length}`);
  return { ...config, labels };
}

/** Runs one letterboxed NHWC image [1, n, n, 3] and returns the raw grid. */
type GridRunner = { run(x: Float32Array): Promise<Float32Array>; dispose(): Promise<void> };

async function tfjsRunner(dir: string, config: YoloConfig): Promise<GridRunner> {
  await initBackend();
  const model = await loadModel(dir);
  const n = config.inputSize;
  const inShape = model.inputs[0].shape;
  const outShape = model.outputs[0].shape;
  const S = config.gridSize;
  if (inShape.length !== 4 || inShape[1] !== n || inShape[2] !== n || inShape[3] !== 3) {
    model.dispose();
    throw new Error(`${dir}: model input is [${inShape}], expected [batch, ${n}, ${n}, 3] from detector.json`);
  }
  if (outShape.length !== 4 || outShape[1] !== S || outShape[2] !== S || outShape[3] !== outputChannels(config)) {
    model.dispose();
    throw new Error(
      `${dir}: model output is [${outShape}], expected [batch, ${S}, ${S}, ${outputChannels(config)}] from detector.json`,
    );
  }
  return {
    async run(x) {
      const out = tf.tidy(() => model.predict(tf.tensor4d(x, [1, n, n, 3])) as tf.Tensor);
      const data = (await out.data()) as Float32Array;
      out.dispose();
      return data;
    },
    async dispose() {
      model.dispose();
    },
  };
}

function onnxGridRunner(session: OnnxSession, config: YoloConfig): GridRunner {
  const n = config.inputSize;
  const shape = session.inputs[0]?.shape ?? [];
  if (shape.length !== 4 || shape[1] !== n || shape[2] !== n || shape[3] !== 3) {
    throw new Error(
      `${session.source}: input is [${shape.join(', ')}], expected [batch, ${n}, ${n}, 3] from ${path.basename(session.source)}.json`,
    );
  }
  return {
    async run(x) {
      const out = await session.predict(x, [1, n, n, 3]);
      const expected = config.gridSize * config.gridSize * outputChannels(config);
      if (out.data.length !== expected)
        throw new Error(
          `${session.source}: output has shape [${out.shape}], expected [1, ${config.gridSize}, ${config.gridSize}, ${outputChannels(config)}]`,
        );
      return out.data;
    },
    dispose: () => session.dispose(),
  };
}

function gridDetector(
  kind: 'yolo-tfjs' | 'yolo-onnx',
  source: string,
  config: YoloConfig,
  runner: GridRunner,
): DetectorSession {
  const n = config.inputSize;
  return {
    kind,
    source,
    labels: config.labels,
    inputSize: [n, n],
    async detect(file, options = {}) {
      const o = resolveDetectOptions(options);
      const image = await readRgb(file);
      // The grid detectors are trained at one object scale: upscaling a smaller image would leave it.
      if (image.width < n || image.height < n) {
        throw new Error(
          `${file}: image is ${image.width}×${image.height}, smaller than the detector's ${n}×${n} input (expected at least ${n} pixels on each side)`,
        );
      }
      const { data, geometry } = await letterbox(image, n, n);
      const grid = await runner.run(toHwcFloats(data));
      const dets = nonMaxSuppression(decodeYoloGrid(grid, config, { minScore: o.minScore }), {
        iouThreshold: o.iouThreshold,
      });
      return toOriginal(dets, geometry, config.labels);
    },
    dispose: () => runner.dispose(),
  };
}

function yolov8Detector(session: OnnxSession, source: string, labelsOverride: string[] | undefined): DetectorSession {
  const expectation =
    'expected a YOLOv8-style export with input [1, 3, H, W] and output [1, 4 + classes, N], or a dlkit detector with its .json config beside it';
  if (session.inputs.length !== 1 || session.outputs.length < 1)
    throw new Error(
      `${source}: has ${session.inputs.length} inputs and ${session.outputs.length} outputs; ${expectation}`,
    );
  const inShape = session.inputs[0].shape;
  if (inShape.length !== 4) throw new Error(`${source}: input is [${inShape.join(', ')}]; ${expectation}`);
  if (inShape[1] !== 3)
    throw new Error(`${source}: input has ${inShape[1]} channels at axis 1, expected 3 (RGB, NCHW [1, 3, H, W])`);
  const [h, w] = [inShape[2], inShape[3]];
  if (typeof h !== 'number' || typeof w !== 'number' || !(h > 0 && w > 0))
    throw new Error(`${source}: input [${inShape.join(', ')}] has no fixed H and W; export with a fixed image size`);
  const outShape = session.outputs[0].shape;
  if (outShape.length > 0 && (outShape.length !== 3 || (typeof outShape[1] === 'number' && outShape[1] < 5))) {
    throw new Error(`${source}: output '${session.outputs[0].name}' is [${outShape.join(', ')}]; ${expectation}`);
  }
  const declaredClasses = typeof outShape[1] === 'number' ? outShape[1] - 4 : undefined;
  const metaNames = parseUltralyticsNames(
    decodeModel(fs.readFileSync(source)).metadataProps?.find((p) => p.key === 'names')?.value,
  );
  if (labelsOverride && declaredClasses !== undefined && labelsOverride.length !== declaredClasses) {
    throw new Error(
      `${source}: the model has ${declaredClasses} classes, the labels file gives ${labelsOverride.length}`,
    );
  }
  const labels = labelsOverride ?? metaNames ?? Array.from({ length: declaredClasses ?? 0 }, (_, i) => String(i));
  return {
    kind: 'yolov8-onnx',
    source,
    labels,
    inputSize: [h, w],
    async detect(file, options = {}) {
      const o = resolveDetectOptions(options);
      const image = await readRgb(file);
      const { data, geometry } = await letterbox(image, w, h);
      const out = (await session.run(toChwFloats(data, w, h), [1, 3, h, w]))[session.outputs[0].name];
      const dets = nonMaxSuppression(
        decodeYolov8(out.data as Float32Array, out.shape, { minScore: o.minScore, source }),
        { iouThreshold: o.iouThreshold },
      );
      const classes = out.shape[1] - 4;
      const names =
        labels.length === classes ? labels : Array.from({ length: classes }, (_, i) => labels[i] ?? String(i));
      if (labelsOverride && labelsOverride.length !== classes)
        throw new Error(`${source}: the model has ${classes} classes, the labels file gives ${labelsOverride.length}`);
      return toOriginal(dets, geometry, names);
    },
    dispose: () => session.dispose(),
  };
}

/** Defaults for the options left out (or passed as undefined, as CLI flags are). */
function resolveDetectOptions(options: DetectOptions): Required<DetectOptions> {
  return {
    minScore: options.minScore ?? DETECT_DEFAULTS.minScore,
    iouThreshold: options.iouThreshold ?? DETECT_DEFAULTS.iouThreshold,
  };
}

function toOriginal(
  dets: { box: CornerBox; score: number; classId: number }[],
  g: LetterboxGeometry,
  labels: readonly string[],
): LabelledDetection[] {
  return dets.map((d) => ({
    box: unletterboxBox(d.box, g),
    score: d.score,
    classId: d.classId,
    label: labels[d.classId] ?? String(d.classId),
  }));
}
