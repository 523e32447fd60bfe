/**
 * One interface over the two ways a trained classifier is served: a tfjs model directory (wasm
 * backend) or an exported .onnx file (onnxruntime-node). Both take NHWC images, as in training.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { OnnxSession, initBackend, loadModel, loadOnnx } from '@dlkit/core';
import { UsageError } from './errors';

export interface Classifier {
  /** [height, width, channels] of one input image. */
  readonly imageShape: [number, number, number];
  readonly kind: 'tfjs' | 'onnx';
  /** Class probabilities per image: [count][classes]. */
  predict(pixels: Float32Array, count: number): Promise<number[][]>;
  dispose(): Promise<void>;
}

export async function openClassifier(source: string): Promise<Classifier> {
  if (!fs.existsSync(source)) throw new UsageError(`--model ${source}: not found (expected a tfjs model directory or an .onnx file)`);
  if (fs.statSync(source).isDirectory()) return openTfjs(source);
  if (path.extname(source).toLowerCase() === '.onnx') return openOnnx(source);
  throw new UsageError(`--model ${source}: expected a tfjs model directory (with model.json) or an .onnx file`);
}

async function openTfjs(dir: string): Promise<Classifier> {
  await initBackend();
  const model = await loadModel(dir);
  const shape = model.inputs[0].shape;
  const imageShape = checkImageShape(shape.slice(1), dir);
  return {
    kind: 'tfjs',
    imageShape,
    async predict(pixels, count) {
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

async function openOnnx(file: string): Promise<Classifier> {
  const session: OnnxSession = await loadOnnx(file);
  const input = session.inputs[0];
  const imageShape = checkImageShape(input.shape.slice(1), file);
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
    throw new Error(`${source}: expected an image classifier with input [batch, height, width, channels], got [batch, ${shape.join(', ')}]`);
  }
  const [h, w, c] = shape as number[];
  if (c !== 1 && c !== 3) throw new Error(`${source}: input has ${c} channels; predict serves greyscale (1) or RGB (3) image classifiers`);
  return [h, w, c];
}
