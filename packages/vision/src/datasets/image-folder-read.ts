/**
 * Decodes one image file into the layout the image classifiers train on: size×size, NHWC
 * channel-last, values in [0, 1], Float32. Whatever the file holds is normalised:
 * - alpha is flattened onto a background (white by default, as a viewer shows it);
 * - greyscale files are repeated to 3 channels for RGB models, colour files averaged
 *   (luminance) to 1 channel for greyscale models;
 * - any size is resized with `fit: 'cover'` (centre crop, Keras `image_dataset_from_directory`
 *   with `crop_to_aspect_ratio`) so the object keeps its aspect ratio.
 * Decoding is core's `decodeImage`; errors name the file and what was expected.
 *
 * @example
 * const pixels = await readImagePixels('cats/001.jpg', { size: 64, channels: 3 }); // Float32Array(64*64*3)
 */
import { decodeImage, imageToFloats } from '@dlkit/core';

export interface ReadImageOptions {
  /** Side of the square output in pixels. */
  size: number;
  /** 3: RGB (default), 1: greyscale. */
  channels?: 1 | 3;
  /** Colour under transparent pixels. */
  background?: string;
  /** How a non-square image becomes square: centre crop ('cover') or letterbox ('contain'). */
  fit?: 'cover' | 'contain' | 'fill';
}

export const READ_IMAGE_DEFAULTS = { channels: 3 as 1 | 3, background: '#ffffff', fit: 'cover' as const };

/** The decoded image as a Float32Array [size, size, channels] in [0, 1]. */
export async function readImagePixels(file: string, options: ReadImageOptions): Promise<Float32Array> {
  const o = { ...READ_IMAGE_DEFAULTS, ...options };
  if (!(Number.isInteger(o.size) && o.size > 0)) throw new Error(`size must be a positive integer, got ${o.size}`);
  if (o.channels !== 1 && o.channels !== 3) throw new Error(`channels must be 1 or 3, got ${o.channels}`);
  // greyscale sources come back repeated to 3 channels for RGB models
  const image = await decodeImage(file, {
    channels: o.channels,
    background: o.background,
    resize: { width: o.size, height: o.size, fit: o.fit, background: o.background },
    failOn: 'truncated',
  });
  if (image.width !== o.size || image.height !== o.size)
    throw new Error(`${file}: decoded to ${image.width}×${image.height}, expected ${o.size}×${o.size}`);
  return imageToFloats(image);
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight (images decode on sharp's own thread
 * pool; a bound keeps memory and open files in check on big folders). Results keep input order.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!(Number.isInteger(limit) && limit > 0)) throw new Error(`concurrency must be a positive integer, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
