/**
 * Mini-batch index lists (DLS course 2 week 2, `random_mini_batches`): shuffle the m example
 * indices with a seeded generator, cut them into batches of `batchSize`, and keep the last,
 * smaller batch (m mod batchSize examples) rather than dropping it.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from './rng';

/**
 * @param m number of examples
 * @param batchSize examples per batch; the last batch has m mod batchSize when that is not 0
 * @param rng shuffles the order; pass `null` to keep 0..m-1 in order
 * @returns arrays of example indices, together a permutation of 0..m-1
 * @example
 * miniBatches(5, 2, new Rng(0)); // e.g. [[3, 0], [4, 1], [2]]
 */
export function miniBatches(m: number, batchSize: number, rng: Rng | null): number[][] {
  if (!Number.isInteger(m) || m < 0) throw new Error(`miniBatches: m must be a non-negative integer, got ${m}`);
  if (!Number.isInteger(batchSize) || batchSize <= 0)
    throw new Error(`miniBatches: batchSize must be a positive integer, got ${batchSize}`);
  const order = rng ? rng.permutation(m) : Array.from({ length: m }, (_, i) => i);
  const batches: number[][] = [];
  for (let start = 0; start < m; start += batchSize) batches.push(order.slice(start, start + batchSize));
  return batches;
}

/**
 * Rows `indices` of a batch-first tensor: [m, ...] -> [indices.length, ...].
 * The caller owns the result.
 */
export function takeRows<T extends tf.Tensor>(x: T, indices: number[]): T {
  return tf.tidy(() => tf.gather(x, tf.tensor1d(indices, 'int32'), 0)) as T;
}
