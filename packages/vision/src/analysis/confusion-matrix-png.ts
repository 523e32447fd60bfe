/**
 * Renders a confusion matrix as a PNG: one cell per (true, predicted) pair holding its count,
 * coloured by the row-normalised value (the fraction of the true class, so a small class's
 * errors stand out as much as a big one's), white → dark blue; class names on both axes.
 * Drawn as SVG and rasterised with sharp (librsvg).
 *
 * @example
 * await renderConfusionMatrix([[50, 2], [5, 43]], ['cat', 'dog'], 'out/confusion.png');
 */
import * as fs from 'fs';
import * as path from 'path';
import sharp from 'sharp';
import { clip, escapeXml } from './svg-text';

export interface ConfusionMatrixPngOptions {
  title?: string;
}

export async function renderConfusionMatrix(matrix: number[][], classNames: readonly string[], file: string, options: ConfusionMatrixPngOptions = {}): Promise<string> {
  const k = classNames.length;
  if (matrix.length !== k || matrix.some((row) => row.length !== k)) throw new Error(`confusion matrix must be ${k}×${k} for ${k} class names`);
  const cell = Math.max(28, Math.min(72, Math.floor(720 / k)));
  const names = classNames.map((n) => clip(n, 16));
  const labelWidth = 16 + 8 * Math.max(...names.map((n) => n.length));
  const left = 28 + labelWidth;
  const top = 48;
  const width = left + k * cell + 20;
  const height = top + k * cell + labelWidth + 36;
  const font = `font-family="DejaVu Sans, Arial, Helvetica, sans-serif"`;
  const countSize = Math.max(10, Math.min(18, Math.floor(cell / 3)));
  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  parts.push(`<text x="${width / 2}" y="24" ${font} font-size="16" font-weight="bold" text-anchor="middle">${escapeXml(options.title ?? 'Confusion matrix (test set)')}</text>`);
  matrix.forEach((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    row.forEach((n, p) => {
      const v = total > 0 ? n / total : 0;
      const x = left + p * cell;
      const y = top + t * cell;
      parts.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${blues(v)}" stroke="#cccccc"/>`);
      parts.push(
        `<text x="${x + cell / 2}" y="${y + cell / 2 + countSize / 3}" ${font} font-size="${countSize}" text-anchor="middle" fill="${v > 0.5 ? 'white' : 'black'}">${n}</text>`,
      );
    });
    // true-class names on the left
    parts.push(`<text x="${left - 6}" y="${top + t * cell + cell / 2 + 5}" ${font} font-size="13" text-anchor="end">${escapeXml(names[t])}</text>`);
  });
  // predicted-class names under the columns, rotated
  names.forEach((n, p) => {
    const x = left + p * cell + cell / 2 + 4;
    const y = top + k * cell + 8;
    parts.push(`<text transform="translate(${x} ${y}) rotate(-90)" ${font} font-size="13" text-anchor="end">${escapeXml(n)}</text>`);
  });
  parts.push(`<text x="${left + (k * cell) / 2}" y="${height - 10}" ${font} font-size="14" text-anchor="middle">predicted</text>`);
  parts.push(`<text transform="translate(18 ${top + (k * cell) / 2}) rotate(-90)" ${font} font-size="14" text-anchor="middle">true</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp(Buffer.from(svg)).png().toFile(file);
  return file;
}

/** White (0) → dark blue (1), matplotlib's "Blues" end points. */
function blues(v: number): string {
  const lo = [247, 251, 255];
  const hi = [8, 48, 107];
  const c = lo.map((l, i) => Math.round(l + (hi[i] - l) * Math.min(1, Math.max(0, v))));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
