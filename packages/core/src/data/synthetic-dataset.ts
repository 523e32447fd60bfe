/**
 * The container for the curriculum's small generated classification sets (2-D points, binary
 * labels), with a seeded train/test split and conversion to batch-first tensors.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from './rng';

/** m examples with n features each, and one 0/1 label per example. */
export interface SyntheticDataset {
  /** Features, row-major, shape [m, n]. */
  x: Float32Array;
  /** [m, n]. */
  shape: [number, number];
  /** Labels 0 or 1, length m. */
  y: Float32Array;
}

/** A dataset's row `i` as a plain array. */
export function syntheticRow(ds: SyntheticDataset, i: number): number[] {
  const n = ds.shape[1];
  return Array.from(ds.x.subarray(i * n, (i + 1) * n));
}

/** The examples at `indices`, in that order. */
export function syntheticSubset(ds: SyntheticDataset, indices: number[]): SyntheticDataset {
  const [m, n] = ds.shape;
  const x = new Float32Array(indices.length * n);
  const y = new Float32Array(indices.length);
  indices.forEach((idx, k) => {
    if (!(Number.isInteger(idx) && idx >= 0 && idx < m))
      throw new Error(`syntheticSubset: index ${idx} is outside 0..${m - 1}`);
    x.set(ds.x.subarray(idx * n, (idx + 1) * n), k * n);
    y[k] = ds.y[idx];
  });
  return { x, shape: [indices.length, n], y };
}

export interface TrainTestSplitOptions {
  /** Fraction of examples held out for testing, in (0, 1). */
  testFraction?: number;
  seed?: number;
}

const SPLIT_DEFAULTS: Required<TrainTestSplitOptions> = { testFraction: 0.25, seed: 0 };

/**
 * A seeded random train/test split: round(m * testFraction) examples go to `test`.
 * @example
 * const { train, test } = trainTestSplit(moons({ n: 400 }), { testFraction: 0.25, seed: 1 });
 */
export function trainTestSplit(
  ds: SyntheticDataset,
  options: TrainTestSplitOptions = {},
): { train: SyntheticDataset; test: SyntheticDataset } {
  const { testFraction, seed } = { ...SPLIT_DEFAULTS, ...options };
  if (!(testFraction > 0 && testFraction < 1))
    throw new Error(`trainTestSplit: testFraction must be in (0, 1), got ${testFraction}`);
  const m = ds.shape[0];
  const nTest = Math.round(m * testFraction);
  if (nTest === 0 || nTest === m)
    throw new Error(`trainTestSplit: ${m} examples with testFraction ${testFraction} leaves an empty side`);
  const order = new Rng(seed).permutation(m);
  return { train: syntheticSubset(ds, order.slice(nTest)), test: syntheticSubset(ds, order.slice(0, nTest)) };
}

/** Both sets concatenated (train first). */
export function concatSynthetic(a: SyntheticDataset, b: SyntheticDataset): SyntheticDataset {
  if (a.shape[1] !== b.shape[1])
    throw new Error(`concatSynthetic: feature counts differ (${a.shape[1]} vs ${b.shape[1]})`);
  const x = new Float32Array(a.x.length + b.x.length);
  x.set(a.x);
  x.set(b.x, a.x.length);
  const y = new Float32Array(a.y.length + b.y.length);
  y.set(a.y);
  y.set(b.y, a.y.length);
  return { x, shape: [a.shape[0] + b.shape[0], a.shape[1]], y };
}

/** Batch-first tensors: X [m, n] and Y [m, 1]. The caller owns (and disposes) both. */
export function syntheticTensors(ds: SyntheticDataset): { X: tf.Tensor2D; Y: tf.Tensor2D } {
  const [m, n] = ds.shape;
  return { X: tf.tensor2d(ds.x, [m, n]), Y: tf.tensor2d(ds.y, [m, 1]) };
}

/** Fraction of examples with label 1. */
export function positiveRate(ds: SyntheticDataset): number {
  let s = 0;
  for (const v of ds.y) s += v;
  return ds.y.length ? s / ds.y.length : 0;
}
