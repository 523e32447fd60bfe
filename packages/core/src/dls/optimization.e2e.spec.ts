// Acceptance test of `dlkit dls optimization` (course 2 week 2) at its default seed.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { assertDlsResult } from './validate';
import { CATCH_UP_POINTS, runOptimization } from './optimization';
import type { DlsResult } from './types';

let result: DlsResult;

// Slow (~10-70 s): trains with GD, momentum, Adam and a decaying rate.
beforeAll(async () => {
  await initBackend();
  const before = tf.memory().numTensors;
  result = await runOptimization();
  expect(tf.memory().numTensors).toBe(before);
}, 300_000);

describe('dls optimization', () => {
  it('returns the result contract', () => {
    expect(() => assertDlsResult(result, 'optimization')).not.toThrow();
    expect(Object.keys(result.results)).toEqual(['gd', 'momentum', 'adam', 'gdLrDecay']);
  });

  it('Adam reaches >= 0.93 and is ahead of mini-batch GD at equal epochs', () => {
    expect(result.results.adam.train).toBeGreaterThanOrEqual(0.93);
    expect(result.results.adam.test).toBeGreaterThanOrEqual(0.93);
    expect(result.results.adam.test).toBeGreaterThan(result.results.gd.test + 0.03);
    expect(result.results.adam.train).toBeGreaterThan(result.results.gd.train + 0.03);
  });

  it(`GD with learning-rate decay catches up: within ${CATCH_UP_POINTS} points of Adam on test`, () => {
    expect(result.results.gdLrDecay.test).toBeGreaterThanOrEqual(result.results.adam.test - CATCH_UP_POINTS / 100);
    expect(result.results.gdLrDecay.test).toBeGreaterThan(result.results.gd.test);
  });
});
