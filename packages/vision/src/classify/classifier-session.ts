/**
 * Serving a trained image classifier: one interface over a tfjs model directory (wasm backend)
 * and an exported .onnx file (onnxruntime-node). Both take NHWC images as in training; pair it
 * with `readImageForModel` for the same preprocessing the training used.
 *
 * @example
 * const classifier = await openClassifier('dlkit-out/train-mnist/mnist.onnx');
 * const pixels = await readImageForModel('digit.png', classifier.imageShape);
 * const [probs] = await classifier.predict(pixels, 1); // [classes]
 * await classifier.dispose();
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { OnnxSession, initBackend, loadModel, loadOnnx } from '@dlkit/core';

export interface ClassifierSession {
  /** [height, width, channels] of one input image. */
  readonly imageShape: [number, number, number];
  readonly kind: 'tfjs' | 'onnx';
  /**
   * Class probabilities per image.
   * @param pixels images [count, height, width, channels], flattened
   * @returns [count][classes]
   */
  predict(pixels: Float32Array, count: number): Promise<number[][]>;
  dispose(): Promise<void>;
}

/** The model path is neither a tfjs model directory nor an .onnx file (decided by what the path is, before reading it). */
export class ClassifierSourceError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
    this.name = 'ClassifierSourceError';
  }
}

/** Opens a tfjs model directory or an .onnx file as a classifier (chosen by what `source` is). */
export async function openClassifier(source: string): Promise<ClassifierSession> {
  if (!fs.existsSync(source))
    throw new ClassifierSourceError(source, `${source}: not found (expected a tfjs model directory or an .onnx file)`);
  const stat = fs.statSync(source);
  if (stat.isDirectory()) return openTfjs(source);
  if (stat.isFile() && path.extname(source).toLowerCase() === '.onnx') return openOnnx(source);
  throw new ClassifierSourceError(
    source,
    `${source}: expected a tfjs model directory (with model.json) or an .onnx file`,
  );
}

async function openTfjs(dir: string): Promise<ClassifierSession> {
  await initBackend();
  const model = await loadModel(dir);
  const shape = model.inputs[0].shape;
  let imageShape: [number, number, number];
  try {
    imageShape = checkImageShape(shape.slice(1), dir);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return {
    kind: 'tfjs',
    imageShape,
    async predict(pixels, count) {
      // [count, H, W, C] -> [count, classes]
      const probs = tf.tidy(() => model.predict(tf.tensor4d(pixels, [count, ...imageShape])) as tf.Tensor);
      const rows = (await probs.array()) as number[][];
      probs.dispose();
      return rows;
    },
    async dispose() {
      model.dispose();
    },
  };
}

async function openOnnx(file: string): Promise<ClassifierSession> {
  const session: OnnxSession = await loadOnnx(file);
  let imageShape: [number, number, number];
  try {
    imageShape = checkImageShape(session.inputs[0].shape.slice(1), file);
  } catch (err) {
    await session.dispose();
    throw err;
  }
  return {
    kind: 'onnx',
    imageShape,
    async predict(pixels, count) {
      const out = await session.predict(pixels, [count, ...imageShape]);
      const classes = out.shape[out.shape.length - 1];
      return Array.from({ length: count }, (_, i) => Array.from(out.data.subarray(i * classes, (i + 1) * classes)));
    },
    async dispose() {
      await session.dispose();
    },
  };
}

function checkImageShape(shape: readonly (number | string | null)[], source: string): [number, number, number] {
  if (shape.length !== 3 || !shape.every((d) => typeof d === 'number' && d > 0)) {
    throw new Error(
      `${source}: expected an image classifier with input [batch, height, width, channels], got [batch, ${shape.join(', ')}]`,
    );
  }
  const [h, w, c] = shape as number[];
  if (c !== 1 && c !== 3)
    throw new Error(`${source}: input has ${c} channels; only greyscale (1) or RGB (3) image classifiers are served`);
  return [h, w, c];
}
