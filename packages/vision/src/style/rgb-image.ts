/**
 * RGB images in and out of style transfer, via sharp: any format sharp decodes (PNG, JPEG, WebP,
 * GIF, TIFF, AVIF, SVG) is resized (cover, centre crop) to size x size, alpha flattened on white,
 * greyscale expanded to RGB. Errors name the file and what was expected.
 */
import * as fs from 'fs';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { writeFileAtomic } from '@dlkit/core';

/** Reads `file` as [1, size, size, 3] RGB in [0, 1]. `role` names the input in errors ("content image"). */
export async function readRgbImage(file: string, size: number, role = 'image'): Promise<tf.Tensor4D> {
  if (!Number.isInteger(size) || size < 8) throw new Error(`size must be an integer >= 8, got ${size}`);
  if (!fs.existsSync(file)) throw new Error(`${role} ${file}: file not found`);
  if (!fs.statSync(file).isFile()) throw new Error(`${role} ${file}: not a file`);
  let raw: Buffer;
  try {
    raw = await sharp(file).flatten({ background: '#ffffff' }).toColourspace('srgb').resize(size, size, { fit: 'cover' }).removeAlpha().raw().toBuffer();
  } catch (err) {
    throw new Error(`${role} ${file}: not a readable image (expected PNG, JPEG, WebP, GIF, TIFF, AVIF or SVG): ${(err as Error).message}`);
  }
  if (raw.length !== size * size * 3) throw new Error(`${role} ${file}: decoded to ${raw.length} bytes, expected ${size}x${size} RGB`);
  return tf.tidy(() => tf.div(tf.tensor4d(new Uint8Array(raw), [1, size, size, 3], 'int32'), 255) as tf.Tensor4D);
}

/** Writes an image [1, H, W, 3] (or [H, W, 3]) in [0, 1] as a PNG file (atomically). */
export async function writeRgbPng(file: string, image: tf.Tensor): Promise<void> {
  const [H, W, C] = image.shape.slice(-3);
  if (image.rank < 3 || C !== 3) throw new Error(`writeRgbPng ${file}: expected an RGB image [.., H, W, 3], got [${image.shape}]`);
  const int = tf.tidy(() => tf.clipByValue(tf.round(tf.mul(image, 255)), 0, 255).toInt());
  const bytes = int.dataSync();
  int.dispose();
  const png = await sharp(Buffer.from(Uint8Array.from(bytes)), { raw: { width: W, height: H, channels: 3 } }).png().toBuffer();
  writeFileAtomic(file, png);
}
