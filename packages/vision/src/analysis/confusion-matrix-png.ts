/**
 * Renders a confusion matrix as a PNG: one cell per (true, predicted) pair holding its count,
 * coloured by the row-normalised value (the fraction of the true class, so a small class's
 * errors stand out as much as a big one's), white → dark blue; class names on both axes.
 * Drawn with core's heat map (`heatMapSvg`, the 'blues' colour scale), written atomically.
 *
 * @example
 * await renderConfusionMatrix([[50, 2], [5, 43]], ['cat', 'dog'], 'out/confusion.png');
 */
import { clipText, heatMapSvg, writeSvgPng } from '@dlkit/core';

export interface ConfusionMatrixPngOptions {
  title?: string;
}

export async function renderConfusionMatrix(
  matrix: number[][],
  classNames: readonly string[],
  file: string,
  options: ConfusionMatrixPngOptions = {},
): Promise<string> {
  const k = classNames.length;
  if (matrix.length !== k || matrix.some((row) => row.length !== k))
    throw new Error(`confusion matrix must be ${k}×${k} for ${k} class names`);
  const names = classNames.map((n) => clipText(n, 16));
  const svg = heatMapSvg({
    values: matrix,
    scale: 'blues',
    normalise: 'rows',
    cellText: (n) => String(n),
    cellStroke: '#cccccc',
    cell: Math.max(28, Math.min(72, Math.floor(720 / k))),
    rowLabels: names,
    columnLabels: names,
    rotateColumnLabels: true,
    title: options.title ?? 'Confusion matrix (test set)',
    xLabel: 'predicted',
    yLabel: 'true',
  });
  return writeSvgPng(file, svg);
}
