/**
 * The label-efficiency curve of a transfer evaluation swept over shots per class: test accuracy
 * of transfer (fine-tuned) and of the same network from scratch against the number of labelled
 * images per class (log axis), the mean over seeds as a line and the seeds' range as a whisker,
 * the mean gain written above each point. Drawn with core's line chart (`lineChartSvg`, log x axis).
 * Used by `eval:transfer --shots 1,2,5,10,20 --chart`.
 *
 * @example
 * await renderShotsChart(results, 'docs/transfer-shots.png');
 */
import { LineSeries, lineChartSvg, writeSvgPng } from '@dlkit/core';
import type { MnistTransferResult } from './mnist-transfer';

const SIDES = [
  { key: 'transferAccuracy', label: 'transfer (digits 0-4 backbone, fine-tuned)', color: '#3182bd' },
  { key: 'scratchAccuracy', label: 'same network from scratch', color: '#e6550d' },
] as const;

export interface ShotsPoint {
  shots: number;
  seeds: number;
  transfer: { mean: number; min: number; max: number };
  scratch: { mean: number; min: number; max: number };
  meanGainPoints: number;
}

/** Results grouped by shots per class (ascending): mean and range per side over the seeds. */
export function summariseByShots(results: MnistTransferResult[]): ShotsPoint[] {
  const byShots = new Map<number, MnistTransferResult[]>();
  for (const r of results) byShots.set(r.shotsPerClass, [...(byShots.get(r.shotsPerClass) ?? []), r]);
  const stats = (xs: number[]) => ({
    mean: xs.reduce((a, b) => a + b, 0) / xs.length,
    min: Math.min(...xs),
    max: Math.max(...xs),
  });
  return [...byShots.entries()]
    .sort(([a], [b]) => a - b)
    .map(([shots, rs]) => {
      const transfer = stats(rs.map((r) => r.transferAccuracy));
      const scratch = stats(rs.map((r) => r.scratchAccuracy));
      return { shots, seeds: rs.length, transfer, scratch, meanGainPoints: (transfer.mean - scratch.mean) * 100 };
    });
}

export async function renderShotsChart(results: MnistTransferResult[], file: string): Promise<void> {
  const points = summariseByShots(results);
  if (points.length < 2)
    throw new Error(`renderShotsChart: need results at two or more shot counts, got ${points.length}`);
  const lowest = Math.min(...points.flatMap((p) => [p.transfer.min, p.scratch.min]));
  const lo = Math.max(0, Math.floor(lowest * 10) / 10); // y axis from the decile below the lowest point to 100%
  const shots = points.map((p) => p.shots);
  const series: LineSeries[] = SIDES.map((side, j) => {
    const key = side.key === 'transferAccuracy' ? 'transfer' : 'scratch';
    return {
      name: side.label,
      x: shots,
      y: points.map((p) => p[key].mean),
      color: side.color,
      markers: 'all',
      markerRadius: 4,
      // the two sides' whiskers side by side, not on top of each other
      range: { low: points.map((p) => p[key].min), high: points.map((p) => p[key].max), dx: j === 0 ? -4 : 4 },
    };
  });
  const svg = lineChartSvg({
    width: 640,
    height: 380,
    subtitle: "line: mean over seeds; whisker: seeds' range; number: mean gain in points",
    caption: 'labelled images per class (digits 5-9, log scale); y: 5-9 test accuracy',
    margin: { left: 56, right: 24, top: 64, bottom: 38 },
    panels: [
      {
        series,
        x: { scale: 'log', ticks: shots, format: (t) => String(t), pad: 20 / 520 },
        y: {
          min: lo,
          max: 1,
          ticks: Array.from({ length: Math.round((1 - lo) * 10) + 1 }, (_, g) => lo + g / 10),
          format: (t) => `${Math.round(t * 100)}%`,
        },
        notes: points.map((p) => ({
          x: p.shots,
          y: Math.max(p.transfer.max, p.scratch.max),
          dy: -8,
          text: `${p.meanGainPoints >= 0 ? '+' : '−'}${Math.abs(p.meanGainPoints).toFixed(1)}`,
        })),
        legend: 'above',
      },
    ],
  });
  await writeSvgPng(file, svg);
}
