/**
 * Resizing and padding of decoded images (sharp behind the door).
 *
 * @example
 * const big = await resizeImage(img, { width: 112, height: 112, kernel: 'nearest' });
 * const boxed = await padImage(big, { top: 8, bottom: 8, background: { r: 114, g: 114, b: 114 } });
 */
import sharp from 'sharp';
import { RawImage, checkRawImage } from './raw-image';

/** A CSS colour string or RGB(A) bytes. */
export type Colour = string | { r: number; g: number; b: number; alpha?: number };

export interface ResizeSpec {
  width: number;
  height: number;
  /** How the aspect ratio is handled: centre crop ('cover'), letterbox ('contain') or stretch ('fill'). */
  fit?: 'cover' | 'contain' | 'fill';
  /** Interpolation; 'nearest' keeps small images blocky when upscaled. */
  kernel?: 'nearest' | 'linear' | 'cubic' | 'lanczos3';
  /** Colour of the bars that 'contain' adds. */
  background?: Colour;
}

export const RESIZE_DEFAULTS = { fit: 'fill' as const, kernel: 'lanczos3' as const };

/** Sharp's resize options for a spec (shared with decodeImage, which resizes while decoding). */
export function sharpResizeOptions(spec: ResizeSpec): sharp.ResizeOptions {
  if (!(Number.isInteger(spec.width) && spec.width > 0 && Number.isInteger(spec.height) && spec.height > 0)) {
    throw new Error(`resize: size must be positive integers, got ${spec.width}×${spec.height}`);
  }
  const o = { ...RESIZE_DEFAULTS, ...spec };
  return {
    width: o.width,
    height: o.height,
    fit: o.fit,
    kernel: o.kernel,
    ...(o.background !== undefined ? { background: o.background } : {}),
  };
}

/** The image resized to `spec.width` × `spec.height` (same channels). */
export async function resizeImage(image: RawImage, spec: ResizeSpec): Promise<RawImage> {
  const { width, height, channels } = checkRawImage(image);
  const data = await keepChannels(
    sharp(image.data, { raw: { width, height, channels } }).resize(sharpResizeOptions(spec)),
    channels,
  )
    .raw()
    .toBuffer();
  return checkRawImage({ data, width: spec.width, height: spec.height, channels }, 'resizeImage');
}

export interface PadSpec {
  left?: number;
  top?: number;
  right?: number;
  bottom?: number;
  background: Colour;
}

/** The image with borders of `background` added on each side (same channels). */
export async function padImage(image: RawImage, spec: PadSpec): Promise<RawImage> {
  const { width, height, channels } = checkRawImage(image);
  const [left, top, right, bottom] = [spec.left ?? 0, spec.top ?? 0, spec.right ?? 0, spec.bottom ?? 0];
  if (![left, top, right, bottom].every((v) => Number.isInteger(v) && v >= 0))
    throw new Error(`padImage: borders must be non-negative integers, got ${[left, top, right, bottom]}`);
  const data = await keepChannels(
    sharp(image.data, { raw: { width, height, channels } }).extend({
      left,
      top,
      right,
      bottom,
      background: spec.background,
    }),
    channels,
  )
    .raw()
    .toBuffer();
  return checkRawImage({ data, width: width + left + right, height: height + top + bottom, channels }, 'padImage');
}

/** sharp turns single-channel raw input into sRGB on output; keep it grey. */
function keepChannels(p: sharp.Sharp, channels: RawImage['channels']): sharp.Sharp {
  return channels === 1 ? p.toColourspace('b-w') : p;
}
