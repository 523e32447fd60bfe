/**
 * Preprocessing for serving a classifier trained here, chosen by the model's input shape, so
 * `dlkit predict` feeds every model exactly what its training saw:
 * - [H, W, 3] (the image-folder classifiers of `train images`): `readImagePixels` RGB, the same
 *   resize / alpha flattening as the image-folder loader;
 * - [H, W, 1] (the MNIST CNN): `readGreyscaleImage` (light digit on dark, inverted if needed).
 * And the labels: `train images` writes `labels.txt` beside `model/` and the .onnx file.
 *
 * @example
 * const pixels = await readImageForModel('cat.jpg', [64, 64, 3]);
 * const labels = findLabelsFile('dlkit-out/train-images/images.onnx'); // '.../labels.txt' or undefined
 */
import * as fs from 'fs';
import * as path from 'path';
import { readImagePixels } from '../datasets/image-folder-read';
import { readGreyscaleImage } from '../preprocess/greyscale-image';

export async function readImageForModel(
  file: string,
  imageShape: readonly [number, number, number],
): Promise<Float32Array> {
  const [h, w, c] = imageShape;
  if (h !== w) throw new Error(`model input is ${h}×${w}; only square inputs are served (reading ${file})`);
  if (c === 3) return readImagePixels(file, { size: h, channels: 3 });
  if (c === 1) return readGreyscaleImage(file, h);
  throw new Error(`model input has ${c} channels; expected 1 (greyscale) or 3 (RGB) (reading ${file})`);
}

/** The `labels.txt` written next to a model directory or .onnx file by `train images`, if any. */
export function findLabelsFile(modelPath: string): string | undefined {
  const file = path.join(path.dirname(path.resolve(modelPath)), 'labels.txt');
  return fs.existsSync(file) ? file : undefined;
}
