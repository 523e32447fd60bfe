/**
 * A bar chart of transfer-evaluation results (per seed: head only, fine-tuned, scratch), drawn as
 * SVG and rasterised by core's `writeSvgPng`. Used by eval:transfer --chart and the README picture.
 *
 * @example
 * await renderTransferChart(results, 'docs/transfer-eval.png');
 */
import { CHART_FONT, escapeXml, writeSvgPng } from '@dlkit/core';
import type { MnistTransferResult } from './mnist-transfer';

const BARS = [
  { key: 'headOnlyAccuracy', label: 'transfer: head only', color: '#9ecae1' },
  { key: 'transferAccuracy', label: 'transfer: + fine-tune', color: '#3182bd' },
  { key: 'scratchAccuracy', label: 'from scratch', color: '#e6550d' },
] as const;

export async function renderTransferChart(results: MnistTransferResult[], file: string): Promise<void> {
  if (results.length === 0) throw new Error('renderTransferChart: no results');
  const width = 640;
  const height = 340;
  const left = 50;
  const bottom = 290;
  const top = 50;
  const lo = 0.5; // y axis from 50% to 100%
  const y = (acc: number): number => bottom - ((Math.max(acc, lo) - lo) / (1 - lo)) * (bottom - top);
  const group = (width - left - 20) / results.length;
  const barW = Math.min(40, (group - 20) / BARS.length);
  const parts: string[] = [];
  for (let g = 0; g <= 5; g++) {
    const acc = lo + (g / 5) * (1 - lo);
    parts.push(
      `<line x1="${left}" x2="${width - 20}" y1="${y(acc)}" y2="${y(acc)}" stroke="#ddd"/><text x="${left - 6}" y="${y(acc) + 4}" font-size="11" text-anchor="end">${Math.round(acc * 100)}%</text>`,
    );
  }
  results.forEach((r, i) => {
    const x0 = left + i * group + (group - barW * BARS.length) / 2;
    BARS.forEach((b, j) => {
      const acc = r[b.key];
      const x = x0 + j * barW;
      parts.push(`<rect x="${x}" y="${y(acc)}" width="${barW - 4}" height="${bottom - y(acc)}" fill="${b.color}"/>`);
      parts.push(
        `<text x="${x + (barW - 4) / 2}" y="${y(acc) - 4}" font-size="10" text-anchor="middle">${(acc * 100).toFixed(1)}</text>`,
      );
    });
    parts.push(
      `<text x="${x0 + (barW * BARS.length) / 2}" y="${bottom + 16}" font-size="12" text-anchor="middle">seed ${r.seed} (${r.shotsPerClass}/class)</text>`,
    );
  });
  BARS.forEach((b, j) =>
    parts.push(
      `<rect x="${left + j * 190}" y="12" width="12" height="12" fill="${b.color}"/><text x="${left + j * 190 + 16}" y="22" font-size="12">${b.label}</text>`,
    ),
  );
  await writeChartPng(file, width, height, parts, 'MNIST digits 5-9 test accuracy, backbone trained on digits 0-4', 12);
}

/** The bar chart's frame: white page, the parts, a centred caption `captionGap` px above the bottom; rasterised to `file` (atomic). */
export async function writeChartPng(
  file: string,
  width: number,
  height: number,
  parts: string[],
  caption: string,
  captionGap: number,
): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/><g font-family="${CHART_FONT}">${parts.join('')}<text x="${width / 2}" y="${height - captionGap}" font-size="12" text-anchor="middle">${escapeXml(caption)}</text></g></svg>`;
  await writeSvgPng(file, svg);
}
