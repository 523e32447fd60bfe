/**
 * The forecast picture: the end of the training history, the held-out actuals, and the model's
 * (and the seasonal naive) forecasts from origins one horizon apart, each drawn from the last
 * observed value. Drawn with core's line chart (`lineChartSvg`).
 *
 * @example
 * await renderForecastPlot({ x: years, values, trainEnd, forecasts, title: 'CO2' }, 'out/forecast.png');
 */
import { LineSeries, TRAIN_COLOR, VALIDATION_COLOR, lineChartSvg, writeSvgPng } from '@dlkit/core';

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
const HISTORY_COLOR = '#555555';
const ACTUAL_COLOR = '#111111';
const FORECAST_COLOR = VALIDATION_COLOR;
const BASELINE_COLOR = TRAIN_COLOR;

/** Writes the PNG atomically and returns its path. */
export async function renderForecastPlot(data: ForecastPlotData, file: string): Promise<string> {
  return writeSvgPng(file, forecastPlotSvg(data));
}

export function forecastPlotSvg(data: ForecastPlotData): string {
  const { x, values, trainEnd } = data;
  if (x.length !== values.length) throw new Error(`plot: ${x.length} x coordinates for ${values.length} values`);
  const from = Math.max(0, data.from ?? trainEnd - 2 * (values.length - trainEnd));
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
  // a path starts at its origin's observed value, so it joins the actual line
  const path = (p: ForecastPath, name: string, color: string, extra: Partial<LineSeries>): LineSeries => ({
    name,
    x: range(p.origin, p.origin + p.values.length + 1).map((i) => x[i]),
    y: [values[p.origin], ...p.values],
    color,
    ...extra,
  });
  const series: LineSeries[] = [
    {
      name: 'history (training)',
      x: x.slice(from, trainEnd),
      y: values.slice(from, trainEnd),
      color: HISTORY_COLOR,
      width: 1.6,
      markers: 'none',
    },
    {
      name: 'actual (held out)',
      x: x.slice(trainEnd - 1),
      y: values.slice(trainEnd - 1),
      color: ACTUAL_COLOR,
      width: 2.2,
      markers: 'none',
    },
    ...data.forecasts.map((p) =>
      path(p, data.modelLabel ?? 'forecast', FORECAST_COLOR, { width: 2.6, markers: 'first' }),
    ),
    ...(data.baseline ?? []).map((p) =>
      path(p, data.baselineLabel ?? 'baseline', BASELINE_COLOR, { width: 1.8, dash: '6,4', markers: 'none' }),
    ),
  ];
  const integerX = x.every(Number.isInteger);
  return lineChartSvg({
    ...SIZE,
    margin: MARGIN,
    title: data.title,
    subtitle: data.subtitle,
    panels: [
      {
        // baselines first so the model's forecasts are drawn over them; the legend lists the model first
        series: [
          ...series.slice(0, 2),
          ...series.slice(2 + data.forecasts.length),
          ...series.slice(2, 2 + data.forecasts.length),
        ],
        x: {
          label: data.xLabel ?? (integerX ? 'time step' : 'year'),
          integer: true,
          maxTicks: 10,
          grid: true,
          min: x[from],
          max: x[x.length - 1],
        },
        y: { label: data.yLabel ?? 'value', maxTicks: 7, pad: 0.04 },
        region: { from: x[trainEnd], label: 'held-out test period' },
        rules: [{ x: x[trainEnd], dash: '5,4' }],
        // the series rise in most data sets; the box is opaque either way
        legend: 'top-left',
        legendOrder: series.map((s) => s.name!),
      },
    ],
  });
}
