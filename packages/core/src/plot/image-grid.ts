/**
 * Image grids: tiles in rows and columns, each with caption lines under it and optionally an
 * SVG overlay (detections), a title above. Misclassified examples, style-transfer strips and
 * detection previews are image grids. Tiles may be raw pixels or encoded images; they are
 * resized to the tile size (nearest neighbour when upscaling 2× or more, so small inputs stay
 * legible).
 *
 * @example
 * const png = await imageGrid([{ image: digit, caption: ['true: 7', { text: 'pred: 1 0.93', color: '#b00000' }] }], { tileWidth: 112 });
 * await renderImageGrid('out/errors.png', tiles, { title: 'Misclassified test images', columns: 6 });
 */
import { composeImages, ImageLayer } from '../image/compose';
import { decodeImage } from '../image/decode';
import { EncodeImageOptions, encodeImage } from '../image/encode';
import { RawImage } from '../image/raw-image';
import { resizeImage } from '../image/resize';
import { escapeXml } from './escape';
import { CHART_FONT } from './line-chart';
import { svgToPng } from './svg-to-png';
import { writePng } from './write-png';

export interface CaptionLine {
  text: string;
  color?: string;
  /** Font size in pixels. */
  size?: number;
}

export interface GridTile {
  /** Raw pixels or encoded bytes (PNG, JPEG, ...). */
  image: RawImage | Uint8Array;
  /** Lines under the tile. */
  caption?: readonly (string | CaptionLine)[];
  /** An SVG document of the tile's shown size drawn over it. */
  overlay?: string;
}

export interface ImageGridOptions {
  /** Tiles per row (default: all in one row, at most 6). */
  columns?: number;
  /** Shown size of every tile (default: the first tile's size). */
  tileWidth?: number;
  tileHeight?: number;
  /** Width of a grid cell, at least the tile width (the image is centred, captions get room). */
  cellWidth?: number;
  /** Height reserved under each tile for its caption (default: 15 px per line of the longest caption, + 8). */
  captionHeight?: number;
  captionAlign?: 'left' | 'center';
  /** Space between cells and around the grid, in pixels. */
  gap?: number;
  margin?: number;
  title?: string;
  /** Written in the grid area when there are no tiles. */
  emptyText?: string;
  background?: string;
  /** PNG encoding (e.g. `{ palette: true, colours: 128 }` for small figure files). */
  png?: EncodeImageOptions;
}

export const IMAGE_GRID_DEFAULTS = {
  maxColumns: 6,
  gap: 8,
  margin: 8,
  captionAlign: 'left' as const,
  background: '#ffffff',
  emptyText: 'no images',
};

/** The grid as PNG bytes. */
export async function imageGrid(tiles: readonly GridTile[], options: ImageGridOptions = {}): Promise<Buffer> {
  const o = { ...IMAGE_GRID_DEFAULTS, ...options };
  const decoded = await Promise.all(
    tiles.map((t, i) => ('data' in t.image ? t.image : decodeImage(t.image, { label: `grid tile ${i}` }))),
  );
  const tileW = o.tileWidth ?? decoded[0]?.width ?? 112;
  const tileH = o.tileHeight ?? (o.tileWidth !== undefined ? tileW : (decoded[0]?.height ?? tileW));
  const cellW = Math.max(tileW, o.cellWidth ?? tileW);
  const columns = Math.max(1, Math.min(o.columns ?? o.maxColumns, tiles.length || 1));
  const rows = Math.max(1, Math.ceil(tiles.length / columns));
  const maxLines = Math.max(0, ...tiles.map((t) => t.caption?.length ?? 0));
  const captionH = o.captionHeight ?? (maxLines ? 8 + 15 * maxLines : 0);
  const header = o.title ? 26 : 0;
  const width = 2 * o.margin + columns * cellW + (columns - 1) * o.gap;
  const height = 2 * o.margin + header + rows * (tileH + captionH) + (rows - 1) * o.gap;
  const layers: ImageLayer[] = [];
  const texts: string[] = [];
  const font = `font-family="${CHART_FONT}"`;
  if (o.title)
    texts.push(
      `<text x="${width / 2}" y="${o.margin + 14}" ${font} font-size="15" font-weight="bold" text-anchor="middle">${escapeXml(o.title)}</text>`,
    );
  if (tiles.length === 0)
    texts.push(
      `<text x="${width / 2}" y="${o.margin + header + 40}" ${font} font-size="14" text-anchor="middle">${escapeXml(o.emptyText)}</text>`,
    );
  for (let i = 0; i < tiles.length; i++) {
    const x = o.margin + (i % columns) * (cellW + o.gap);
    const y = o.margin + header + Math.floor(i / columns) * (tileH + captionH + o.gap);
    const img = decoded[i];
    const upscale = tileW >= 2 * img.width && tileH >= 2 * img.height;
    const shown =
      img.width === tileW && img.height === tileH
        ? img
        : await resizeImage(img, { width: tileW, height: tileH, kernel: upscale ? 'nearest' : 'lanczos3' });
    const ix = x + Math.floor((cellW - tileW) / 2);
    layers.push({ image: shown, left: ix, top: y });
    if (tiles[i].overlay) layers.push({ image: await svgToPng(tiles[i].overlay!), left: ix, top: y });
    (tiles[i].caption ?? []).forEach((line, k) => {
      const l = typeof line === 'string' ? { text: line } : line;
      const [tx, anchor] = o.captionAlign === 'center' ? [x + cellW / 2, 'middle'] : [x + 2, 'start'];
      texts.push(
        `<text x="${tx}" y="${y + tileH + 15 + 15 * k}" ${font} font-size="${l.size ?? 12}" text-anchor="${anchor}" fill="${l.color ?? '#000000'}">${escapeXml(l.text)}</text>`,
      );
    });
  }
  if (texts.length)
    layers.push({
      image: await svgToPng(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${texts.join('')}</svg>`,
      ),
      left: 0,
      top: 0,
    });
  return encodeImage(await composeImages({ width, height, background: o.background }, layers), o.png);
}

/** Writes the grid to `file` (PNG, atomic); returns `file`. */
export async function renderImageGrid(
  file: string,
  tiles: readonly GridTile[],
  options: ImageGridOptions = {},
): Promise<string> {
  return writePng(file, await imageGrid(tiles, options));
}
