// Acceptance test of `dlkit dls planar` (course 1 week 3) at its default seed.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { assertDlsResult } from './validate';
import { runPlanar } from './planar';
import type { DlsResult } from './types';

let result: DlsResult;

// Slow (~10-70 s): trains logistic regression and a hidden-layer network on the flower, twice for the seed check.
beforeAll(async () => {
  await initBackend();
  const before = tf.memory().numTensors;
  result = await runPlanar();
  expect(tf.memory().numTensors).toBe(before); // every model, optimizer and dataset tensor freed
}, 300_000);

describe('dls planar', () => {
  it('returns the result contract', () => {
    expect(() => assertDlsResult(result, 'planar')).not.toThrow();
    expect(Object.keys(result.results)).toEqual(['logisticRegression', 'hidden4Tanh']);
  });

  it('one hidden tanh layer of 4 units reaches >= 0.88 test accuracy on the flower', () => {
    expect(result.results.hidden4Tanh.test).toBeGreaterThanOrEqual(0.88);
    expect(result.results.hidden4Tanh.train).toBeGreaterThanOrEqual(0.88);
  });

  it('logistic regression stays at chance (<= 0.55): no line separates the petals', () => {
    expect(result.results.logisticRegression.train).toBeLessThanOrEqual(0.55);
    expect(result.results.logisticRegression.test).toBeLessThanOrEqual(0.55);
  });

  it('is deterministic for a seed', async () => {
    expect((await runPlanar({ seed: 1 })).results).toEqual(result.results);
  });
});
