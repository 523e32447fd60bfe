// Acceptance test of `dlkit dls init` (course 2 week 1, initialization) at its default seed.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { assertDlsResult } from './validate';
import { runInit } from './init';
import type { DlsResult } from './types';

let result: DlsResult;

// Slow (~10-70 s): trains three networks (zeros, large random, He) on the circles for thousands of iterations.
beforeAll(async () => {
  await initBackend();
  const before = tf.memory().numTensors;
  result = await runInit();
  expect(tf.memory().numTensors).toBe(before);
}, 300_000);

describe('dls init', () => {
  it('returns the result contract', () => {
    expect(() => assertDlsResult(result, 'init')).not.toThrow();
    expect(Object.keys(result.results)).toEqual(['zeros', 'random x10', 'he']);
  });

  it('zeros do not break symmetry: one class predicted, ~0.5', () => {
    for (const split of ['train', 'test'] as const) {
      expect(result.results.zeros[split]).toBeGreaterThanOrEqual(0.45);
      expect(result.results.zeros[split]).toBeLessThanOrEqual(0.55);
    }
    expect((result.finalCost as Record<string, number>).zeros).toBeCloseTo(Math.log(2), 3); // never moved from ln 2
  });

  it('He initialisation learns the circles (>= 0.93 test)', () => {
    expect(result.results.he.test).toBeGreaterThanOrEqual(0.93);
  });

  it('large random (x10) is clearly worse than He: at least 5 points lower on test', () => {
    expect(result.results['random x10'].test).toBeLessThanOrEqual(result.results.he.test - 0.05);
  });
});
