/**
 * Decoded pixels as they travel between core's image and plot modules and the packages: 8-bit
 * samples, row-major, channels interleaved (HWC), the layout sharp's `raw()` reads and writes.
 *
 * @example
 * const img = imageFromFloats(pixels, { width: 28, height: 28, channels: 1 }); // [0, 1] -> bytes
 * imageToFloats(img); // Float32Array back in [0, 1]
 */

export interface RawImage {
  /** [height, width, channels] bytes. */
  data: Uint8Array;
  width: number;
  height: number;
  /** 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA. */
  channels: 1 | 2 | 3 | 4;
}

/** Size of an image without its pixels. */
export interface ImageShape {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** Checks that `image.data` holds width × height × channels bytes; returns the image. */
export function checkRawImage(image: RawImage, label = 'image'): RawImage {
  const { width, height, channels } = image;
  if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0))
    throw new Error(`${label}: size must be positive integers, got ${width}×${height}`);
  if (![1, 2, 3, 4].includes(channels)) throw new Error(`${label}: channels must be 1, 2, 3 or 4, got ${channels}`);
  if (image.data.length !== width * height * channels) {
    throw new Error(
      `${label}: expected ${width}×${height}×${channels} = ${width * height * channels} bytes, got ${image.data.length}`,
    );
  }
  return image;
}

/**
 * Values in [0, 1] (HWC; clipped, rounded to the nearest byte) as a RawImage.
 * @param pixels [height, width, channels] floats in [0, 1].
 */
export function imageFromFloats(pixels: ArrayLike<number>, shape: ImageShape): RawImage {
  const data = new Uint8Array(pixels.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(Math.min(1, Math.max(0, pixels[i])) * 255);
  return checkRawImage({ data, ...shape }, 'imageFromFloats');
}

/** A RawImage's bytes as floats in [0, 1], [height, width, channels]. */
export function imageToFloats(image: RawImage): Float32Array {
  const out = new Float32Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = image.data[i] / 255;
  return out;
}

/**
 * The image with `channels` channels: grey is repeated to RGB, an opaque alpha is added, or
 * alpha is dropped (grey + alpha -> grey, RGBA -> RGB). Colour -> grey is left to
 * `decodeImage({ channels: 1 })`, which knows the colour space.
 */
export function convertChannels(image: RawImage, channels: 1 | 3 | 4): RawImage {
  const { width, height, channels: from } = checkRawImage(image);
  if (from === channels) return image;
  const colour = from >= 3;
  if (channels === 1 && colour)
    throw new Error(
      `convertChannels: colour (${from} channels) to grey is not a channel copy; decode with channels: 1`,
    );
  const n = width * height;
  const data = new Uint8Array(n * channels);
  for (let i = 0; i < n; i++) {
    const src = i * from;
    const rgb = colour
      ? [image.data[src], image.data[src + 1], image.data[src + 2]]
      : [image.data[src], image.data[src], image.data[src]];
    const alpha = from === 2 || from === 4 ? image.data[src + from - 1] : 255;
    if (channels === 1) data[i] = rgb[0];
    else {
      data.set(rgb, i * channels);
      if (channels === 4) data[i * 4 + 3] = alpha;
    }
  }
  return { data, width, height, channels };
}
