/**
 * An image-folder dataset, the layout of the cats-vs-dogs project and of Keras's
 * `image_dataset_from_directory`: `DIR/<class>/*.{png,jpg,jpeg,webp}`, one sub-folder per class,
 * classes sorted by name. Every image is decoded and resized by core's `decodeImage` (see `readImagePixels`)
 * and split into train / validation / test with a seeded STRATIFIED split (each class is
 * shuffled and cut in the same proportions, so small classes appear in every split).
 *
 * Bad inputs never crash the run and never vanish silently: files that do not decode (not an
 * image, truncated, zero bytes) are listed in `skipped` by name with the reason, class folders
 * with no usable image in `emptyClasses`, and `warnings` holds one readable line per problem.
 * Fewer than 2 usable classes is an error (a classifier needs at least two).
 *
 * @example
 * const data = await loadImageFolder('pets', { size: 64, seed: 1 });
 * console.log(data.classes, data.train.count, data.skipped);
 */
import * as fs from 'fs';
import * as path from 'path';
import { Rng, seedFor } from '@dlkit/core';
import { mapLimit, readImagePixels } from './image-folder-read';
import { stripUndefined } from '@dlkit/core';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp'];

export interface ImageFolderOptions {
  /** Side of the square images the files are resized to. */
  size?: number;
  /** 3: RGB, 1: greyscale. */
  channels?: 1 | 3;
  /** Seeds the split. */
  seed?: number;
  /** Fraction of each class held out for validation. */
  validationFraction?: number;
  /** Fraction of each class held out for the test set. */
  testFraction?: number;
  /** Files decoded at once. */
  concurrency?: number;
}

export const IMAGE_FOLDER_DEFAULTS = {
  size: 64,
  channels: 3 as 1 | 3,
  seed: 1,
  validationFraction: 0.15,
  testFraction: 0.15,
  concurrency: 4,
} satisfies Required<ImageFolderOptions>;

/** A set of decoded images: one Float32Array [size, size, channels] per image (memory: 4 bytes per value). */
export interface ImageSet {
  images: Float32Array[];
  /** Class index of each image. */
  labels: Int32Array;
  /** Source file of each image. */
  files: string[];
  count: number;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface ImageFolder {
  dir: string;
  classes: string[];
  size: number;
  channels: 1 | 3;
  train: ImageSet;
  validation: ImageSet;
  test: ImageSet;
  /** Usable images per class (before the split). */
  counts: Record<string, number>;
  /** Files that could not be used, with the reason. */
  skipped: SkippedFile[];
  /** Class folders with no usable image (left out of `classes`). */
  emptyClasses: string[];
  /** One human-readable line per problem (skipped files, empty classes). */
  warnings: string[];
}

/** Thrown for a path that is not an image folder (missing, or no class sub-folders): a usage error. */
export class ImageFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageFolderError';
  }
}

export async function loadImageFolder(dir: string, options: ImageFolderOptions = {}): Promise<ImageFolder> {
  const o = { ...IMAGE_FOLDER_DEFAULTS, ...stripUndefined(options) };
  const fractions = o.validationFraction + o.testFraction;
  if (!(o.validationFraction >= 0 && o.testFraction > 0 && fractions < 1)) {
    throw new Error(
      `validationFraction (${o.validationFraction}) and testFraction (${o.testFraction}) must be ≥ 0, > 0 and sum to < 1`,
    );
  }
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new ImageFolderError(`${dir}: no such directory (expected DIR/<class>/*.png|jpg|jpeg|webp)`);
  const classDirs = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  if (classDirs.length === 0)
    throw new ImageFolderError(
      `${dir}: no class folders (expected DIR/<class>/*.png|jpg|jpeg|webp, one sub-folder per class)`,
    );

  const skipped: SkippedFile[] = [];
  const emptyClasses: string[] = [];
  const perClass: { name: string; images: Float32Array[]; files: string[] }[] = [];
  for (const name of classDirs) {
    const files = fs
      .readdirSync(path.join(dir, name))
      .filter((f) => IMAGE_EXTENSIONS.includes(path.extname(f).toLowerCase()))
      .sort()
      .map((f) => path.join(dir, name, f));
    const decoded = await mapLimit(files, o.concurrency, async (file) => {
      try {
        return await readImagePixels(file, { size: o.size, channels: o.channels });
      } catch (err) {
        skipped.push({ file, reason: (err as Error).message.replace(`${file}: `, '') });
        return undefined;
      }
    });
    const images: Float32Array[] = [];
    const kept: string[] = [];
    decoded.forEach((img, i) => {
      if (img) {
        images.push(img);
        kept.push(files[i]);
      }
    });
    if (images.length === 0) emptyClasses.push(name);
    else perClass.push({ name, images, files: kept });
  }
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  const warnings = [
    ...(skipped.length > 0
      ? [`skipped ${skipped.length} unreadable file(s): ${skipped.map((s) => `${s.file} (${s.reason})`).join('; ')}`]
      : []),
    ...emptyClasses.map(
      (c) => `class folder ${path.join(dir, c)} has no readable .png/.jpg/.jpeg/.webp image; left out`,
    ),
  ];
  if (perClass.length < 2) {
    throw new ImageFolderError(
      `${dir}: found ${perClass.length} class folder(s) with readable images (${perClass.map((c) => c.name).join(', ') || 'none'}), a classifier needs at least 2` +
        (warnings.length ? `; ${warnings.join('; ')}` : ''),
    );
  }

  const split = stratifiedSplit(
    perClass.map((c) => c.images.length),
    o.validationFraction,
    o.testFraction,
    o.seed,
  );
  const pick = (rows: [number, number][]): ImageSet => ({
    images: rows.map(([c, i]) => perClass[c].images[i]),
    labels: Int32Array.from(rows, ([c]) => c),
    files: rows.map(([c, i]) => perClass[c].files[i]),
    count: rows.length,
  });
  return {
    dir,
    classes: perClass.map((c) => c.name),
    size: o.size,
    channels: o.channels,
    train: pick(split.train),
    validation: pick(split.validation),
    test: pick(split.test),
    counts: Object.fromEntries(perClass.map((c) => [c.name, c.images.length])),
    skipped,
    emptyClasses,
    warnings,
  };
}

/**
 * Seeded stratified split of classes with `counts[c]` examples each: returns [class, index]
 * pairs. Each class is permuted and cut at round(n·testFraction) test, round(n·validationFraction)
 * validation, the rest train; a class with ≥ 3 examples keeps at least one in train and test.
 * The train rows are interleaved by a final seeded shuffle (the Trainer shuffles anyway).
 */
export function stratifiedSplit(
  counts: readonly number[],
  validationFraction: number,
  testFraction: number,
  seed: number,
): { train: [number, number][]; validation: [number, number][]; test: [number, number][] } {
  const rng = new Rng(seedFor(seed, 'imageFolderSplit'));
  const train: [number, number][] = [];
  const validation: [number, number][] = [];
  const test: [number, number][] = [];
  counts.forEach((n, c) => {
    const order = rng.permutation(n);
    let nTest = Math.round(n * testFraction);
    let nVal = Math.round(n * validationFraction);
    if (n >= 3 && nTest === 0) nTest = 1;
    if (nTest + nVal >= n) nVal = Math.max(0, n - nTest - 1);
    order.forEach((i, k) => (k < nTest ? test : k < nTest + nVal ? validation : train).push([c, i]));
  });
  return { train: rng.shuffle(train), validation, test };
}
