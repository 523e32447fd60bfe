/**
 * A confusion matrix as a PNG, through core's heat map: row-normalised colours (each true class's
 * share per prediction), counts in the cells, the accuracy in the title.
 *
 * @example
 * await renderConfusionPng(clf.evaluate(test), 'out/confusion.png', { title: 'spam', labelNames: { '😄': 'happy' } });
 */
import { renderHeatMap } from '@dlkit/core';
import type { ClassifierEvaluation } from './classification-metrics';

export interface ConfusionPngOptions {
  /** Chart title; the accuracy is appended. */
  title?: string;
  /** Names to draw instead of labels (emoji have no glyph in the chart font). */
  labelNames?: Readonly<Record<string, string>>;
}

/** Writes the PNG and returns its path. */
export function renderConfusionPng(
  evaluation: ClassifierEvaluation,
  file: string,
  options: ConfusionPngOptions = {},
): Promise<string> {
  const names = evaluation.labels.map((l) => options.labelNames?.[l] ?? l);
  const accuracy = `accuracy ${(evaluation.accuracy * 100).toFixed(1)} %`;
  return renderHeatMap(file, {
    values: evaluation.confusion,
    scale: 'blues',
    normalise: 'rows',
    cellText: (n) => String(n),
    rowLabels: names,
    columnLabels: names,
    rotateColumnLabels: true,
    title: options.title ? `${options.title}: ${accuracy}` : accuracy,
    xLabel: 'predicted',
    yLabel: 'true',
  });
}
