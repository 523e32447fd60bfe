/**
 * Image files and bytes (PNG, JPEG, WebP, GIF, TIFF, AVIF, SVG: whatever sharp reads) to raw
 * pixels, normalised on the way: channel count, alpha flattened onto a background, EXIF
 * orientation, an optional resize. Every failure is an `ImageDecodeError` whose message starts
 * with the file (or label) and says what was expected; special files (a named pipe, a device)
 * are refused before sharp is asked, since reading them can block forever.
 *
 * @example
 * const img = await decodeImage('cat.jpg', { channels: 3, resize: { width: 64, height: 64, fit: 'cover' } });
 * const { width, height, format } = await readImageInfo('cat.jpg');
 */
import * as fs from 'fs';
import sharp from 'sharp';
import { RawImage, checkRawImage } from './raw-image';
import { Colour, ResizeSpec, sharpResizeOptions } from './resize';

export interface DecodeImageOptions {
  /** 1: greyscale (luminance), 3: sRGB, 4: sRGB with alpha; default: as stored. */
  channels?: 1 | 3 | 4;
  /** Colour under transparent pixels; without it alpha is dropped as it is (channels 1 and 3). */
  background?: Colour;
  /** Apply the EXIF orientation first (phone photos), so pixels are upright. */
  autoOrient?: boolean;
  /** Resize while decoding. */
  resize?: ResizeSpec;
  /** Decoder strictness (sharp's `failOn`): 'truncated' accepts images with minor warnings. */
  failOn?: 'none' | 'truncated' | 'error' | 'warning';
  /** Names the input in errors (default: the file path, or "image bytes"). */
  label?: string;
  /** What a valid input is, for error messages. */
  expected?: string;
}

export const DECODE_DEFAULTS = { failOn: 'warning' as const, expected: 'a PNG, JPEG or WebP image' };

/** A file or byte buffer that could not be decoded; `file` is the input's label, `reason` the cause. */
export class ImageDecodeError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    expected: string,
  ) {
    super(`${file}: ${reason}; expected ${expected}`);
    this.name = 'ImageDecodeError';
  }
}

/** Decodes `source` (a path or encoded bytes) to raw pixels. */
export async function decodeImage(source: string | Uint8Array, options: DecodeImageOptions = {}): Promise<RawImage> {
  const o = { ...DECODE_DEFAULTS, ...options };
  const label = o.label ?? (typeof source === 'string' ? source : 'image bytes');
  if (typeof source === 'string') checkImageFile(source, label, o.expected);
  let result: { data: Buffer; info: sharp.OutputInfo };
  try {
    let p = sharp(source, { failOn: o.failOn });
    if (o.autoOrient) p = p.rotate();
    if (o.background !== undefined && o.channels !== 4) p = p.flatten({ background: o.background });
    if (o.channels === 1) p = p.greyscale();
    else if (o.channels === 3) p = p.toColourspace('srgb');
    else if (o.channels === 4) p = p.toColourspace('srgb').ensureAlpha();
    if (o.resize) p = p.resize(sharpResizeOptions(o.resize));
    if (o.channels === 1 || o.channels === 3) p = p.removeAlpha();
    result = await p.raw().toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new ImageDecodeError(label, `not a readable image (${(err as Error).message.split('\n')[0]})`, o.expected);
  }
  let { data } = result;
  let channels = result.info.channels as RawImage['channels'];
  if (o.channels === 3 && channels === 1) {
    // a greyscale source that sharp kept single-channel: repeat it
    data = Buffer.alloc(data.length * 3);
    for (let i = 0; i < result.data.length; i++) data[3 * i] = data[3 * i + 1] = data[3 * i + 2] = result.data[i];
    channels = 3;
  }
  if (o.channels !== undefined && channels !== o.channels)
    throw new ImageDecodeError(label, `decoded to ${channels} channels, not ${o.channels}`, o.expected);
  return checkRawImage({ data, width: result.info.width, height: result.info.height, channels }, label);
}

export interface ImageInfo {
  /** 'png', 'jpeg', 'webp', 'svg', ... */
  format: string;
  width: number;
  height: number;
  channels: number;
}

/** Format and size of an image file or bytes, without decoding its pixels. */
export async function readImageInfo(
  source: string | Uint8Array,
  options: Pick<DecodeImageOptions, 'label' | 'expected'> = {},
): Promise<ImageInfo> {
  const label = options.label ?? (typeof source === 'string' ? source : 'image bytes');
  const expected = options.expected ?? DECODE_DEFAULTS.expected;
  if (typeof source === 'string') checkImageFile(source, label, expected);
  try {
    const m = await sharp(source).metadata();
    return { format: m.format, width: m.width ?? 0, height: m.height ?? 0, channels: m.channels ?? 0 };
  } catch (err) {
    throw new ImageDecodeError(label, `not a readable image (${(err as Error).message.split('\n')[0]})`, expected);
  }
}

/** Refuses a missing, special (pipe, device, directory) or empty file before any read. */
function checkImageFile(file: string, label: string, expected: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ImageDecodeError(label, 'no such file', expected);
  }
  if (!stat.isFile())
    throw new ImageDecodeError(label, stat.isDirectory() ? 'is a directory' : 'not a regular file', expected);
  if (stat.size === 0) throw new ImageDecodeError(label, 'empty file (0 bytes)', expected);
}
