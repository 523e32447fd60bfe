/**
 * Raw pixels to PNG, JPEG or WebP bytes, and to files (written atomically: a killed process leaves
 * the old file or the new one, never half of one).
 *
 * @example
 * const png = await encodeImage(img);                                  // PNG bytes
 * await writeImage('out/digit.jpg', img, { format: 'jpeg', quality: 95 });
 */
import sharp from 'sharp';
import { writeFileAtomic } from '../io/atomic';
import { RawImage, checkRawImage } from './raw-image';

export interface EncodeImageOptions {
  format?: 'png' | 'jpeg' | 'webp';
  /** WebP: lossless instead of lossy. */
  lossless?: boolean;
  /** JPEG quality, 1-100. */
  quality?: number;
  /** PNG: zlib level 0-9. */
  compressionLevel?: number;
  /** PNG: quantise to a palette of at most `colours` colours (much smaller files for figures). */
  palette?: boolean;
  colours?: number;
}

export const ENCODE_DEFAULTS = { format: 'png' as const, quality: 90 };

/** The image encoded as PNG (default), JPEG or WebP bytes. */
export async function encodeImage(image: RawImage, options: EncodeImageOptions = {}): Promise<Buffer> {
  const o = { ...ENCODE_DEFAULTS, ...options };
  const { width, height, channels } = checkRawImage(image, 'encodeImage');
  const p = sharp(image.data, { raw: { width, height, channels } });
  if (o.format === 'jpeg') return p.jpeg({ quality: o.quality }).toBuffer();
  if (o.format === 'webp') return p.webp(o.lossless ? { lossless: true } : { quality: o.quality }).toBuffer();
  return p
    .png({
      ...(o.compressionLevel !== undefined ? { compressionLevel: o.compressionLevel } : {}),
      ...(o.palette ? { palette: true, colours: o.colours ?? 256 } : {}),
    })
    .toBuffer();
}

/** Encodes the image and writes it to `file` atomically; returns `file`. */
export async function writeImage(file: string, image: RawImage, options: EncodeImageOptions = {}): Promise<string> {
  writeFileAtomic(file, await encodeImage(image, options));
  return file;
}
