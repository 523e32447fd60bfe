/**
 * Annotated images: boxes and "label score" tags drawn as an SVG overlay laid onto the image by
 * core's `overlaySvg` (no canvas dependency), written atomically.
 *
 * @example
 * await drawDetections('street.jpg', [{ box: [10, 20, 80, 90], label: 'car', score: 0.91 }], 'out/street.png');
 */
import { decodeImage, encodeImage, escapeXml, imageFromFloats, overlaySvg, resizeImage, writeImage } from '@dlkit/core';
import { CornerBox } from './boxes';

export interface LabelledBox {
  box: CornerBox;
  label: string;
  score?: number;
}

const PALETTE = ['#ff3b30', '#34c759', '#007aff', '#ff9500', '#af52de', '#00c7be', '#ffcc00', '#ff2d55'];

/** The SVG overlay (same size as the image) with one rectangle and tag per box. */
export function detectionsSvg(
  width: number,
  height: number,
  boxes: readonly LabelledBox[],
  labels: readonly string[] = [],
): string {
  const font = Math.max(8, Math.round(Math.min(width, height) / 22));
  const stroke = Math.max(1, Math.round(Math.min(width, height) / 150));
  const items = boxes.map((b) => {
    const index = labels.indexOf(b.label);
    const colour = PALETTE[(index >= 0 ? index : hash(b.label)) % PALETTE.length];
    const [x1, y1, x2, y2] = b.box.map((v) => Math.round(v * 10) / 10);
    const text = escapeXml(b.score === undefined ? b.label : `${b.label} ${b.score.toFixed(2)}`);
    const tagY = y1 - font - 2 >= 0 ? y1 - font - 2 : y1;
    const tagW = Math.ceil(text.length * font * 0.6) + 4;
    const tagX = Math.max(0, Math.min(x1, width - tagW)); // keep the tag inside the image
    return (
      `<rect x="${x1}" y="${y1}" width="${x2 - x1}" height="${y2 - y1}" fill="none" stroke="${colour}" stroke-width="${stroke}"/>` +
      `<rect x="${tagX}" y="${tagY}" width="${tagW}" height="${font + 2}" fill="${colour}"/>` +
      `<text x="${tagX + 2}" y="${tagY + font - 1}" font-family="sans-serif" font-size="${font}" fill="#ffffff">${text}</text>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${items.join('')}</svg>`;
}

/** Draws `boxes` (original-image pixels) on the image `input` (a file or encoded bytes) and writes a PNG to `outFile`. */
export async function drawDetections(
  input: string | Buffer,
  boxes: readonly LabelledBox[],
  outFile: string,
  labels: readonly string[] = [],
): Promise<void> {
  // Apply the EXIF orientation first so the boxes (computed on the upright image) line up.
  const image = await decodeImage(input, { autoOrient: true });
  await writeImage(outFile, await overlaySvg(image, detectionsSvg(image.width, image.height, boxes, labels)));
}

/** RGB floats in [0, 1] (HWC) -> PNG bytes, optionally upscaled by an integer factor (nearest neighbour). */
export async function rgbToPng(pixels: Float32Array, width: number, height: number, scale = 1): Promise<Buffer> {
  let img = imageFromFloats(pixels, { width, height, channels: 3 });
  if (scale !== 1) img = await resizeImage(img, { width: width * scale, height: height * scale, kernel: 'nearest' });
  return encodeImage(img);
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
