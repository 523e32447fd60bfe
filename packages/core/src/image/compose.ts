/**
 * Layers placed on a plain canvas: the building block of image grids, overlays and strips.
 *
 * @example
 * const sheet = await composeImages({ width: 200, height: 100 }, [{ image: a, left: 0, top: 0 }, { image: pngBytes, left: 100, top: 0 }]);
 */
import sharp from 'sharp';
import { RawImage, checkRawImage } from './raw-image';
import { Colour } from './resize';

export interface ImageLayer {
  /** Raw pixels, or encoded bytes (PNG with transparency, JPEG, ...). */
  image: RawImage | Uint8Array;
  left: number;
  top: number;
}

export interface CanvasSpec {
  width: number;
  height: number;
  background?: Colour;
  /** 3 (RGB, default) or 4 (RGBA). */
  channels?: 3 | 4;
}

/** Draws `layers` in order (later on top, alpha respected) onto a canvas; returns RGB(A) pixels. */
export async function composeImages(canvas: CanvasSpec, layers: readonly ImageLayer[]): Promise<RawImage> {
  const { width, height, background = '#ffffff', channels = 3 } = canvas;
  if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0))
    throw new Error(`composeImages: canvas size must be positive integers, got ${width}×${height}`);
  const overlays: sharp.OverlayOptions[] = layers.map((l) => {
    const position = { left: Math.round(l.left), top: Math.round(l.top) };
    if (!('data' in l.image)) return { input: Buffer.from(l.image), ...position };
    const img = checkRawImage(l.image, 'composeImages layer');
    return {
      input: Buffer.from(img.data),
      raw: { width: img.width, height: img.height, channels: img.channels },
      ...position,
    };
  });
  const { data, info } = await sharp({ create: { width, height, channels, background } })
    .composite(overlays)
    .raw()
    .toBuffer({ resolveWithObject: true });
  // sharp adds an alpha channel when a layer has one; a 3-channel canvas stays opaque RGB
  const out = info.channels === channels ? data : dropAlpha(data, info.channels, width * height);
  return checkRawImage({ data: out, width, height, channels }, 'composeImages');
}

function dropAlpha(data: Buffer, from: number, pixels: number): Buffer {
  const out = Buffer.alloc(pixels * 3);
  for (let i = 0; i < pixels; i++) for (let c = 0; c < 3; c++) out[3 * i + c] = data[from * i + c];
  return out;
}
