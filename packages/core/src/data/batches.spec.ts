import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { expectClose, expectNoLeak } from '../testing';
import { miniBatches, takeRows } from './batches';
import { Rng } from './rng';

beforeAll(async () => {
  await initBackend();
});

describe('miniBatches', () => {
  it('covers every example exactly once and keeps the last partial batch', () => {
    const batches = miniBatches(10, 4, new Rng(1));
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(miniBatches(8, 4, new Rng(1)).map((b) => b.length)).toEqual([4, 4]);
    expect(miniBatches(3, 64, new Rng(1)).map((b) => b.length)).toEqual([3]);
    expect(miniBatches(0, 4, new Rng(1))).toEqual([]);
  });

  it('is reproducible per seed, shuffled, and differs between seeds and epochs', () => {
    expect(miniBatches(50, 8, new Rng(7))).toEqual(miniBatches(50, 8, new Rng(7)));
    const rng = new Rng(7);
    const epoch1 = miniBatches(50, 8, rng).flat();
    const epoch2 = miniBatches(50, 8, rng).flat();
    expect(epoch1).not.toEqual(epoch2);
    expect(epoch1).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(miniBatches(5, 2, null)).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('rejects bad sizes', () => {
    expect(() => miniBatches(10, 0, null)).toThrow(/batchSize must be a positive integer, got 0/);
    expect(() => miniBatches(-1, 2, null)).toThrow(/m must be a non-negative integer/);
  });
});

describe('takeRows', () => {
  it('gathers rows of a batch-first tensor without leaking', async () => {
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const rows = takeRows(x, [2, 0]);
    expect(rows.shape).toEqual([2, 2]);
    expectClose(rows, [5, 6, 1, 2]);
    rows.dispose();
    await expectNoLeak(() => takeRows(x, [1]).dispose());
    x.dispose();
  });
});
