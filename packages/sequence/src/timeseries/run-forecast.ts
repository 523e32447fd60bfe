/**
 * The whole forecasting experiment behind `dlkit forecast`: load a series, hold out its last
 * `testPoints` values, fit the scaler and the recurrent forecaster on the rest, and score the
 * model and the two baselines by the same protocol:
 *
 *   rolling origins: every t from trainEnd-1 to length-1-H (each forecast x[t+1..t+H] lies in
 *   the test period; inputs are the values observed up to t), MAE over all origins and all H steps.
 *
 * Writes <outDir>/model (tfjs model + forecaster.json), <outDir>/forecast.png and <outDir>/forecast.json.
 *
 * @example
 * const r = await runForecast({ outDir: 'out/forecast' });   // CO2, 12-month horizon
 * console.log(r.mae, r.seasonalNaiveMae);
 */
import * as path from 'path';
import { EpochLogs, TrainingContext, initBackend, stripUndefined, writeFileAtomic } from '@dlkit/core';
import { maeByStep, meanAbsoluteError, naiveForecast, seasonalNaiveForecast } from './baselines';
import { loadSeries } from './csv';
import {
  FORECASTER_DEFAULTS,
  FORECASTER_FIT_DEFAULTS,
  ForecastCenter,
  ForecastStrategy,
  Forecaster,
  ForecastCell,
} from './forecaster';
import { renderForecastPlot } from './plot';
import { DiffScaler, chronologicalSplit, testOrigins } from './windows';

export interface RunForecastOptions {
  /** `co2` or a CSV file. */
  series?: string;
  /** Column of a CSV file (the built-in series know theirs). */
  column?: string;
  outDir: string;
  horizon?: number;
  window?: number;
  epochs?: number;
  seed?: number;
  cell?: ForecastCell;
  strategy?: ForecastStrategy;
  center?: ForecastCenter;
  units?: number;
  learningRate?: number;
  batchSize?: number;
  /** Values held out at the end of the series (60 = the last 5 years of a monthly series). */
  testPoints?: number;
  /** Season length of the seasonal naive baseline (12 for monthly data). */
  season?: number;
  progress?: boolean;
  onEpochEnd?: (logs: EpochLogs, ctx: TrainingContext) => void;
}

export const RUN_FORECAST_DEFAULTS = {
  series: 'co2',
  horizon: FORECASTER_DEFAULTS.horizon,
  window: FORECASTER_DEFAULTS.window,
  epochs: 20,
  seed: FORECASTER_DEFAULTS.seed,
  cell: FORECASTER_DEFAULTS.cell as ForecastCell,
  strategy: FORECASTER_DEFAULTS.strategy as ForecastStrategy,
  center: FORECASTER_DEFAULTS.center as ForecastCenter,
  units: 16,
  learningRate: FORECASTER_FIT_DEFAULTS.learningRate,
  batchSize: FORECASTER_FIT_DEFAULTS.batchSize,
  testPoints: 60,
  season: 12,
};

export interface ForecastResult {
  task: 'forecast';
  /** Model MAE over all test origins and steps. */
  mae: number;
  naiveMae: number;
  seasonalNaiveMae: number;
  /** mae / seasonalNaiveMae. */
  ratio: number;
  /** Model MAE at each step h = 1..H. */
  maeByStep: number[];
  plot: string;
  model: string;
  series: string;
  column: string;
  /** First and last label (date) of the held-out test period. */
  testPeriod: [string, string];
  testOrigins: number;
  trainValues: number;
  trainWindows: number;
  horizon: number;
  window: number;
  epochs: number;
  cell: ForecastCell;
  strategy: ForecastStrategy;
  center: ForecastCenter;
  seed: number;
  finalLoss: number;
  seconds: number;
  backend: string;
  /** Missing months filled by interpolation. */
  filled: number;
}

export async function runForecast(options: RunForecastOptions): Promise<ForecastResult> {
  const o = { ...RUN_FORECAST_DEFAULTS, ...stripUndefined(options) };
  const start = performance.now();
  const { backend } = await initBackend();
  const s = loadSeries({ series: o.series, column: o.column });
  const { values } = s;
  const label = s.name === 'co2' ? s.name : s.file;
  const need = o.window + (o.strategy === 'direct' ? o.horizon : 1) + 1; // values for one training window
  if (values.length - o.testPoints < Math.max(need, o.season)) {
    throw new Error(
      `${label}: too short: ${values.length} values leave ${Math.max(0, values.length - o.testPoints)} for training after holding out the last ${o.testPoints} (testPoints); ` +
        `a window of ${o.window} differences and a horizon of ${o.horizon} need at least ${need}${o.season > need ? `, the season ${o.season}` : ''}`,
    );
  }
  const split = chronologicalSplit(values.length, { testPoints: o.testPoints });
  const origins = testOrigins(split, o.horizon);

  const scaler = DiffScaler.fit(values.slice(0, split.trainEnd)); // training part only
  const forecaster = Forecaster.create(
    {
      window: o.window,
      horizon: o.horizon,
      cell: o.cell,
      strategy: o.strategy,
      center: o.center,
      units: o.units,
      seed: o.seed,
    },
    scaler,
  );
  try {
    const history = await forecaster.fit(values, split.trainEnd, {
      epochs: o.epochs,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      seed: o.seed,
      progress: o.progress,
      onEpochEnd: o.onEpochEnd,
    });
    const actual = origins.map((t) => values.slice(t + 1, t + 1 + o.horizon));
    const predicted = forecaster.forecast(values, origins);
    const naive = origins.map((t) => naiveForecast(values, t, o.horizon));
    const seasonal = origins.map((t) => seasonalNaiveForecast(values, t, o.horizon, o.season));
    const mae = meanAbsoluteError(actual, predicted);
    const naiveMae = meanAbsoluteError(actual, naive);
    const seasonalNaiveMae = meanAbsoluteError(actual, seasonal);

    const modelDir = path.join(options.outDir, 'model');
    const testPeriod: [string, string] = [s.labels[split.trainEnd], s.labels[values.length - 1]];
    await forecaster.save(modelDir, { series: s.name, column: s.column, testPeriod });

    // Forecast paths drawn one horizon apart (every origin would overlap into a blur).
    const shown = origins.map((t, i) => ({ t, i })).filter(({ i }) => i % o.horizon === 0);
    const unit = s.unit ? ` ${s.unit}` : '';
    const plot = await renderForecastPlot(
      {
        x: s.times ?? values.map((_, i) => i),
        values,
        trainEnd: split.trainEnd,
        forecasts: shown.map(({ t, i }) => ({ origin: t, values: predicted[i] })),
        baseline: shown.map(({ t, i }) => ({ origin: t, values: seasonal[i] })),
        title: `${s.title}: ${o.horizon}-step forecasts of the held-out ${testPeriod[0]} .. ${testPeriod[1]}`,
        subtitle: `MAE over ${origins.length} rolling origins x ${o.horizon} steps: ${o.cell.toUpperCase()} ${fmt(mae)}${unit}, seasonal naive ${fmt(seasonalNaiveMae)}${unit}, naive ${fmt(naiveMae)}${unit}`,
        yLabel: `${s.column}${s.unit ? ` (${s.unit})` : ''}`,
        xLabel: s.times ? 'year' : 'time step',
        modelLabel: `${o.cell.toUpperCase()} forecast (${o.strategy}), every ${o.horizon}th origin`,
        baselineLabel: 'seasonal naive, same origins',
      },
      path.join(options.outDir, 'forecast.png'),
    );
    const last = history.epochs[history.epochs.length - 1];
    const result: ForecastResult = {
      task: 'forecast',
      mae,
      naiveMae,
      seasonalNaiveMae,
      ratio: mae / seasonalNaiveMae,
      maeByStep: maeByStep(actual, predicted),
      plot,
      model: modelDir,
      series: s.name,
      column: s.column,
      testPeriod,
      testOrigins: origins.length,
      trainValues: split.trainEnd,
      trainWindows: split.trainEnd - 1 - o.window - (o.strategy === 'direct' ? o.horizon : 1) + 1,
      horizon: o.horizon,
      window: o.window,
      epochs: history.epochs.length,
      cell: o.cell,
      strategy: o.strategy,
      center: o.center,
      seed: o.seed,
      finalLoss: last ? last.loss : NaN,
      seconds: (performance.now() - start) / 1000,
      backend,
      filled: s.filled,
    };
    writeFileAtomic(path.join(options.outDir, 'forecast.json'), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    forecaster.dispose();
  }
}

function fmt(v: number): string {
  return v.toFixed(v < 10 ? 3 : 1);
}
