/**
 * Error analysis by eye (course 3: "look at the mistakes"): a PNG grid of misclassified test
 * images, each tile captioned with the true label, the predicted label and the predicted
 * class's score. The most confident mistakes come first (likely label noise or systematic
 * confusions). Drawn with core's image grid (`imageGrid`: nearest-neighbour upscaling keeps small
 * inputs legible), written atomically.
 *
 * @example
 * await renderMisclassifiedGrid([{ pixels, size: 64, channels: 3, trueLabel: 'cat', predictedLabel: 'dog', score: 0.91 }], 'out/errors.png');
 */
import * as path from 'path';
import { clipText, imageFromFloats, imageGrid, writePng } from '@dlkit/core';

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

export async function renderMisclassifiedGrid(
  items: readonly MisclassifiedImage[],
  file: string,
  options: MisclassifiedGridOptions = {},
): Promise<string> {
  const o = { ...MISCLASSIFIED_GRID_DEFAULTS, ...options };
  const shown = [...items].sort((a, b) => b.score - a.score).slice(0, o.maxImages);
  const tileW = Math.max(o.tile, 112);
  const maxChars = Math.floor(tileW / 7);
  const withFile = o.tile >= 96;
  const tiles = shown.map((it, i) => {
    if (it.pixels.length !== it.size * it.size * it.channels)
      throw new Error(
        `misclassified image ${i}: expected ${it.size}×${it.size}×${it.channels} values, got ${it.pixels.length}`,
      );
    const caption = [
      { text: clipText(`true: ${it.trueLabel}`, maxChars), color: '#006400' },
      { text: clipText(`pred: ${it.predictedLabel} ${it.score.toFixed(2)}`, maxChars), color: '#b00000' },
      ...(it.file && withFile
        ? [{ text: clipText(path.basename(it.file), maxChars + 2), color: '#555555', size: 10 }]
        : []),
    ];
    return {
      image: imageFromFloats(it.pixels, { width: it.size, height: it.size, channels: it.channels as 1 | 3 }),
      caption,
    };
  });
  const png = await imageGrid(tiles, {
    columns: o.columns,
    tileWidth: o.tile,
    cellWidth: tileW,
    captionHeight: withFile ? 50 : 38,
    title: `${o.title} (${shown.length}${items.length > shown.length ? ` of ${items.length}` : ''}, most confident first)`,
    emptyText: 'no misclassified test images',
  });
  return writePng(file, png);
}
