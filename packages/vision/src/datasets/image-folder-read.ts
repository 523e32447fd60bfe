/**
 * Decodes one image file into the layout the image classifiers train on: size×size, NHWC
 * channel-last, values in [0, 1], Float32. Whatever the file holds is normalised:
 * - alpha is flattened onto a background (white by default, as a viewer shows it);
 * - greyscale files are repeated to 3 channels for RGB models, colour files averaged
 *   (sharp's luminance, Rec. 601) to 1 channel for greyscale models;
 * - any size is resized with `fit: 'cover'` (centre crop, Keras `image_dataset_from_directory`
 *   with `crop_to_aspect_ratio`) so the object keeps its aspect ratio.
 * Errors name the file and what was expected.
 *
 * @example
 * const pixels = await readImagePixels('cats/001.jpg', { size: 64, channels: 3 }); // Float32Array(64*64*3)
 */
import * as fs from 'fs';
import sharp from 'sharp';

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
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file (expected a PNG, JPEG or WebP image)`);
  if (fs.statSync(file).size === 0) throw new Error(`${file}: empty file (0 bytes), expected a PNG, JPEG or WebP image`);
  let raw: Buffer;
  let info: sharp.OutputInfo;
  try {
    let pipeline = sharp(file, { failOn: 'truncated' }).flatten({ background: o.background });
    pipeline = o.channels === 1 ? pipeline.greyscale() : pipeline.toColourspace('srgb');
    ({ data: raw, info } = await pipeline
      .resize(o.size, o.size, { fit: o.fit, background: o.background })
      .raw()
      .toBuffer({ resolveWithObject: true }));
  } catch (err) {
    throw new Error(`${file}: not a readable image (${(err as Error).message.split('\n')[0]}); expected a PNG, JPEG or WebP image`);
  }
  if (info.width !== o.size || info.height !== o.size) throw new Error(`${file}: decoded to ${info.width}×${info.height}, expected ${o.size}×${o.size}`);
  const pixels = new Float32Array(o.size * o.size * o.channels);
  if (info.channels === o.channels) {
    for (let i = 0; i < pixels.length; i++) pixels[i] = raw[i] / 255;
  } else if (info.channels === 1 && o.channels === 3) {
    // a greyscale source that sharp kept single-channel: repeat it
    for (let i = 0; i < o.size * o.size; i++) pixels[3 * i] = pixels[3 * i + 1] = pixels[3 * i + 2] = raw[i] / 255;
  } else {
    throw new Error(`${file}: decoded to ${info.channels} channels, expected ${o.channels}`);
  }
  return pixels;
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight (sharp decodes on its own thread
 * pool; a bound keeps memory and open files in check on big folders). Results keep input order.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
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
