/**
 * Writes real MNIST digits as an image folder (`DIR/<digit name>/*.png|jpg`): a small
 * classification data set on disk for demos, docs and tests of the image-folder pipeline. Files
 * alternate between greyscale PNG, RGB JPEG and RGBA PNG, so every normalisation path of the
 * loader is exercised; `size` upscales the 28×28 digits.
 *
 * @example
 * await writeDigitImageFolder('tmp/digits', { digits: [0, 1, 7], perClass: 60 });
 * await trainImages({ dataDir: 'tmp/digits', outDir: 'tmp/out', size: 28 });
 */
import * as fs from 'fs';
import * as path from 'path';
import { convertChannels, imageFromFloats, resizeImage, writeImage } from '@dlkit/core';
import { mnistSplit } from '../datasets/mnist';

export const DIGIT_NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export interface DigitFolderOptions {
  digits?: number[];
  perClass?: number;
  /** Side of the written images (the 28×28 digits are resized). */
  size?: number;
  /** Which MNIST digits: the first `perClass` of each class in the train or test split. */
  split?: 'train' | 'test';
}

export async function writeDigitImageFolder(dir: string, options: DigitFolderOptions = {}): Promise<string[]> {
  const { digits = [0, 1, 2], perClass = 60, size = 28, split = 'train' } = options;
  const set = mnistSplit()[split];
  const written: string[] = [];
  for (const d of digits) {
    const classDir = path.join(dir, DIGIT_NAMES[d]);
    fs.mkdirSync(classDir, { recursive: true });
    let n = 0;
    for (let i = 0; i < set.count && n < perClass; i++) {
      if (set.labels[i] !== d) continue;
      const grey = imageFromFloats(set.images.subarray(i * 784, (i + 1) * 784), { width: 28, height: 28, channels: 1 });
      const base = size === 28 ? grey : await resizeImage(grey, { width: size, height: size });
      const stem = path.join(classDir, `${DIGIT_NAMES[d]}-${String(n).padStart(4, '0')}`);
      // greyscale PNG, RGB JPEG, RGBA PNG in turn
      const file = n % 3 === 1 ? `${stem}.jpg` : `${stem}.png`;
      if (n % 3 === 0) await writeImage(file, base);
      else if (n % 3 === 1) await writeImage(file, convertChannels(base, 3), { format: 'jpeg', quality: 95 });
      else await writeImage(file, convertChannels(base, 4));
      written.push(file);
      n++;
    }
    if (n < perClass) throw new Error(`only ${n} digits ${d} in the MNIST ${split} split, asked for ${perClass}`);
  }
  return written;
}
