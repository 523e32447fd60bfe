// Acceptance test of `dlkit dls regularization` (course 2 week 1) at its default seed.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { assertDlsResult } from './validate';
import { runRegularization } from './regularization';
import type { DlsResult } from './types';

let result: DlsResult;

// Slow (~10-70 s): trains the baseline, L2 and dropout networks.
beforeAll(async () => {
  await initBackend();
  const before = tf.memory().numTensors;
  result = await runRegularization();
  expect(tf.memory().numTensors).toBe(before);
}, 300_000);

describe('dls regularization', () => {
  it('returns the result contract', () => {
    expect(() => assertDlsResult(result, 'regularization')).not.toThrow();
    expect(Object.keys(result.results)).toEqual(['baseline', 'l2', 'dropout']);
  });

  it('the unregularized network overfits: it fits the noisy training set far better than the test set', () => {
    expect(result.results.baseline.train).toBeGreaterThanOrEqual(0.95);
    expect(result.results.baseline.train - result.results.baseline.test).toBeGreaterThanOrEqual(0.1);
  });

  it('L2 improves test accuracy over the baseline', () => {
    expect(result.results.l2.test).toBeGreaterThan(result.results.baseline.test);
  });

  it('dropout improves test accuracy over the baseline', () => {
    expect(result.results.dropout.test).toBeGreaterThan(result.results.baseline.test);
  });

  it('both regularizers shrink the train-test gap', () => {
    const gap = (k: string) => result.results[k].train - result.results[k].test;
    expect(gap('l2')).toBeLessThan(gap('baseline'));
    expect(gap('dropout')).toBeLessThan(gap('baseline'));
  });
});
