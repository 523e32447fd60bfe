/**
 * Length-bucketed batches: batches of sequences of similar length, so padding to the longest of a
 * batch wastes little. Indices are shuffled (seeded), cut into pools of `poolBatches` batches,
 * each pool sorted by length and cut into batches, and the batches shuffled again: random across
 * epochs, similar lengths within a batch (the bucketing of AllenNLP's BucketIterator and
 * tf.data's bucket_by_sequence_length, with pools instead of fixed boundaries).
 *
 * @example
 * const lengths = encodings.map((e) => e.ids.length);
 * for (const batch of lengthBucketedBatches(lengths, { batchSize: 32, seed: 1 }))
 *   tokenizer.encodeBatch(batch.map((i) => texts[i]), { padding: 'longest' });
 */
import { Rng } from '@dlkit/core';

export interface LengthBucketOptions {
  batchSize: number;
  /** Seed of both shuffles. */
  seed: number;
  /** Batches per sorted pool: larger pools give tighter lengths, smaller ones more randomness. */
  poolBatches?: number;
  /** Drop the last, smaller batch of each pool. */
  dropRemainder?: boolean;
}

export const LENGTH_BUCKET_DEFAULTS = { poolBatches: 50, dropRemainder: false } satisfies Partial<LengthBucketOptions>;

/** Batches of indices into `lengths`; every index appears once (unless `dropRemainder`). */
export function lengthBucketedBatches(lengths: readonly number[], options: LengthBucketOptions): number[][] {
  const o = { ...LENGTH_BUCKET_DEFAULTS, ...options };
  for (const [name, v] of [
    ['batchSize', o.batchSize],
    ['poolBatches', o.poolBatches],
  ] as const)
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive integer, got ${v}`);
  const rng = new Rng(o.seed);
  const order = rng.permutation(lengths.length);
  const pool = o.batchSize * o.poolBatches;
  const batches: number[][] = [];
  for (let p = 0; p < order.length; p += pool) {
    // stable sort by length: ties keep their shuffled order
    const sorted = order.slice(p, p + pool).sort((a, b) => lengths[a] - lengths[b]);
    for (let b = 0; b < sorted.length; b += o.batchSize) {
      const batch = sorted.slice(b, b + o.batchSize);
      if (batch.length === o.batchSize || !o.dropRemainder) batches.push(batch);
    }
  }
  return rng.shuffle(batches);
}
