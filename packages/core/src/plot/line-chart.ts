/**
 * Line charts: one or more panels side by side, each with series (lines, optional dots and
 * whiskers), round-valued axes (linear or log), a legend, an optional shaded region and
 * reference lines; a title, subtitle and caption for the whole picture. Learning curves,
 * forecasts and the transfer label-efficiency curve are all drawn with it.
 *
 * @example
 * const svg = lineChartSvg({
 *   width: 640, height: 360, title: 'Loss',
 *   panels: [{ series: [{ name: 'train', x: [1, 2, 3], y: [0.9, 0.5, 0.3], color: CATEGORY_COLORS[0] }], x: { label: 'epoch', integer: true } }],
 * });
 * await renderLineChart('out/loss.png', { ... });
 */
import { escapeXml } from './escape';
import { formatTick, niceTicks } from './ticks';
import { writeSvgPng } from './write-png';

export interface LineSeries {
  /** Legend entry; a series without a name, or repeating an earlier name, adds none. */
  name?: string;
  x: readonly number[];
  /** undefined or non-finite values are skipped (the line joins the remaining points). */
  y: readonly (number | undefined)[];
  color: string;
  /** Stroke width in pixels. */
  width?: number;
  /** SVG dash pattern, e.g. "6,4". */
  dash?: string;
  /** Dots on the points; 'auto' draws them when there are at most 40 points. */
  markers?: 'auto' | 'all' | 'first' | 'none';
  markerRadius?: number;
  /** A whisker from low[i] to high[i] at each point, shifted `dx` pixels (so two series do not overlap). */
  range?: { low: readonly number[]; high: readonly number[]; dx?: number };
}

export interface ChartAxis {
  label?: string;
  scale?: 'linear' | 'log';
  /** Fixed ends of the axis; by default the data range, padded, widened to round ticks (y) . */
  min?: number;
  max?: number;
  /** Clamp the automatic range to these bounds (accuracy lives in [0, 1]). */
  bounds?: [number, number];
  /** Tick values; by default round 1-2-5 ticks. */
  ticks?: readonly number[];
  maxTicks?: number;
  /** Integer ticks only (epochs, years). */
  integer?: boolean;
  format?: (t: number, ticks: readonly number[]) => string;
  /** Grid lines across the plot at the ticks. */
  grid?: boolean;
  /** Padding added to the automatic range, as a fraction of it. */
  pad?: number;
}

export interface ChartPanel {
  title?: string;
  series: readonly LineSeries[];
  x?: ChartAxis;
  y?: ChartAxis;
  /** A shaded x interval drawn under the data (e.g. the held-out period), with a label at its top left. */
  region?: { from: number; to?: number; label?: string; color?: string };
  /** Vertical reference lines. */
  rules?: readonly { x: number; color?: string; dash?: string }[];
  /** Text at data coordinates, shifted `dy` pixels (negative: up). */
  notes?: readonly { x: number; y: number; text: string; dy?: number }[];
  /** Legend entries in this order (names); others follow in drawing order. */
  legendOrder?: readonly string[];
  /** 'auto': the corner covering the fewest points; 'above': one row over the plot. */
  legend?: 'auto' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'above' | 'none';
}

export interface ChartMargin {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface LineChartOptions {
  /** Picture size in pixels. */
  width: number;
  height: number;
  title?: string;
  subtitle?: string;
  /** A line of text centred under the plots. */
  caption?: string;
  /** Side by side, equal widths. */
  panels: readonly ChartPanel[];
  /** Space around each panel's plot area. */
  margin?: Partial<ChartMargin>;
}

export const LINE_CHART_DEFAULTS = {
  margin: { left: 70, right: 20, top: 64, bottom: 56 },
  x: { maxTicks: 8, grid: false, pad: 0 },
  y: { maxTicks: 6, grid: true, pad: 0.05 },
  seriesWidth: 2.5,
  markerRadius: 3.5,
};

export const CHART_FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';

/** The chart as an SVG document. */
export function lineChartSvg(options: LineChartOptions): string {
  const { width, height, panels } = options;
  if (!(Number.isInteger(width) && width >= 100 && Number.isInteger(height) && height >= 100))
    throw new Error(`line chart needs an integer size of at least 100x100 pixels, got ${width}x${height}`);
  if (panels.length === 0) throw new Error('line chart needs at least one panel');
  const margin = { ...LINE_CHART_DEFAULTS.margin, ...options.margin };
  const panelWidth = width / panels.length;
  const bottomSpace = options.caption ? 22 : 0;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (options.title)
    out.push(text(width / 2, 28, options.title, 'text-anchor="middle" font-weight="bold" fill="#222"', 18));
  if (options.subtitle)
    out.push(text(width / 2, options.title ? 52 : 24, options.subtitle, 'text-anchor="middle" fill="#444"', 13));
  panels.forEach((p, i) => out.push(drawPanel(p, i * panelWidth, panelWidth, height - bottomSpace, margin)));
  if (options.caption) out.push(text(width / 2, height - 12, options.caption, 'text-anchor="middle" fill="#333"', 12));
  out.push('</svg>');
  return out.join('\n');
}

/** Rasterises the chart to `file` (PNG, atomic); returns `file`. */
export async function renderLineChart(file: string, options: LineChartOptions): Promise<string> {
  return writeSvgPng(file, lineChartSvg(options));
}

interface Scale {
  lo: number;
  hi: number;
  ticks: readonly number[];
  map: (v: number) => number;
}

function finite(values: readonly (number | undefined)[]): number[] {
  return values.filter((v): v is number => v !== undefined && Number.isFinite(v));
}

/** The y scale: data (with whiskers) padded, clamped to bounds, widened to round ticks. */
function yScale(axis: ChartAxis, series: readonly LineSeries[], top: number, bottom: number): Scale {
  const a = { ...LINE_CHART_DEFAULTS.y, ...axis };
  const values = series.flatMap((s) => [...finite(s.y), ...(s.range ? [...s.range.low, ...s.range.high] : [])]);
  let [lo, hi] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  if (hi - lo < 1e-9) [lo, hi] = [lo - 0.5 * (Math.abs(lo) || 1), hi + 0.5 * (Math.abs(hi) || 1)];
  const pad = a.pad * (hi - lo);
  [lo, hi] = [lo - pad, hi + pad];
  if (a.bounds) [lo, hi] = [Math.max(a.bounds[0], lo), Math.min(a.bounds[1], hi)];
  if (values.length && values.every((v) => v >= 0)) lo = Math.max(0, lo); // losses, rates and counts are never negative
  if (a.min !== undefined) lo = a.min;
  if (a.max !== undefined) hi = a.max;
  const ticks = a.ticks ?? niceTicks(lo, hi, a.maxTicks, a.integer);
  if (!a.ticks && a.min === undefined) lo = Math.min(lo, ticks[0]);
  if (!a.ticks && a.max === undefined) hi = Math.max(hi, ticks[ticks.length - 1]);
  return { lo, hi, ticks, map: (v) => bottom - ((v - lo) / (hi - lo)) * (bottom - top) };
}

/** The x scale: the data's extent (at least one unit), optionally padded; log or linear. */
function xScale(axis: ChartAxis, series: readonly LineSeries[], left: number, right: number): Scale {
  const a = { ...LINE_CHART_DEFAULTS.x, ...axis };
  const log = a.scale === 'log';
  const t = (v: number) => (log ? Math.log(v) : v);
  const xs = series.flatMap((s) => s.x);
  const first = a.min ?? (xs.length ? Math.min(...xs) : 0);
  const last = a.max ?? Math.max(xs.length ? Math.max(...xs) : 1, log ? first * 2 : first + 1);
  const pad = a.pad * (t(last) - t(first));
  const [lo, hi] = [t(first) - pad, t(last) + pad];
  const ticks = a.ticks ?? niceTicks(first, last, a.maxTicks, a.integer).filter((v) => v >= first && v <= last);
  return { lo: first, hi: last, ticks, map: (v) => left + ((t(v) - lo) / (hi - lo || 1)) * (right - left) };
}

function drawPanel(panel: ChartPanel, x0: number, w: number, h: number, margin: ChartMargin): string {
  const [left, right, top, bottom] = [x0 + margin.left, x0 + w - margin.right, margin.top, h - margin.bottom];
  const xa = { ...LINE_CHART_DEFAULTS.x, ...panel.x };
  const ya = { ...LINE_CHART_DEFAULTS.y, ...panel.y };
  const sx = xScale(xa, panel.series, left, right);
  const sy = yScale(ya, panel.series, top, bottom);
  const fx = xa.format ?? ((t: number, ticks: readonly number[]) => (xa.integer ? String(t) : formatTick(t, ticks)));
  const fy = ya.format ?? formatTick;
  const out: string[] = [];
  if (panel.title) out.push(text((left + right) / 2, top - 12, panel.title, 'text-anchor="middle" fill="#222"', 15));
  if (panel.region) {
    const rx0 = Math.max(left, sx.map(panel.region.from));
    const rx1 = Math.min(right, panel.region.to === undefined ? right : sx.map(panel.region.to));
    out.push(
      `<rect x="${r(rx0)}" y="${r(top)}" width="${r(Math.max(0, rx1 - rx0))}" height="${r(bottom - top)}" fill="${panel.region.color ?? '#f3f3f3'}"/>`,
    );
    if (panel.region.label) out.push(text(rx0 + 6, top + 16, panel.region.label, 'fill="#666"'));
  }
  for (const t of sy.ticks) {
    if (ya.grid)
      out.push(
        `<line x1="${r(left)}" y1="${r(sy.map(t))}" x2="${r(right)}" y2="${r(sy.map(t))}" stroke="#e3e3e3" stroke-width="1"/>`,
      );
    out.push(
      `<line x1="${r(left - 5)}" y1="${r(sy.map(t))}" x2="${r(left)}" y2="${r(sy.map(t))}" stroke="#333" stroke-width="1"/>`,
    );
    out.push(text(left - 8, sy.map(t) + 4, fy(t, sy.ticks), 'text-anchor="end"'));
  }
  for (const t of sx.ticks) {
    if (xa.grid)
      out.push(
        `<line x1="${r(sx.map(t))}" y1="${r(top)}" x2="${r(sx.map(t))}" y2="${r(bottom)}" stroke="#e3e3e3" stroke-width="1"/>`,
      );
    out.push(
      `<line x1="${r(sx.map(t))}" y1="${r(bottom)}" x2="${r(sx.map(t))}" y2="${r(bottom + 5)}" stroke="#333" stroke-width="1"/>`,
    );
    out.push(text(sx.map(t), bottom + 19, fx(t, sx.ticks), 'text-anchor="middle"'));
  }
  for (const rule of panel.rules ?? []) {
    out.push(
      `<line x1="${r(sx.map(rule.x))}" y1="${r(top)}" x2="${r(sx.map(rule.x))}" y2="${r(bottom)}" stroke="${rule.color ?? '#999'}" ${rule.dash ? `stroke-dasharray="${rule.dash}"` : ''}/>`,
    );
  }
  if (xa.label) out.push(text((left + right) / 2, h - 14, xa.label, 'text-anchor="middle"', 13));
  if (ya.label)
    out.push(
      text(
        x0 + 18,
        (top + bottom) / 2,
        ya.label,
        `text-anchor="middle" transform="rotate(-90 ${r(x0 + 18)} ${r((top + bottom) / 2)})"`,
        13,
      ),
    );

  // the frame goes under the data, so a series on the axis range's edge stays visible
  out.push(
    `<rect x="${r(left)}" y="${r(top)}" width="${r(right - left)}" height="${r(bottom - top)}" fill="none" stroke="#333" stroke-width="1"/>`,
  );
  const legend: LineSeries[] = [];
  const allPoints: [number, number][] = [];
  for (const s of panel.series) {
    const points = s.x
      .map((x, i) => [x, s.y[i]] as const)
      .filter((p): p is readonly [number, number] => p[1] !== undefined && Number.isFinite(p[1]));
    if (points.length === 0) continue;
    if (s.name && !legend.some((l) => l.name === s.name)) legend.push(s);
    const px = points.map(([x, y]) => [sx.map(x), sy.map(y)] as [number, number]);
    allPoints.push(...px);
    const d = px.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r(x)},${r(y)}`).join(' ');
    out.push(
      `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? LINE_CHART_DEFAULTS.seriesWidth}" stroke-linejoin="round" stroke-linecap="round" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    if (s.range) {
      const dx = s.range.dx ?? 0;
      s.x.forEach((x, i) => {
        const [lo, hi] = [s.range!.low[i], s.range!.high[i]];
        if (Number.isFinite(lo) && Number.isFinite(hi))
          out.push(
            `<line x1="${r(sx.map(x) + dx)}" y1="${r(sy.map(lo))}" x2="${r(sx.map(x) + dx)}" y2="${r(sy.map(hi))}" stroke="${s.color}" stroke-width="1.5"/>`,
          );
      });
    }
    const markers = s.markers ?? 'auto';
    const dots =
      markers === 'all' || (markers === 'auto' && px.length <= 40) ? px : markers === 'first' ? px.slice(0, 1) : [];
    for (const [x, y] of dots)
      out.push(
        `<circle cx="${r(x)}" cy="${r(y)}" r="${s.markerRadius ?? LINE_CHART_DEFAULTS.markerRadius}" fill="${s.color}"/>`,
      );
  }
  for (const n of panel.notes ?? [])
    out.push(text(sx.map(n.x), sy.map(n.y) + (n.dy ?? 0), n.text, 'text-anchor="middle"', 11));
  const rank = (s: LineSeries) => {
    const i = panel.legendOrder?.indexOf(s.name!) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  legend.sort((a, b) => rank(a) - rank(b)); // stable: unlisted entries keep drawing order
  out.push(drawLegend(legend, panel.legend ?? 'auto', allPoints, left, right, top, bottom));
  return out.join('\n');
}

function drawLegend(
  entries: LineSeries[],
  where: NonNullable<ChartPanel['legend']>,
  points: [number, number][],
  left: number,
  right: number,
  top: number,
  bottom: number,
): string {
  if (entries.length === 0 || where === 'none') return '';
  const swatch = (x: number, y: number, s: LineSeries) =>
    `<line x1="${r(x)}" y1="${r(y)}" x2="${r(x + 22)}" y2="${r(y)}" stroke="${s.color}" stroke-width="3" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''}/>`;
  const out: string[] = [];
  if (where === 'above') {
    let x = left;
    for (const s of entries) {
      out.push(swatch(x, top - 30, s), text(x + 28, top - 26, s.name!));
      x += 44 + 7 * s.name!.length;
    }
    return out.join('\n');
  }
  const boxW = Math.max(118, 44 + 7.2 * Math.max(...entries.map((s) => s.name!.length)));
  const boxH = 10 + 18 * entries.length;
  const corners: Record<string, [number, number]> = {
    'top-right': [right - boxW - 8, top + 8],
    'bottom-right': [right - boxW - 8, bottom - boxH - 8],
    'top-left': [left + 8, top + 8],
    'bottom-left': [left + 8, bottom - boxH - 8],
  };
  const covered = ([cx, cy]: [number, number]) =>
    points.filter(([x, y]) => x >= cx - 6 && x <= cx + boxW + 6 && y >= cy - 6 && y <= cy + boxH + 6).length;
  const [bx, by] =
    where === 'auto'
      ? Object.values(corners).reduce((best, c) => (covered(c) < covered(best) ? c : best))
      : corners[where];
  out.push(
    `<rect x="${r(bx)}" y="${r(by)}" width="${r(boxW)}" height="${boxH}" fill="#ffffff" fill-opacity="0.85" stroke="#cccccc" stroke-width="1"/>`,
  );
  entries.forEach((s, i) => {
    const ly = by + 14 + i * 18;
    out.push(swatch(bx + 8, ly, s), text(bx + 36, ly + 4, s.name!));
  });
  return out.join('\n');
}

/** A text element in the chart font; `attrs` may set its own fill. */
export function svgText(x: number, y: number, s: string, attrs = '', size = 12): string {
  return `<text x="${r(x)}" y="${r(y)}" font-family="${CHART_FONT}" font-size="${size}" ${attrs.includes('fill=') ? '' : 'fill="#333"'} ${attrs}>${escapeXml(s)}</text>`;
}
const text = svgText;

function r(v: number): string {
  return v.toFixed(1);
}
