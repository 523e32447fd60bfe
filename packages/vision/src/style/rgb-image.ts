/**
 * RGB images in and out of style transfer, via core's image module: any format it decodes (PNG,
 * JPEG, WebP, GIF, TIFF, AVIF, SVG) is resized (cover, centre crop) to size x size, alpha flattened on white,
 * greyscale expanded to RGB. Errors name the file and what was expected.
 */
import * as fs from 'fs';
import * as tf from '@tensorflow/tfjs';
import { decodeImage, writeImage } from '@dlkit/core';

/** Reads `file` as [1, size, size, 3] RGB in [0, 1]. `role` names the input in errors ("content image"). */
export async function readRgbImage(file: string, size: number, role = 'image'): Promise<tf.Tensor4D> {
  if (!Number.isInteger(size) || size < 8) throw new Error(`size must be an integer >= 8, got ${size}`);
  if (!fs.existsSync(file)) throw new Error(`${role} ${file}: file not found`);
  if (!fs.statSync(file).isFile()) throw new Error(`${role} ${file}: not a file`);
  const { data: raw } = await decodeImage(file, {
    channels: 3,
    background: '#ffffff',
    resize: { width: size, height: size, fit: 'cover' },
    label: `${role} ${file}`,
    expected: 'a PNG, JPEG, WebP, GIF, TIFF, AVIF or SVG image',
  });
  if (raw.length !== size * size * 3)
    throw new Error(`${role} ${file}: decoded to ${raw.length} bytes, expected ${size}x${size} RGB`);
  return tf.tidy(() => tf.div(tf.tensor4d(new Uint8Array(raw), [1, size, size, 3], 'int32'), 255) as tf.Tensor4D);
}

/** Writes an image [1, H, W, 3] (or [H, W, 3]) in [0, 1] as a PNG file (atomically). */
export async function writeRgbPng(file: string, image: tf.Tensor): Promise<void> {
  const [H, W, C] = image.shape.slice(-3);
  if (image.rank < 3 || C !== 3)
    throw new Error(`writeRgbPng ${file}: expected an RGB image [.., H, W, 3], got [${image.shape}]`);
  const int = tf.tidy(() => tf.clipByValue(tf.round(tf.mul(image, 255)), 0, 255).toInt());
  const bytes = int.dataSync();
  int.dispose();
  await writeImage(file, { data: Uint8Array.from(bytes), width: W, height: H, channels: 3 });
}
