// The forecaster learns: a short training beats the seasonal naive on a held-out trending seasonal
// series (direct and recursive), trains on the training part only, and is seeded.
import { Rng, initBackend } from '@dlkit/core';
import { meanAbsoluteError, seasonalNaiveForecast } from './baselines';
import { Forecaster, ForecasterConfig } from './forecaster';
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
  const origins = testOrigins(split, 6);
  const actual = origins.map((t) => values.slice(t + 1, t + 7));
  beforeAll(() => initBackend());

  async function trained(
    series: readonly number[],
    config: Partial<ForecasterConfig> = SMALL,
    fit = FIT,
  ): Promise<Forecaster> {
    const f = Forecaster.create(config, DiffScaler.fit(series.slice(0, split.trainEnd)));
    await f.fit(series, split.trainEnd, fit);
    return f;
  }

  // Slow (~5-10 s): real trainings of the LSTM forecaster.
  it('direct: a short training beats the seasonal naive on a held-out trending seasonal series', async () => {
    const f = await trained(values, SMALL, { ...FIT, epochs: 12, batchSize: 16 });
    const mae = meanAbsoluteError(actual, f.forecast(values, origins));
    const seasonal = meanAbsoluteError(
      actual,
      origins.map((t) => seasonalNaiveForecast(values, t, 6, 12)),
    );
    // seasonal naive misses by one year of trend, 12 * 0.08 = 0.96
    expect(seasonal).toBeGreaterThan(0.85);
    expect(mae).toBeLessThan(0.6 * seasonal);
    f.dispose();
  }, 60_000);

  // Slow (~5-10 s): real trainings of the LSTM forecaster.
  it('recursive, centred on the training mean: a one-step model rolled out H steps also beats the seasonal naive', async () => {
    const f = await trained(
      values,
      { ...SMALL, strategy: 'recursive', center: 'train' },
      { ...FIT, epochs: 12, batchSize: 16 },
    );
    expect(f.model.outputs[0].shape).toEqual([null, 1]);
    const predicted = f.forecast(values, origins);
    expect(predicted[0]).toHaveLength(6);
    const seasonal = meanAbsoluteError(
      actual,
      origins.map((t) => seasonalNaiveForecast(values, t, 6, 12)),
    );
    expect(meanAbsoluteError(actual, predicted)).toBeLessThan(0.6 * seasonal);
    f.dispose();
  }, 60_000);

  // Slow (~5-10 s): real trainings of the LSTM forecaster.
  it('trains on the training part only: a different test part gives the same weights', async () => {
    const wild = [
      ...values.slice(0, split.trainEnd),
      ...values.slice(split.trainEnd).map((v, i) => v * 50 + (i % 2) * 1000),
    ];
    const a = await trained(values, { ...SMALL, units: 4 });
    const b = await trained(wild, { ...SMALL, units: 4 });
    expect(b.scaler.toJSON()).toEqual(a.scaler.toJSON());
    const wa = a.model.getWeights().map((w) => Array.from(w.dataSync()));
    const wb = b.model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(wb).toEqual(wa);
    // ... and a scaler fitted on the whole series would not match
    expect(DiffScaler.fit(wild).std).toBeGreaterThan(10 * a.scaler.std);
    a.dispose();
    b.dispose();
  }, 60_000);

  // Slow (~5-10 s): real trainings of the LSTM forecaster.
  it('is seeded: the same seeds give identical forecasts, another seed different ones', async () => {
    const run = async (seed: number) => {
      const f = await trained(values, { ...SMALL, units: 4, seed });
      const out = f.forecast(values, origins.slice(0, 3));
      f.dispose();
      return out;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(await run(6)).not.toEqual(a);
  }, 60_000);
});
