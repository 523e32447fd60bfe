import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { Rng, initBackend, readImageInfo } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { FORECASTER_FILE, Forecaster, ForecasterConfig } from './forecaster';
import { forecastPlotSvg, renderForecastPlot } from './plot';
import { DiffScaler, chronologicalSplit, testOrigins } from './windows';

/** Trend + yearly cycle + noise, like CO2 in miniature: 10 + 0.08 t + 2 sin(2πt/12) + N(0, 0.1²). */
function seasonalSeries(n: number, seed = 3): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, t) => 10 + 0.08 * t + 2 * Math.sin((2 * Math.PI * t) / 12) + rng.normal(0, 0.1));
}

const SMALL: Partial<ForecasterConfig> = { window: 12, horizon: 6, units: 8, seed: 5 };
const FIT = { epochs: 6, batchSize: 32, learningRate: 0.01, seed: 2 };

describe('Forecaster', () => {
  const values = seasonalSeries(180);
  const split = chronologicalSplit(values.length, { testPoints: 36 });
  const scaler = DiffScaler.fit(values.slice(0, split.trainEnd));
  const origins = testOrigins(split, 6);
  let dir: string;

  beforeAll(async () => {
    await initBackend();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-forecaster-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Slow (~2-3 s): six 1-epoch trainings inside the leak checks.
  it('training and forecasting leak no tensors (both strategies, both cells)', async () => {
    for (const config of [
      { ...SMALL, units: 4 },
      { ...SMALL, units: 4, strategy: 'recursive' as const, cell: 'gru' as const },
    ]) {
      await expectNoLeak(async () => {
        const f = Forecaster.create(config, scaler);
        await f.fit(values, split.trainEnd, { ...FIT, epochs: 1 });
        f.forecast(values, origins);
        f.dispose();
      }, 2);
    }
  }, 30_000);

  it('saves with a JSON side file and loads back to the same forecasts', async () => {
    const f = Forecaster.create({ ...SMALL, units: 4 }, scaler);
    await f.fit(values, split.trainEnd, { ...FIT, epochs: 1 });
    const modelDir = path.join(dir, 'model');
    await f.save(modelDir, { series: 'synthetic' });
    const meta = JSON.parse(fs.readFileSync(path.join(modelDir, FORECASTER_FILE), 'utf8'));
    expect(meta).toMatchObject({
      series: 'synthetic',
      config: { window: 12, horizon: 6, units: 4, cell: 'lstm', strategy: 'direct', center: 'window' },
      scaler: scaler.toJSON(),
    });
    const g = await Forecaster.load(modelDir);
    expect(g.forecast(values, origins)).toEqual(f.forecast(values, origins));
    f.dispose();
    g.dispose();
    await expect(Forecaster.load(dir)).rejects.toThrow(`no ${FORECASTER_FILE}`);
  });

  it('validates its config and its origins', () => {
    expect(() => Forecaster.create({ window: 0 }, scaler)).toThrow('window must be a positive integer, got 0');
    expect(() => Forecaster.create({ center: 'median' as 'train' }, scaler)).toThrow(
      "center must be 'train' or 'window', got 'median'",
    );
    expect(() => Forecaster.create({ cell: 'rnn' as 'lstm' }, scaler)).toThrow(
      "cell must be 'lstm' or 'gru', got 'rnn'",
    );
    const f = Forecaster.create({ ...SMALL, units: 2 }, scaler);
    expect(() => f.forecast(values, [11])).toThrow(
      'forecast origin must be in [12, 180) (window 12 needs 13 past values), got 11',
    );
    f.dispose();
    const g = Forecaster.create({ window: 50, horizon: 6, units: 2 }, scaler);
    return expect(g.fit(values.slice(0, 40), 40)).rejects.toThrow(
      'not enough training values: 40 values give no window of 50 differences plus 6 target steps (need at least 57)',
    );
  });
});

describe('forecast plot', () => {
  const values = seasonalSeries(60);
  const data = {
    x: values.map((_, i) => 2000 + i / 12),
    values,
    trainEnd: 48,
    forecasts: [{ origin: 47, values: values.slice(48, 54).map((v) => v + 0.2) }],
    baseline: [{ origin: 47, values: values.slice(36, 42) }],
    title: 'Synthetic <series>',
    yLabel: 'level (units)',
    modelLabel: 'LSTM forecast',
    baselineLabel: 'seasonal naive',
  };

  it('draws history, actuals, forecast and baseline with a legend and axis labels', () => {
    const svg = forecastPlotSvg(data);
    for (const s of [
      'history (training)',
      'actual (held out)',
      'LSTM forecast',
      'seasonal naive',
      'level (units)',
      '>year<',
      'Synthetic &lt;series&gt;',
      '>2003<',
    ]) {
      expect(svg).toContain(s);
    }
    expect(svg.match(/<path /g)).toHaveLength(4);
  });

  it('renders a PNG that decodes back at 1000x500', async () => {
    const file = path.join(os.tmpdir(), `dlkit-forecast-plot-${process.pid}.png`);
    await renderForecastPlot(data, file);
    const meta = await readImageInfo(file);
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1000, 500]);
    fs.rmSync(file);
  });

  it('does not touch tfjs', () => {
    const before = tf.memory().numTensors;
    forecastPlotSvg(data);
    expect(tf.memory().numTensors).toBe(before);
  });
});
