/**
 * A recurrent forecaster (tfjs-layers LSTM or GRU) over z-scored first differences.
 *
 * Input: the last `window` differences before the origin, centred and divided by the training
 * std ([batch, window, 1]). Centre (`center`): by default each window's own mean difference, i.e.
 * the drift of the last `window` steps (CO2 grows ~1.5 ppm/yr over the training years and ~2.5 over
 * the test years: a fixed training drift under-forecasts, the network must then extrapolate);
 * or the training mean. Two strategies:
 * - `direct` (multi-step output): one dense head predicts the H cumulative sums
 *   c[h] = sum_{j<=h} z[t+j], i.e. the path of the level relative to the last observed value
 *   and the drift, all at once; the MSE on c weighs every horizon like the level MAE does.
 * - `recursive` (single-step model rolled out): the head predicts the next z; each prediction
 *   is appended to the window to predict the following one, H times.
 * Either way levels come back as x[t+h] = x[t] + h·centre + std·c[h] (DiffScaler.decode), so a
 * series whose level leaves the training range (CO2) stays in range for the network.
 *
 * Measured on CO2, 12-month horizon, last 5 years held out, 20 epochs (docs/timeseries.md):
 * LSTM direct, window-centred MAE 0.705 ppm (seeds 2, 3: 0.698, 0.715); centred on the training
 * mean 0.774; recursive 0.715; GRU 0.708; seasonal naive 2.640, naive 3.016.
 *
 * @example
 * const scaler = DiffScaler.fit(values.slice(0, trainEnd));
 * const f = Forecaster.create({ window: 24, horizon: 12 }, scaler);
 * await f.fit(values, trainEnd, { epochs: 30, seed: 1 });
 * const [next12] = f.forecast(values, [values.length - 1]);
 * await f.save('out/model');
 * f.dispose();
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import {
  EpochLogs,
  History,
  TrainingContext,
  fit,
  loadModel,
  saveModel,
  stripUndefined,
  taskTrainerOptions,
  writeFileAtomic,
} from '@dlkit/core';
import { DiffScaler, diffs, makeWindows } from './windows';

export type ForecastStrategy = 'direct' | 'recursive';
/** What the differences are centred on: the training mean (a fixed drift) or each input window's own mean (the recent drift). */
export type ForecastCenter = 'train' | 'window';
export type ForecastCell = 'lstm' | 'gru';

export interface ForecasterConfig {
  /** Past differences the network sees (window + 1 past values). */
  window: number;
  /** Steps forecast from each origin. */
  horizon: number;
  /** Multi-step output head, or a one-step model rolled out. */
  strategy: ForecastStrategy;
  /**
   * 'window': differences are centred on the mean difference of the input window (the drift of
   * the last `window` steps; seasonally neutral when window is a multiple of the season), and the
   * forecast continues that drift plus what the network adds. 'train': on the training mean.
   */
  center: ForecastCenter;
  cell: ForecastCell;
  /** Recurrent units. */
  units: number;
  /** Seed of the weight initialisers. */
  seed: number;
}

export const FORECASTER_DEFAULTS = {
  window: 24,
  horizon: 12,
  strategy: 'direct',
  center: 'window',
  cell: 'lstm',
  units: 32,
  seed: 1,
} as const satisfies ForecasterConfig;

export interface ForecasterFitOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Seeds the Trainer's shuffle. */
  seed?: number;
  progress?: boolean;
  onEpochEnd?: (logs: EpochLogs, ctx: TrainingContext) => void;
}

export const FORECASTER_FIT_DEFAULTS = { epochs: 40, batchSize: 32, learningRate: 0.005, seed: 1 };

/** Name of the JSON side file next to model.json. */
export const FORECASTER_FILE = 'forecaster.json';

export class Forecaster {
  private constructor(
    readonly config: ForecasterConfig,
    readonly scaler: DiffScaler,
    readonly model: tf.LayersModel,
  ) {}

  /** Builds a fresh, seeded network for `config` (defaults from FORECASTER_DEFAULTS). */
  static create(config: Partial<ForecasterConfig>, scaler: DiffScaler): Forecaster {
    const c: ForecasterConfig = { ...FORECASTER_DEFAULTS, ...stripUndefined(config) };
    for (const k of ['window', 'horizon', 'units'] as const) {
      if (!(Number.isInteger(c[k]) && c[k] >= 1)) throw new Error(`${k} must be a positive integer, got ${c[k]}`);
    }
    if (c.strategy !== 'direct' && c.strategy !== 'recursive')
      throw new Error(`strategy must be 'direct' or 'recursive', got '${c.strategy}'`);
    if (c.center !== 'train' && c.center !== 'window')
      throw new Error(`center must be 'train' or 'window', got '${c.center}'`);
    if (c.cell !== 'lstm' && c.cell !== 'gru') throw new Error(`cell must be 'lstm' or 'gru', got '${c.cell}'`);
    const outputs = c.strategy === 'direct' ? c.horizon : 1;
    const rnnArgs = {
      units: c.units,
      inputShape: [c.window, 1],
      kernelInitializer: tf.initializers.glorotUniform({ seed: c.seed }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: c.seed + 1 }),
    };
    const model = tf.sequential({
      layers: [
        c.cell === 'lstm' ? tf.layers.lstm(rnnArgs) : tf.layers.gru(rnnArgs), // [b, window, 1] -> [b, units]
        tf.layers.dense({ units: outputs, kernelInitializer: tf.initializers.glorotUniform({ seed: c.seed + 2 }) }), // -> [b, outputs]
      ],
    });
    return new Forecaster(c, scaler, model);
  }

  /** The number of past values a forecast needs (window differences = window + 1 values). */
  get needs(): number {
    return this.config.window + 1;
  }

  /**
   * Trains on the windows that lie entirely in values[0, trainEnd) with core's Trainer (MSE,
   * Adam). Values at or after trainEnd are never read.
   */
  async fit(values: readonly number[], trainEnd: number, options: ForecasterFitOptions = {}): Promise<History> {
    const o = { ...FORECASTER_FIT_DEFAULTS, ...stripUndefined(options) };
    const { window, horizon, strategy } = this.config;
    const steps = strategy === 'direct' ? horizon : 1;
    // d[i] = x[i+1] - x[i] over the training part only; windows of d end at trainEnd - 1.
    const w = makeWindows(diffs(values.slice(0, trainEnd)), { window, horizon: steps });
    if (w.origins.length === 0) {
      throw new Error(
        `not enough training values: ${trainEnd} values give no window of ${window} differences plus ${steps} target steps (need at least ${window + steps + 1})`,
      );
    }
    const m = w.origins.length;
    const { std } = this.scaler;
    const centers = w.inputs.map((d) => this.centerOf(d));
    const zs = (d: number[], i: number) => d.map((v) => (v - centers[i]) / std);
    const x = tf.tensor3d(Float32Array.from(w.inputs.flatMap(zs)), [m, window, 1]);
    const y = tf.tensor2d(Float32Array.from(w.targets.flatMap((d, i) => cumulative(zs(d, i)))), [m, steps]);
    try {
      return await fit(
        this.model,
        { x, y },
        { ...taskTrainerOptions(o), loss: 'meanSquaredError', progress: o.progress ?? false },
      );
    } finally {
      tf.dispose([x, y]);
    }
  }

  /**
   * Forecasts x[t+1..t+horizon] from each origin t, using values[t-window..t] only.
   * @returns [origins.length][horizon] levels
   */
  forecast(values: readonly number[], origins: readonly number[]): number[][] {
    const { window, horizon, strategy } = this.config;
    if (origins.length === 0) return [];
    const centers: number[] = [];
    const inputs = origins.map((t) => {
      if (!(Number.isInteger(t) && t >= window && t < values.length))
        throw new Error(
          `forecast origin must be in [${window}, ${values.length}) (window ${window} needs ${window + 1} past values), got ${t}`,
        );
      const past = values.slice(t - window, t + 1);
      centers.push(this.centerOf(diffs(past)));
      return this.scaler.encode(past, centers[centers.length - 1]);
    });
    const n = origins.length;
    const cum = tf.tidy(() => {
      let x: tf.Tensor = tf.tensor3d(Float32Array.from(inputs.flat()), [n, window, 1]); // [n, window, 1]
      if (strategy === 'direct') return this.model.predict(x) as tf.Tensor2D; // [n, horizon] cumulative z
      const steps: tf.Tensor[] = [];
      for (let h = 0; h < horizon; h++) {
        const next = (this.model.predict(x) as tf.Tensor).reshape([n, 1, 1]); // [n, 1, 1] next z
        steps.push(next.reshape([n, 1]));
        x = tf.concat([x.slice([0, 1, 0], [n, window - 1, 1]), next], 1); // slide: [n, window, 1]
      }
      return tf.concat(steps, 1).cumsum(1); // [n, horizon]
    });
    const c = cum.dataSync();
    cum.dispose();
    return origins.map((t, i) => {
      const row = Array.from(c.subarray(i * horizon, (i + 1) * horizon));
      return this.scaler.decode(
        values[t],
        row.map((v, h) => v - (h > 0 ? row[h - 1] : 0)),
        centers[i],
      );
    });
  }

  /** The centre of one window of differences: their mean, or the training mean. */
  private centerOf(windowDiffs: readonly number[]): number {
    return this.config.center === 'window'
      ? windowDiffs.reduce((a, b) => a + b, 0) / windowDiffs.length
      : this.scaler.mean;
  }

  /** Saves the network (core's saveModel) and forecaster.json (config + scaler) in `dir`. */
  async save(dir: string, extra: Record<string, unknown> = {}): Promise<void> {
    await saveModel(this.model, dir);
    writeFileAtomic(
      path.join(dir, FORECASTER_FILE),
      `${JSON.stringify({ ...extra, config: this.config, scaler: this.scaler.toJSON() }, null, 2)}\n`,
    );
  }

  /** Loads a forecaster written by `save`. */
  static async load(dir: string): Promise<Forecaster> {
    const file = path.join(dir, FORECASTER_FILE);
    if (!fs.existsSync(file)) throw new Error(`${dir}: no ${FORECASTER_FILE} (not a forecaster directory)`);
    const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      config: ForecasterConfig;
      scaler: { mean: number; std: number };
    };
    const model = await loadModel(dir);
    return new Forecaster(meta.config, new DiffScaler(meta.scaler.mean, meta.scaler.std), model);
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** Running sums: [a, b, c] -> [a, a+b, a+b+c]. */
function cumulative(z: number[]): number[] {
  let s = 0;
  return z.map((v) => (s += v));
}
