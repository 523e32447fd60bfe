/**
 * The forecast picture: the end of the training history, the held-out actuals, and the model's
 * (and the seasonal naive) forecasts from origins one horizon apart, each drawn from the last
 * observed value. An SVG string rasterised by sharp, with the same tick rule as core's
 * learning curves (`niceTicks`).
 *
 * @example
 * await renderForecastPlot({ x: years, values, trainEnd, forecasts, title: 'CO2' }, 'out/forecast.png');
 */
import sharp from 'sharp';
import { TRAIN_COLOR, VALIDATION_COLOR, escapeXml, formatTick, niceTicks, writeFileAtomic } from '@dlkit/core';

export interface ForecastPath {
  /** Index of the last observed value. */
  origin: number;
  /** Forecasts of values[origin+1..origin+H]. */
  values: number[];
}

export interface ForecastPlotData {
  /** x coordinate of every value (decimal years, or indices). */
  x: number[];
  values: number[];
  /** First index of the held-out test period. */
  trainEnd: number;
  /** The model's forecast paths. */
  forecasts: ForecastPath[];
  /** A baseline's forecast paths from the same origins (drawn dashed). */
  baseline?: ForecastPath[];
  /** First index drawn (default: two test periods before the split). */
  from?: number;
  title: string;
  subtitle?: string;
  xLabel?: string;
  yLabel?: string;
  modelLabel?: string;
  baselineLabel?: string;
}

const SIZE = { width: 1000, height: 500 };
const MARGIN = { left: 74, right: 24, top: 78, bottom: 56 };
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
const HISTORY_COLOR = '#555555';
const ACTUAL_COLOR = '#111111';
const FORECAST_COLOR = VALIDATION_COLOR;
const BASELINE_COLOR = TRAIN_COLOR;

/** Writes the PNG atomically and returns its path. */
export async function renderForecastPlot(data: ForecastPlotData, file: string): Promise<string> {
  writeFileAtomic(file, await sharp(Buffer.from(forecastPlotSvg(data))).png().toBuffer());
  return file;
}

export function forecastPlotSvg(data: ForecastPlotData): string {
  const { x, values, trainEnd } = data;
  if (x.length !== values.length) throw new Error(`plot: ${x.length} x coordinates for ${values.length} values`);
  const from = Math.max(0, data.from ?? trainEnd - 2 * (values.length - trainEnd));
  const { width, height } = SIZE;
  const [left, right, top, bottom] = [MARGIN.left, width - MARGIN.right, MARGIN.top, height - MARGIN.bottom];
  const paths = [...data.forecasts, ...(data.baseline ?? [])];
  const shown = [...values.slice(from), ...paths.flatMap((p) => p.values)];
  let [yMin, yMax] = [Math.min(...shown), Math.max(...shown)];
  const pad = 0.04 * (yMax - yMin || 1);
  const yTicks = niceTicks(yMin - pad, yMax + pad, 7);
  [yMin, yMax] = [yTicks[0], yTicks[yTicks.length - 1]];
  const [xMin, xMax] = [x[from], x[x.length - 1]];
  const integerX = x.every(Number.isInteger);
  const xTicks = niceTicks(xMin, xMax, 10, true).filter((t) => t >= xMin && t <= xMax);
  const sx = (v: number) => left + ((v - xMin) / (xMax - xMin || 1)) * (right - left);
  const sy = (v: number) => bottom - ((v - yMin) / (yMax - yMin)) * (bottom - top);
  const line = (idx: number[], ys: number[], color: string, w: number, extra = '') =>
    `<path d="${idx.map((i, k) => `${k ? 'L' : 'M'}${f(sx(x[i]))},${f(sy(ys[k]))}`).join(' ')}" fill="none" stroke="${color}" stroke-width="${w}" stroke-linejoin="round" ${extra}/>`;
  const text = (tx: number, ty: number, s: string, attrs = '', size = 12) =>
    `<text x="${f(tx)}" y="${f(ty)}" font-family="${FONT}" font-size="${size}" ${attrs.includes('fill=') ? '' : 'fill="#333"'} ${attrs}>${escapeXml(s)}</text>`;
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(width / 2, 28, data.title, 'text-anchor="middle" font-weight="bold" fill="#222"', 18),
  ];
  if (data.subtitle) out.push(text(width / 2, 52, data.subtitle, 'text-anchor="middle" fill="#444"', 13));
  out.push(`<rect x="${f(sx(x[trainEnd]))}" y="${top}" width="${f(right - sx(x[trainEnd]))}" height="${bottom - top}" fill="#f3f3f3"/>`);
  for (const t of yTicks) {
    out.push(`<line x1="${left}" y1="${f(sy(t))}" x2="${right}" y2="${f(sy(t))}" stroke="#e0e0e0"/>`);
    out.push(text(left - 8, sy(t) + 4, formatTick(t, yTicks), 'text-anchor="end"'));
  }
  for (const t of xTicks) {
    out.push(`<line x1="${f(sx(t))}" y1="${top}" x2="${f(sx(t))}" y2="${bottom + 5}" stroke="#e0e0e0"/>`);
    out.push(text(sx(t), bottom + 19, String(t), 'text-anchor="middle"'));
  }
  out.push(text(sx(x[trainEnd]) + 6, top + 16, 'held-out test period', 'fill="#666"'));
  out.push(`<line x1="${f(sx(x[trainEnd]))}" y1="${top}" x2="${f(sx(x[trainEnd]))}" y2="${bottom}" stroke="#999" stroke-dasharray="5,4"/>`);
  out.push(line(range(from, trainEnd), values.slice(from, trainEnd), HISTORY_COLOR, 1.6));
  out.push(line(range(trainEnd - 1, values.length), values.slice(trainEnd - 1), ACTUAL_COLOR, 2.2));
  for (const p of data.baseline ?? []) {
    out.push(line(range(p.origin, p.origin + p.values.length + 1), [values[p.origin], ...p.values], BASELINE_COLOR, 1.8, 'stroke-dasharray="6,4"'));
  }
  for (const p of data.forecasts) {
    out.push(line(range(p.origin, p.origin + p.values.length + 1), [values[p.origin], ...p.values], FORECAST_COLOR, 2.6));
    out.push(`<circle cx="${f(sx(x[p.origin]))}" cy="${f(sy(values[p.origin]))}" r="3.5" fill="${FORECAST_COLOR}"/>`);
  }
  out.push(`<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#333"/>`);
  out.push(text((left + right) / 2, height - 14, data.xLabel ?? (integerX ? 'time step' : 'year'), 'text-anchor="middle"', 13));
  out.push(text(20, (top + bottom) / 2, data.yLabel ?? 'value', `text-anchor="middle" transform="rotate(-90 20 ${f((top + bottom) / 2)})"`, 13));

  // Legend top-left: the series rise in most data sets; the box is opaque either way.
  const legend: [string, string, string][] = [
    ['history (training)', HISTORY_COLOR, ''],
    ['actual (held out)', ACTUAL_COLOR, ''],
    [data.modelLabel ?? 'forecast', FORECAST_COLOR, ''],
  ];
  if (data.baseline) legend.push([data.baselineLabel ?? 'baseline', BASELINE_COLOR, 'stroke-dasharray="6,4"']);
  const boxW = 16 + 44 + 7.2 * Math.max(...legend.map(([s]) => s.length));
  const [bx, by] = [left + 10, top + 10];
  out.push(`<rect x="${bx}" y="${by}" width="${f(boxW)}" height="${12 + 20 * legend.length}" fill="#ffffff" fill-opacity="0.92" stroke="#cccccc"/>`);
  legend.forEach(([name, color, dash], i) => {
    const ly = by + 16 + i * 20;
    out.push(`<line x1="${bx + 10}" y1="${ly}" x2="${bx + 40}" y2="${ly}" stroke="${color}" stroke-width="3" ${dash}/>`);
    out.push(text(bx + 48, ly + 4, name));
  });
  out.push('</svg>');
  return out.join('\n');
}

function f(v: number): string {
  return v.toFixed(1);
}
