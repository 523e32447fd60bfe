/**
 * Random hyperparameter search (DLS course 2 week 3 "Tuning process": sample at random rather
 * than on a grid, and sample scale-type parameters on a log scale: r = -4 * rand(), lr = 10^r
 * spreads trials evenly over 1e-4..1). All trials' parameters are drawn up front from one
 * seeded generator, so they do not depend on what `evaluate` does.
 *
 * @example
 * const trials = await randomSearch({
 *   space: { learningRate: logUniform(1e-4, 1e-1), l2: logUniform(1e-6, 1e-2), hidden: intUniform(8, 64) },
 *   trials: 20, seed: 1, goal: 'maximize',
 *   evaluate: async ({ learningRate, l2, hidden }) => (await trainAndValidate(learningRate, l2, hidden)).valAcc,
 * });
 * trials[0].params; // the best parameters
 */
import { Rng } from '../data/rng';
import { NonFiniteLossError } from './errors';

/** Draws one value of a hyperparameter. */
export interface Sampler<T> {
  sample(rng: Rng): T;
  /** e.g. 'logUniform(0.0001, 0.1)'. */
  readonly description: string;
}

/** 10^r with r uniform in [log10(low), log10(high)): equal probability for every decade. */
export function logUniform(low: number, high: number): Sampler<number> {
  if (!(low > 0 && high > low && Number.isFinite(high)))
    throw new Error(`logUniform needs 0 < low < high, got ${low}, ${high}`);
  const a = Math.log10(low);
  const b = Math.log10(high);
  return { sample: (rng) => Math.pow(10, a + (b - a) * rng.uniform()), description: `logUniform(${low}, ${high})` };
}

/** Uniform in [low, high). */
export function linUniform(low: number, high: number): Sampler<number> {
  if (!(high > low && Number.isFinite(low) && Number.isFinite(high)))
    throw new Error(`linUniform needs low < high, got ${low}, ${high}`);
  return { sample: (rng) => low + (high - low) * rng.uniform(), description: `linUniform(${low}, ${high})` };
}

/** An integer in [low, high], each equally likely. */
export function intUniform(low: number, high: number): Sampler<number> {
  if (!(Number.isInteger(low) && Number.isInteger(high) && high >= low))
    throw new Error(`intUniform needs integers low <= high, got ${low}, ${high}`);
  return { sample: (rng) => low + rng.int(high - low + 1), description: `intUniform(${low}, ${high})` };
}

/** One of `values`, each equally likely. */
export function oneOf<T>(values: readonly T[]): Sampler<T> {
  if (!Array.isArray(values) || values.length === 0) throw new Error('oneOf needs a non-empty array');
  return { sample: (rng) => values[rng.int(values.length)], description: `oneOf(${JSON.stringify(values)})` };
}

export type SearchSpace = Record<string, Sampler<unknown>>;
export type SearchParams<S extends SearchSpace> = { [K in keyof S]: S[K] extends Sampler<infer T> ? T : never };

export interface Trial<S extends SearchSpace> {
  /** Order in which the trial was sampled and run. */
  index: number;
  params: SearchParams<S>;
  /** NaN if evaluate failed with a non-finite loss (see `error`). */
  score: number;
  error?: string;
  seconds: number;
}

export interface RandomSearchOptions<S extends SearchSpace> {
  space: S;
  trials: number;
  seed?: number;
  /** Whether a higher or a lower score is better. */
  goal?: 'maximize' | 'minimize';
  /** Trains and scores one parameter set; `trial.seed` can seed the model of that trial. */
  evaluate: (params: SearchParams<S>, trial: { index: number; seed: number }) => number | Promise<number>;
  /** Called after each trial (e.g. to log progress). */
  onTrial?: (trial: Trial<S>) => void;
}

const DEFAULTS = { seed: 0, goal: 'maximize' as const };

/**
 * Runs `trials` evaluations at randomly sampled parameters and returns them best first
 * (failed or NaN-scored trials last). A trial whose training diverges (NonFiniteLossError) is
 * recorded with score NaN and its error; any other error stops the search.
 */
export async function randomSearch<S extends SearchSpace>(options: RandomSearchOptions<S>): Promise<Trial<S>[]> {
  const { space, trials, seed, goal, evaluate, onTrial } = { ...DEFAULTS, ...options };
  if (!(Number.isInteger(trials) && trials > 0)) throw new Error(`trials must be a positive integer, got ${trials}`);
  if (goal !== 'maximize' && goal !== 'minimize')
    throw new Error(`goal must be 'maximize' or 'minimize', got '${goal}'`);
  const keys = Object.keys(space);
  if (keys.length === 0) throw new Error('space must name at least one hyperparameter');
  for (const k of keys)
    if (typeof space[k]?.sample !== 'function')
      throw new Error(`space.${k} must be a sampler such as logUniform(1e-4, 1e-1)`);
  const rng = new Rng(seed);
  const planned = Array.from({ length: trials }, () => {
    const params = Object.fromEntries(keys.map((k) => [k, space[k].sample(rng)])) as SearchParams<S>;
    return { params, seed: rng.nextSeed() };
  });
  const results: Trial<S>[] = [];
  for (let index = 0; index < trials; index++) {
    const { params, seed: trialSeed } = planned[index];
    const start = performance.now();
    let score: number;
    let error: string | undefined;
    try {
      score = await evaluate(params, { index, seed: trialSeed });
      if (typeof score !== 'number') throw new Error(`evaluate must return a number, got ${typeof score}`);
    } catch (err) {
      if (!(err instanceof NonFiniteLossError)) throw err;
      score = Number.NaN;
      error = err.message;
    }
    const trial: Trial<S> = {
      index,
      params,
      score,
      ...(error ? { error } : {}),
      seconds: (performance.now() - start) / 1000,
    };
    results.push(trial);
    onTrial?.(trial);
  }
  const sign = goal === 'maximize' ? -1 : 1;
  return results.sort((a, b) => {
    const an = Number.isNaN(a.score);
    const bn = Number.isNaN(b.score);
    if (an || bn) return an === bn ? a.index - b.index : an ? 1 : -1;
    return sign * (a.score - b.score) || a.index - b.index;
  });
}
