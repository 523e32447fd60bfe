/**
 * Letterbox preprocessing as in Ultralytics YOLOv5/v8 (`LetterBox`, `scale_boxes`): resize keeping
 * the aspect ratio so the image fits H×W, pad the rest with grey 114 split evenly around it, and
 * map predicted boxes back by undoing the pad and the scale, then clipping to the original image.
 *
 * @example
 * const g = letterboxGeometry(200, 100, 64, 64); // scale 0.32, content 64×32, pad top 16
 * unletterboxBox([10, 20, 30, 40], g);            // -> [31.25, 12.5, 93.75, 75]
 */
import { decodeImage, padImage, resizeImage } from '@dlkit/core';
import { CornerBox, clipBox } from './boxes';

export interface LetterboxGeometry {
  /** Original image size. */
  width: number;
  height: number;
  /** Model input size. */
  inputWidth: number;
  inputHeight: number;
  /** Resize factor: min(inputHeight / height, inputWidth / width). */
  scale: number;
  /** Size of the resized image inside the input. */
  contentWidth: number;
  contentHeight: number;
  /** Padding added on the left and top (right/bottom get the rest). */
  left: number;
  top: number;
}

export const LETTERBOX_GREY = 114;

/** Ultralytics' arithmetic: new size round(w·r), padding round(d/2 ∓ 0.1) on the two sides. */
export function letterboxGeometry(
  width: number,
  height: number,
  inputWidth: number,
  inputHeight: number,
): LetterboxGeometry {
  const scale = Math.min(inputHeight / height, inputWidth / width);
  const contentWidth = Math.round(width * scale);
  const contentHeight = Math.round(height * scale);
  const left = Math.max(0, Math.round((inputWidth - contentWidth) / 2 - 0.1)); // max: no -0
  const top = Math.max(0, Math.round((inputHeight - contentHeight) / 2 - 0.1));
  return { width, height, inputWidth, inputHeight, scale, contentWidth, contentHeight, left, top };
}

/** A box in model-input pixels -> the original image's pixels (pad removed, scale undone, clipped). */
export function unletterboxBox(box: CornerBox, g: LetterboxGeometry): CornerBox {
  const b: CornerBox = [
    (box[0] - g.left) / g.scale,
    (box[1] - g.top) / g.scale,
    (box[2] - g.left) / g.scale,
    (box[3] - g.top) / g.scale,
  ];
  return clipBox(b, g.width, g.height);
}

export interface RgbImage {
  /** [height, width, 3] bytes. */
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Reads an image file as 8-bit RGB (EXIF orientation applied, alpha dropped, greyscale expanded)
 * with core's `decodeImage`. Errors name the file (`ImageDecodeError`).
 */
export async function readRgb(file: string): Promise<RgbImage> {
  const { data, width, height } = await decodeImage(file, { channels: 3, autoOrient: true });
  return { data: asBuffer(data), width, height };
}

/** The letterboxed image as [inputHeight, inputWidth, 3] bytes, plus its geometry. */
export async function letterbox(
  image: RgbImage,
  inputWidth: number,
  inputHeight: number,
): Promise<{ data: Buffer; geometry: LetterboxGeometry }> {
  const g = letterboxGeometry(image.width, image.height, inputWidth, inputHeight);
  const grey = { r: LETTERBOX_GREY, g: LETTERBOX_GREY, b: LETTERBOX_GREY };
  const content = await resizeImage(
    { ...image, channels: 3 },
    { width: g.contentWidth, height: g.contentHeight, fit: 'fill', kernel: 'linear' },
  );
  const padded = await padImage(content, {
    left: g.left,
    top: g.top,
    right: inputWidth - g.contentWidth - g.left,
    bottom: inputHeight - g.contentHeight - g.top,
    background: grey,
  });
  const data = asBuffer(padded.data);
  if (data.length !== inputWidth * inputHeight * 3)
    throw new Error(`letterbox: got ${data.length} bytes, expected ${inputWidth}×${inputHeight}×3`);
  return { data, geometry: g };
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length);
}

/** HWC bytes -> HWC floats in [0, 1] (tfjs NHWC models). */
export function toHwcFloats(data: Buffer): Float32Array {
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] / 255;
  return out;
}

/** HWC bytes -> CHW floats in [0, 1] (NCHW models such as YOLOv8 exports). */
export function toChwFloats(data: Buffer, width: number, height: number): Float32Array {
  const plane = width * height;
  const out = new Float32Array(plane * 3);
  for (let i = 0; i < plane; i++) for (let c = 0; c < 3; c++) out[c * plane + i] = data[i * 3 + c] / 255;
  return out;
}
