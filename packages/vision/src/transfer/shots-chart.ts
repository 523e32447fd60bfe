/**
 * The label-efficiency curve of a transfer evaluation swept over shots per class: test accuracy
 * of transfer (fine-tuned) and of the same network from scratch against the number of labelled
 * images per class (log axis), the mean over seeds as a line and the seeds' range as a whisker,
 * the mean gain written above each point. Used by `eval:transfer --shots 1,2,5,10,20 --chart`.
 *
 * @example
 * await renderShotsChart(results, 'docs/transfer-shots.png');
 */
import { writeChartPng } from './chart';
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
  const stats = (xs: number[]) => ({ mean: xs.reduce((a, b) => a + b, 0) / xs.length, min: Math.min(...xs), max: Math.max(...xs) });
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
  if (points.length < 2) throw new Error(`renderShotsChart: need results at two or more shot counts, got ${points.length}`);
  const width = 640;
  const height = 380;
  const left = 56;
  const right = width - 24;
  const top = 64;
  const bottom = 320;
  const lowest = Math.min(...points.flatMap((p) => [p.transfer.min, p.scratch.min]));
  const lo = Math.max(0, Math.floor(lowest * 10) / 10); // y axis from the decile below the lowest point to 100%
  const y = (acc: number): number => bottom - ((acc - lo) / (1 - lo)) * (bottom - top);
  const logLo = Math.log(points[0].shots);
  const logHi = Math.log(points[points.length - 1].shots);
  const x = (shots: number): number => left + 20 + ((Math.log(shots) - logLo) / (logHi - logLo)) * (right - left - 40);
  const parts: string[] = [];
  const steps = Math.round((1 - lo) * 10);
  for (let g = 0; g <= steps; g++) {
    const acc = lo + g / 10;
    parts.push(`<line x1="${left}" x2="${right}" y1="${y(acc)}" y2="${y(acc)}" stroke="#ddd"/><text x="${left - 6}" y="${y(acc) + 4}" font-size="11" text-anchor="end">${Math.round(acc * 100)}%</text>`);
  }
  for (const p of points) {
    parts.push(`<text x="${x(p.shots)}" y="${bottom + 18}" font-size="12" text-anchor="middle">${p.shots}</text>`);
  }
  SIDES.forEach((side, j) => {
    const key = side.key === 'transferAccuracy' ? 'transfer' : 'scratch';
    const dx = j === 0 ? -4 : 4; // the two sides' whiskers side by side, not on top of each other
    parts.push(`<polyline fill="none" stroke="${side.color}" stroke-width="2.5" points="${points.map((p) => `${x(p.shots)},${y(p[key].mean)}`).join(' ')}"/>`);
    for (const p of points) {
      const s = p[key];
      parts.push(`<line x1="${x(p.shots) + dx}" x2="${x(p.shots) + dx}" y1="${y(s.min)}" y2="${y(s.max)}" stroke="${side.color}" stroke-width="1.5"/>`);
      parts.push(`<circle cx="${x(p.shots)}" cy="${y(s.mean)}" r="4" fill="${side.color}"/>`);
    }
  });
  for (const p of points) {
    const above = Math.min(y(p.transfer.max), y(p.scratch.max)) - 8;
    const sign = p.meanGainPoints >= 0 ? '+' : '−';
    parts.push(`<text x="${x(p.shots)}" y="${above}" font-size="11" text-anchor="middle" fill="#333">${sign}${Math.abs(p.meanGainPoints).toFixed(1)}</text>`);
  }
  SIDES.forEach((s, j) => parts.push(`<rect x="${left + j * 300}" y="14" width="12" height="12" fill="${s.color}"/><text x="${left + j * 300 + 16}" y="24" font-size="12">${s.label}</text>`));
  parts.push(`<text x="${left}" y="46" font-size="11" fill="#555">line: mean over seeds; whisker: seeds' range; number: mean gain in points</text>`);
  await writeChartPng(file, width, height, parts, 'labelled images per class (digits 5-9, log scale); y: 5-9 test accuracy', 14);
}
