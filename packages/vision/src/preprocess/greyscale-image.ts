/**
 * Reads any image core's `decodeImage` reads (PNG, JPEG, WebP, ...) into the layout the MNIST models are
 * trained on: size×size greyscale in [0, 1], a light digit on a dark background. Dark-on-light
 * images (a digit drawn on white paper) are inverted, judged by the mean of the border pixels.
 * A size×size image that is already light-on-dark comes out exactly as its pixels / 255, so an
 * MNIST digit saved as PNG predicts the same as the in-memory digit.
 *
 * @example
 * const pixels = await readGreyscaleImage('seven.png', 28); // Float32Array(784)
 */
import { decodeImage } from '@dlkit/core';

const EXPECTED = 'a PNG or JPEG image';

export async function readGreyscaleImage(file: string, size: number): Promise<Float32Array> {
  const paper = await borderColour(file);
  const { data: raw, ...info } = await decodeImage(file, {
    channels: 1,
    background: '#ffffff', // transparent areas count as paper
    resize: { width: size, height: size, fit: 'contain', background: paper },
    expected: EXPECTED,
  });
  if (info.channels !== 1 || info.width !== size || info.height !== size) {
    throw new Error(`${file}: decoded to ${info.width}×${info.height}×${info.channels}, expected ${size}×${size}×1`);
  }
  const pixels = new Float32Array(size * size);
  for (let i = 0; i < pixels.length; i++) pixels[i] = raw[i] / 255;
  if (borderMean(pixels, size) > 0.5) for (let i = 0; i < pixels.length; i++) pixels[i] = 1 - pixels[i];
  return pixels;
}

/** Letterbox padding colour: the image's own mean border value, so padding matches the paper. */
async function borderColour(file: string): Promise<{ r: number; g: number; b: number }> {
  try {
    const { data, width, height } = await decodeImage(file, { channels: 1, background: '#ffffff', expected: EXPECTED });
    const v = Math.round(borderMean(Float32Array.from(data), width, height));
    return { r: v, g: v, b: v };
  } catch {
    return { r: 0, g: 0, b: 0 }; // the main decode reports the error with the file name
  }
}

function borderMean(p: Float32Array, width: number, height = width): number {
  let sum = 0;
  let n = 0;
  for (let x = 0; x < width; x++) {
    sum += p[x] + p[(height - 1) * width + x];
    n += 2;
  }
  for (let y = 1; y < height - 1; y++) {
    sum += p[y * width] + p[y * width + width - 1];
    n += 2;
  }
  return sum / n;
}
