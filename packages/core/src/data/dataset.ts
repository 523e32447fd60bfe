/**
 * The Trainer's view of a data set: a size and a way to gather any set of examples into a
 * batch. Tensors in memory are one implementation (`tensorDataset`); a data set too big for
 * memory implements `batch(indices)` by loading those examples on demand. Because the Trainer
 * owns the (seeded) order of indices, both kinds shuffle reproducibly and resume exactly.
 *
 * @example
 * const ds = tensorDataset(x, y);           // x [m, 784], y [m, 10]
 * const b = ds.batch([3, 0, 7]);           // b.x [3, 784], b.y [3, 10]; caller disposes
 * disposeBatch(b);
 */
import * as tf from '@tensorflow/tfjs';
import { takeRows } from './batches';

/** One model input, or one tensor per input of a multi-input model; each batch-first. */
export type ModelInputs = tf.Tensor | tf.Tensor[];

/** A mini-batch: x [b, ...inputShape] (or one per model input) and y [b, ...outputShape]. */
export interface Batch {
  x: ModelInputs;
  y: tf.Tensor;
}

/** A finite, indexable data set of `size` examples. */
export interface Dataset {
  readonly size: number;
  /** The examples at `indices` (each in [0, size)), in that order, as new tensors the caller disposes. */
  batch(indices: readonly number[]): Batch;
}

export function isDataset(value: unknown): value is Dataset {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Dataset).batch === 'function' &&
    typeof (value as Dataset).size === 'number'
  );
}

/** Disposes a batch's tensors. */
export function disposeBatch(batch: Batch): void {
  tf.dispose(Array.isArray(batch.x) ? [...batch.x, batch.y] : [batch.x, batch.y]);
}

/**
 * A data set over batch-first tensors already in memory (they stay owned by the caller).
 * @param x [m, ...] or one [m, ...] tensor per model input
 * @param y [m, ...]
 */
export function tensorDataset(x: ModelInputs, y: tf.Tensor, label = 'data'): Dataset {
  const xs = Array.isArray(x) ? x : [x];
  if (xs.length === 0) throw new Error(`${label}: x must be a tensor or a non-empty array of tensors`);
  if (!(y instanceof tf.Tensor)) throw new Error(`${label}: y must be a tensor, got ${typeof y}`);
  if (y.rank === 0) throw new Error(`${label}: y must be batch-first (rank >= 1), got a scalar`);
  const m = y.shape[0];
  xs.forEach((t, i) => {
    if (!(t instanceof tf.Tensor)) throw new Error(`${label}: x${xs.length > 1 ? `[${i}]` : ''} must be a tensor`);
    if (t.rank === 0 || t.shape[0] !== m) {
      throw new Error(
        `${label}: x${xs.length > 1 ? `[${i}]` : ''} has shape [${t.shape}] but y has ${m} examples (shape [${y.shape}]); both must be batch-first with the same first dimension`,
      );
    }
  });
  return {
    size: m,
    batch(indices) {
      checkIndices(indices, m, label);
      const idx = indices as number[];
      return { x: Array.isArray(x) ? x.map((t) => takeRows(t, idx)) : takeRows(x, idx), y: takeRows(y, idx) };
    },
  };
}

/** The examples of `ds` at `indices` (a view: no data is copied until a batch is drawn). */
export function datasetSubset(ds: Dataset, indices: readonly number[], label = 'subset'): Dataset {
  checkIndices(indices, ds.size, label);
  const map = indices.slice();
  return {
    size: map.length,
    batch(inner) {
      checkIndices(inner, map.length, label);
      return ds.batch(inner.map((i) => map[i]));
    },
  };
}

function checkIndices(indices: readonly number[], size: number, label: string): void {
  for (const i of indices) {
    if (!(Number.isInteger(i) && i >= 0 && i < size)) throw new Error(`${label}: index ${i} is outside 0..${size - 1}`);
  }
}
