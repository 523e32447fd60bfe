import { Rng } from '@dlkit/core';
import { lengthBucketedBatches } from './length-buckets';

describe('lengthBucketedBatches', () => {
  const rng = new Rng(7);
  const lengths = Array.from({ length: 1000 }, () => 1 + rng.int(100));
  const spread = (batches: number[][]): number =>
    batches.reduce((s, b) => s + Math.max(...b.map((i) => lengths[i])) - Math.min(...b.map((i) => lengths[i])), 0) /
    batches.length;

  it('uses every index once, in batches of similar length', () => {
    const batches = lengthBucketedBatches(lengths, { batchSize: 16, seed: 1 });
    expect(batches.flat().sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
    expect(batches.filter((b) => b.length !== 16).map((b) => b.length)).toEqual([8]); // pools of 800 and 200 = 12×16 + 8
    // random batches of 16 lengths in 1..100 spread by ~85; one pool of 800 sorted, by ~2
    const random = new Rng(2).permutation(1000);
    const randomBatches = Array.from({ length: 62 }, (_, i) => random.slice(i * 16, i * 16 + 16));
    expect(spread(batches)).toBeLessThan(spread(randomBatches) / 10);
  });

  it('is seeded: same seed same batches, another seed other batches', () => {
    const a = lengthBucketedBatches(lengths, { batchSize: 8, seed: 3, poolBatches: 4 });
    expect(lengthBucketedBatches(lengths, { batchSize: 8, seed: 3, poolBatches: 4 })).toEqual(a);
    expect(lengthBucketedBatches(lengths, { batchSize: 8, seed: 4, poolBatches: 4 })).not.toEqual(a);
  });

  it('can drop short batches and rejects bad sizes', () => {
    const batches = lengthBucketedBatches(lengths, { batchSize: 16, seed: 1, dropRemainder: true });
    expect(batches.every((b) => b.length === 16)).toBe(true);
    expect(batches).toHaveLength(62);
    expect(() => lengthBucketedBatches(lengths, { batchSize: 0, seed: 1 })).toThrow(
      /batchSize must be a positive integer, got 0/,
    );
  });
});
