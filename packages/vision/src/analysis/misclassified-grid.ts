/**
 * Error analysis by eye (course 3: "look at the mistakes"): a PNG grid of misclassified test
 * images, each tile captioned with the true label, the predicted label and the predicted
 * class's score. The most confident mistakes come first (likely label noise or systematic
 * confusions). Images are upscaled with nearest-neighbour so small inputs stay legible; the
 * captions are an SVG overlay composited with sharp.
 *
 * @example
 * await renderMisclassifiedGrid([{ pixels, size: 64, channels: 3, trueLabel: 'cat', predictedLabel: 'dog', score: 0.91 }], 'out/errors.png');
 */
import * as fs from 'fs';
import * as path from 'path';
import sharp from 'sharp';
import { clip, escapeXml } from './svg-text';

export interface MisclassifiedImage {
  /** [size, size, channels] in [0, 1]. */
  pixels: Float32Array;
  size: number;
  channels: number;
  trueLabel: string;
  predictedLabel: string;
  /** Probability of the predicted class. */
  score: number;
  /** Source file, printed under the tile when given. */
  file?: string;
}

export interface MisclassifiedGridOptions {
  /** Most tiles drawn (the most confident mistakes). */
  maxImages?: number;
  columns?: number;
  /** Side of each tile's image in pixels. */
  tile?: number;
  title?: string;
}

export const MISCLASSIFIED_GRID_DEFAULTS = { maxImages: 36, columns: 6, tile: 112, title: 'Misclassified test images' };

export async function renderMisclassifiedGrid(items: readonly MisclassifiedImage[], file: string, options: MisclassifiedGridOptions = {}): Promise<string> {
  const o = { ...MISCLASSIFIED_GRID_DEFAULTS, ...options };
  const shown = [...items].sort((a, b) => b.score - a.score).slice(0, o.maxImages);
  const columns = Math.max(1, Math.min(o.columns, shown.length));
  const rows = Math.max(1, Math.ceil(shown.length / columns));
  const pad = 8;
  const caption = o.tile >= 96 ? 50 : 38;
  const header = 34;
  const tileW = Math.max(o.tile, 112);
  const width = pad + columns * (tileW + pad);
  const height = header + rows * (o.tile + caption + pad) + pad;
  const font = `font-family="DejaVu Sans, Arial, Helvetica, sans-serif"`;
  const maxChars = Math.floor(tileW / 7);
  const composites: sharp.OverlayOptions[] = [];
  const texts: string[] = [
    `<text x="${width / 2}" y="22" ${font} font-size="15" font-weight="bold" text-anchor="middle">${escapeXml(
      `${o.title} (${shown.length}${items.length > shown.length ? ` of ${items.length}` : ''}, most confident first)`,
    )}</text>`,
  ];
  if (shown.length === 0) texts.push(`<text x="${width / 2}" y="${header + 40}" ${font} font-size="14" text-anchor="middle">no misclassified test images</text>`);
  for (let i = 0; i < shown.length; i++) {
    const it = shown[i];
    if (it.pixels.length !== it.size * it.size * it.channels) throw new Error(`misclassified image ${i}: expected ${it.size}×${it.size}×${it.channels} values, got ${it.pixels.length}`);
    const x = pad + (i % columns) * (tileW + pad);
    const y = header + Math.floor(i / columns) * (o.tile + caption + pad);
    const bytes = Buffer.from(Array.from(it.pixels, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255)));
    const png = await sharp(bytes, { raw: { width: it.size, height: it.size, channels: it.channels as 1 | 3 } })
      .resize(o.tile, o.tile, { kernel: it.size * 2 <= o.tile ? 'nearest' : 'lanczos3' })
      .png()
      .toBuffer();
    composites.push({ input: png, left: x + Math.floor((tileW - o.tile) / 2), top: y });
    const cy = y + o.tile + 15;
    texts.push(`<text x="${x + 2}" y="${cy}" ${font} font-size="12" fill="#006400">${escapeXml(clip(`true: ${it.trueLabel}`, maxChars))}</text>`);
    texts.push(
      `<text x="${x + 2}" y="${cy + 15}" ${font} font-size="12" fill="#b00000">${escapeXml(clip(`pred: ${it.predictedLabel} ${it.score.toFixed(2)}`, maxChars))}</text>`,
    );
    if (it.file && caption >= 50) texts.push(`<text x="${x + 2}" y="${cy + 30}" ${font} font-size="10" fill="#555555">${escapeXml(clip(path.basename(it.file), maxChars + 2))}</text>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${texts.join('')}</svg>`;
  composites.push({ input: Buffer.from(svg), left: 0, top: 0 });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite(composites)
    .png()
    .toFile(file);
  return file;
}
