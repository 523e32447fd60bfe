/**
 * Learning curves (course 2/3: compare training and validation curves to see bias and
 * variance): a PNG with a loss panel and, when accuracy was recorded, an accuracy panel, each
 * with train (blue) and validation (orange) lines, ticks, axis labels and a legend. Drawn with
 * core's line chart (`plot/line-chart.ts`).
 *
 * @example
 * await renderLearningCurves(history, 'out/curves.png', { title: 'MNIST CNN' });
 */
import { ChartPanel, LineSeries, lineChartSvg } from '../plot/line-chart';
import { writeSvgPng } from '../plot/write-png';
import { EpochLogs, History } from './history';

export const TRAIN_COLOR = '#1f77b4';
export const VALIDATION_COLOR = '#ff7f0e';

export interface LearningCurvesOptions {
  title?: string;
  /** Image size in pixels. */
  width?: number;
  height?: number;
}

const DEFAULTS = { title: 'Learning curves', width: 960, height: 420 };

/** Writes the learning-curve PNG to `file` (atomically) and returns its size. */
export async function renderLearningCurves(
  history: History | readonly EpochLogs[],
  file: string,
  options: LearningCurvesOptions = {},
): Promise<{ file: string; width: number; height: number }> {
  const { width, height } = { ...DEFAULTS, ...options };
  await writeSvgPng(file, learningCurvesSvg(history, options));
  return { file, width, height };
}

/** The learning curves as an SVG document. */
export function learningCurvesSvg(
  history: History | readonly EpochLogs[],
  options: LearningCurvesOptions = {},
): string {
  const { title, width, height } = { ...DEFAULTS, ...options };
  if (!(Number.isInteger(width) && width >= 200 && Number.isInteger(height) && height >= 150)) {
    throw new Error(`learning curves need an integer size of at least 200x150 pixels, got ${width}x${height}`);
  }
  const epochs = history instanceof History ? history.epochs : history;
  if (epochs.length === 0) throw new Error('learning curves need a history with at least one epoch');
  const xs = epochs.map((e) => e.epoch + 1); // shown 1-based
  const lines = (key: string, valKey: string): LineSeries[] => [
    { name: 'train', x: xs, y: epochs.map((e) => e[key]), color: TRAIN_COLOR },
    { name: 'validation', x: xs, y: epochs.map((e) => e[valKey]), color: VALIDATION_COLOR },
  ];
  const x = { label: 'epoch', integer: true };
  const panels: ChartPanel[] = [{ title: 'Loss', series: lines('loss', 'valLoss'), x, y: { label: 'loss' } }];
  if (epochs.some((e) => e.acc !== undefined || e.valAcc !== undefined)) {
    panels.push({ title: 'Accuracy', series: lines('acc', 'valAcc'), x, y: { label: 'accuracy', bounds: [0, 1] } });
  }
  return lineChartSvg({ title, width, height, panels });
}
