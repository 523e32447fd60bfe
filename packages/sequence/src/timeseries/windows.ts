/**
 * Windowed supervised examples from one series, a chronological train/test split and a scaler
 * fitted on the training part only.
 *
 * A forecast origin t is the index of the last observed value. The window of origin t is the
 * `window` values x[t-window+1..t]; its targets are the next `horizon` values x[t+1..t+horizon].
 * The forecaster models first differences d[i] = x[i] - x[i-1] (CO2's level drifts out of the
 * training range, its month-to-month changes do not), z-scored with the training part's mean
 * and standard deviation.
 *
 * @example
 * const split = chronologicalSplit(values.length, { testPoints: 60 });  // last 5 years held out
 * const scaler = DiffScaler.fit(values.slice(0, split.trainEnd));
 * const w = makeWindows(values, { window: 24, horizon: 12, end: split.trainEnd });
 */

export interface WindowOptions {
  /** Past values per example. */
  window: number;
  /** Future values per example (1: single-step). */
  horizon: number;
  /** First index any window may use (default 0). */
  start?: number;
  /** One past the last index any window or target may use (default values.length). */
  end?: number;
}

export interface Windows {
  /** The origin (index of the last input value) of each example. */
  origins: number[];
  /** inputs[i] = x[origin-window+1..origin]. */
  inputs: number[][];
  /** targets[i] = x[origin+1..origin+horizon]. */
  targets: number[][];
}

/** Every (window, horizon) example that fits inside values[start, end). */
export function makeWindows(values: readonly number[], options: WindowOptions): Windows {
  const { window, horizon, start = 0, end = values.length } = options;
  checkPositiveInt(window, 'window');
  checkPositiveInt(horizon, 'horizon');
  if (!(start >= 0 && end <= values.length && start <= end))
    throw new Error(`window range [${start}, ${end}) is outside the series of ${values.length} values`);
  const out: Windows = { origins: [], inputs: [], targets: [] };
  for (let t = start + window - 1; t + horizon < end; t++) {
    out.origins.push(t);
    out.inputs.push(values.slice(t - window + 1, t + 1));
    out.targets.push(values.slice(t + 1, t + 1 + horizon));
  }
  return out;
}

export interface SplitOptions {
  /** Number of values at the end of the series held out for testing. */
  testPoints: number;
}

export interface ChronologicalSplit {
  /** Training uses values[0, trainEnd); the test period is values[trainEnd, length). */
  trainEnd: number;
  length: number;
}

/** The last `testPoints` values are the test period; everything before trains. */
export function chronologicalSplit(length: number, { testPoints }: SplitOptions): ChronologicalSplit {
  checkPositiveInt(testPoints, 'testPoints');
  if (testPoints >= length)
    throw new Error(`testPoints (${testPoints}) must be smaller than the series (${length} values)`);
  return { trainEnd: length - testPoints, length };
}

/**
 * Rolling forecast origins over the test period: every origin t >= trainEnd-1 whose whole
 * horizon x[t+1..t+horizon] lies in the test period (the first one forecasts from the last
 * training value). Inputs at later origins are observed test values, as they would be in use.
 */
export function testOrigins(split: ChronologicalSplit, horizon: number): number[] {
  checkPositiveInt(horizon, 'horizon');
  const origins: number[] = [];
  for (let t = split.trainEnd - 1; t + horizon < split.length; t++) origins.push(t);
  if (origins.length === 0)
    throw new Error(
      `the test period (${split.length - split.trainEnd} values) is shorter than the horizon (${horizon})`,
    );
  return origins;
}

/** z-scoring of first differences with statistics from the training values only. */
export class DiffScaler {
  constructor(
    /** Mean first difference of the training values. */
    readonly mean: number,
    /** Standard deviation of the training first differences (population). */
    readonly std: number,
  ) {
    if (!Number.isFinite(mean) || !(std > 0))
      throw new Error(`DiffScaler needs a finite mean and a positive std, got ${mean}, ${std}`);
  }

  /** Fits on `train` (pass ONLY the training part: values[0, trainEnd)). */
  static fit(train: readonly number[]): DiffScaler {
    if (train.length < 3) throw new Error(`DiffScaler.fit needs at least 3 training values, got ${train.length}`);
    const d = diffs(train);
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const variance = d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length;
    // A constant-slope series has zero spread; keep a unit scale rather than dividing by 0.
    return new DiffScaler(mean, Math.sqrt(variance) > 1e-12 ? Math.sqrt(variance) : 1);
  }

  /** The z-scored differences of `values` (length - 1 numbers), centred on `center` (default the training mean). */
  encode(values: readonly number[], center = this.mean): number[] {
    return diffs(values).map((d) => (d - center) / this.std);
  }

  /** Levels from z-scored future differences: x[t+h] = last + sum_{j<=h} (center + std * z[j]). */
  decode(last: number, z: readonly number[], center = this.mean): number[] {
    let level = last;
    return z.map((v) => (level += center + this.std * v));
  }

  toJSON(): { mean: number; std: number } {
    return { mean: this.mean, std: this.std };
  }
}

/** First differences: [x1 - x0, x2 - x1, ...]. */
export function diffs(values: readonly number[]): number[] {
  return values.slice(1).map((v, i) => v - values[i]);
}

function checkPositiveInt(v: number, name: string): void {
  if (!(Number.isInteger(v) && v >= 1)) throw new Error(`${name} must be a positive integer, got ${v}`);
}
