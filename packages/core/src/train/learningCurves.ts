/**
 * Learning curves (course 2/3: compare training and validation curves to see bias and
 * variance): a PNG with a loss panel and, when accuracy was recorded, an accuracy panel, each
 * with train (blue) and validation (orange) lines, ticks, axis labels and a legend. Drawn as
 * an SVG string here and rasterised by sharp (librsvg).
 *
 * @example
 * await renderLearningCurves(history, 'out/curves.png', { title: 'MNIST CNN' });
 */
import sharp from 'sharp';
import { writeFileAtomic } from '../io/atomic';
import { escapeXml, formatTick } from '../util/svg';
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
const MARGIN = { left: 70, right: 20, top: 64, bottom: 56 };
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';

interface Panel {
  title: string;
  yLabel: string;
  train: (number | undefined)[];
  validation: (number | undefined)[];
  /** Clamp the y range to these bounds (accuracy lives in [0, 1]). */
  bounds?: [number, number];
}

/** Writes the learning-curve PNG to `file` (atomically) and returns its size. */
export async function renderLearningCurves(
  history: History | readonly EpochLogs[],
  file: string,
  options: LearningCurvesOptions = {},
): Promise<{ file: string; width: number; height: number }> {
  const { width, height } = { ...DEFAULTS, ...options };
  const png = await sharp(Buffer.from(learningCurvesSvg(history, options))).png().toBuffer();
  writeFileAtomic(file, png);
  return { file, width, height };
}

/** The learning curves as an SVG document. */
export function learningCurvesSvg(history: History | readonly EpochLogs[], options: LearningCurvesOptions = {}): string {
  const { title, width, height } = { ...DEFAULTS, ...options };
  if (!(Number.isInteger(width) && width >= 200 && Number.isInteger(height) && height >= 150)) {
    throw new Error(`learning curves need an integer size of at least 200x150 pixels, got ${width}x${height}`);
  }
  const epochs = history instanceof History ? history.epochs : history;
  if (epochs.length === 0) throw new Error('learning curves need a history with at least one epoch');
  const series = (key: string) => epochs.map((e) => e[key]);
  const panels: Panel[] = [{ title: 'Loss', yLabel: 'loss', train: series('loss'), validation: series('valLoss') }];
  if (epochs.some((e) => e.acc !== undefined || e.valAcc !== undefined)) {
    panels.push({ title: 'Accuracy', yLabel: 'accuracy', train: series('acc'), validation: series('valAcc'), bounds: [0, 1] });
  }
  const xs = epochs.map((e) => e.epoch + 1); // shown 1-based
  const panelWidth = width / panels.length;
  const body = panels.map((p, i) => drawPanel(p, xs, i * panelWidth, panelWidth, height)).join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-family="${FONT}" font-size="18" font-weight="bold" fill="#222">${escapeXml(title)}</text>`,
    body,
    '</svg>',
  ].join('\n');
}

function drawPanel(panel: Panel, xs: number[], x0: number, w: number, h: number): string {
  const left = x0 + MARGIN.left;
  const right = x0 + w - MARGIN.right;
  const top = MARGIN.top;
  const bottom = h - MARGIN.bottom;
  const values = [...panel.train, ...panel.validation].filter((v): v is number => v !== undefined && Number.isFinite(v));
  let [yMin, yMax] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  if (yMax - yMin < 1e-9) [yMin, yMax] = [yMin - 0.5 * (Math.abs(yMin) || 1), yMax + 0.5 * (Math.abs(yMax) || 1)];
  const pad = 0.05 * (yMax - yMin);
  [yMin, yMax] = [yMin - pad, yMax + pad];
  if (panel.bounds) [yMin, yMax] = [Math.max(panel.bounds[0], yMin), Math.min(panel.bounds[1], yMax)];
  if (values.every((v) => v >= 0)) yMin = Math.max(0, yMin); // losses and rates are never negative
  const yTicks = niceTicks(yMin, yMax, 6);
  [yMin, yMax] = [Math.min(yMin, yTicks[0]), Math.max(yMax, yTicks[yTicks.length - 1])];
  const xFirst = xs[0];
  const xLast = Math.max(xs[xs.length - 1], xFirst + 1);
  const xTicks = niceTicks(xFirst, xLast, 8, true).filter((t) => t >= xFirst && t <= xLast);
  const sx = (x: number) => left + ((x - xFirst) / (xLast - xFirst)) * (right - left);
  const sy = (y: number) => bottom - ((y - yMin) / (yMax - yMin)) * (bottom - top);
  const text = (x: number, y: number, s: string, attrs = '', size = 12) =>
    `<text x="${r(x)}" y="${r(y)}" font-family="${FONT}" font-size="${size}" fill="#333" ${attrs}>${escapeXml(s)}</text>`;

  const out: string[] = [];
  out.push(`<text x="${r((left + right) / 2)}" y="${top - 12}" text-anchor="middle" font-family="${FONT}" font-size="15" fill="#222">${panel.title}</text>`);
  for (const t of yTicks) {
    out.push(`<line x1="${r(left)}" y1="${r(sy(t))}" x2="${r(right)}" y2="${r(sy(t))}" stroke="#e3e3e3" stroke-width="1"/>`);
    out.push(`<line x1="${r(left - 5)}" y1="${r(sy(t))}" x2="${r(left)}" y2="${r(sy(t))}" stroke="#333" stroke-width="1"/>`);
    out.push(text(left - 8, sy(t) + 4, formatTick(t, yTicks), 'text-anchor="end"'));
  }
  for (const t of xTicks) {
    out.push(`<line x1="${r(sx(t))}" y1="${r(bottom)}" x2="${r(sx(t))}" y2="${r(bottom + 5)}" stroke="#333" stroke-width="1"/>`);
    out.push(text(sx(t), bottom + 19, String(t), 'text-anchor="middle"'));
  }
  out.push(`<rect x="${r(left)}" y="${r(top)}" width="${r(right - left)}" height="${r(bottom - top)}" fill="none" stroke="#333" stroke-width="1"/>`);
  out.push(text((left + right) / 2, h - 14, 'epoch', 'text-anchor="middle"', 13));
  out.push(text(x0 + 18, (top + bottom) / 2, panel.yLabel, `text-anchor="middle" transform="rotate(-90 ${r(x0 + 18)} ${r((top + bottom) / 2)})"`, 13));

  const legend: [string, string][] = [];
  for (const [name, ys, color] of [['train', panel.train, TRAIN_COLOR], ['validation', panel.validation, VALIDATION_COLOR]] as const) {
    const points = xs.map((x, i) => [x, ys[i]] as const).filter((p): p is readonly [number, number] => p[1] !== undefined && Number.isFinite(p[1]));
    if (points.length === 0) continue;
    legend.push([name, color]);
    const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r(sx(x))},${r(sy(y))}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"/>`);
    if (points.length <= 40) for (const [x, y] of points) out.push(`<circle cx="${r(sx(x))}" cy="${r(sy(y))}" r="3.5" fill="${color}"/>`);
  }
  // Legend in the corner that covers the fewest data points.
  const boxW = 118;
  const boxH = 10 + 18 * legend.length;
  const allPoints = [panel.train, panel.validation].flatMap((ys) => xs.map((x, i) => [x, ys[i]] as const)).filter((p): p is readonly [number, number] => p[1] !== undefined && Number.isFinite(p[1]));
  const corners = [[right - boxW - 8, top + 8], [right - boxW - 8, bottom - boxH - 8], [left + 8, top + 8], [left + 8, bottom - boxH - 8]];
  const covered = (cx: number, cy: number) => allPoints.filter(([x, y]) => sx(x) >= cx - 6 && sx(x) <= cx + boxW + 6 && sy(y) >= cy - 6 && sy(y) <= cy + boxH + 6).length;
  const [bx, by] = corners.reduce((best, c) => (covered(c[0], c[1]) < covered(best[0], best[1]) ? c : best));
  if (legend.length > 0) out.push(`<rect x="${r(bx)}" y="${r(by)}" width="${boxW}" height="${boxH}" fill="#ffffff" fill-opacity="0.85" stroke="#cccccc" stroke-width="1"/>`);
  legend.forEach(([name, color], i) => {
    const ly = by + 14 + i * 18;
    out.push(`<line x1="${r(bx + 8)}" y1="${r(ly)}" x2="${r(bx + 30)}" y2="${r(ly)}" stroke="${color}" stroke-width="3"/>`);
    out.push(text(bx + 36, ly + 4, name));
  });
  return out.join('\n');
}

/** Round tick values: steps of 1, 2 or 5 times a power of ten covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, maxTicks: number, integer = false): number[] {
  const span = hi - lo;
  let step = Math.pow(10, Math.floor(Math.log10(span / maxTicks)));
  for (const m of [1, 2, 5, 10]) {
    if (span / (step * m) <= maxTicks) {
      step *= m;
      break;
    }
  }
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1] < hi - step * 1e-9) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

function r(v: number): string {
  return v.toFixed(1);
}
