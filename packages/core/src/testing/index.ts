/**
 * Test helpers shared by every package's specs: `import { expectClose, expectNoLeak } from '@dlkit/core/testing'`.
 */
import * as tf from '@tensorflow/tfjs';

/** Largest absolute difference between two arrays or tensors of the same size. */
export function maxAbsDiff(a: ArrayLike<number> | tf.Tensor, b: ArrayLike<number> | tf.Tensor): number {
  const x = a instanceof tf.Tensor ? a.dataSync() : a;
  const y = b instanceof tf.Tensor ? b.dataSync() : b;
  if (x.length !== y.length) throw new Error(`size mismatch: ${x.length} vs ${y.length}`);
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(x[i] - y[i]);
    if (Number.isNaN(d)) return Number.POSITIVE_INFINITY;
    if (d > m) m = d;
  }
  return m;
}

/**
 * Asserts that two arrays/tensors agree elementwise within `atol + rtol * |expected|`,
 * with a message naming the first offending index.
 */
export function expectClose(
  actual: ArrayLike<number> | tf.Tensor,
  expected: ArrayLike<number> | tf.Tensor,
  { atol = 1e-5, rtol = 1e-5, label = 'value' }: { atol?: number; rtol?: number; label?: string } = {},
): void {
  if (actual instanceof tf.Tensor && expected instanceof tf.Tensor) {
    if (actual.shape.join(',') !== expected.shape.join(',')) {
      throw new Error(`${label}: shape [${actual.shape}] differs from expected [${expected.shape}]`);
    }
  }
  const x = actual instanceof tf.Tensor ? actual.dataSync() : actual;
  const y = expected instanceof tf.Tensor ? expected.dataSync() : expected;
  if (x.length !== y.length) throw new Error(`${label}: size ${x.length} differs from expected ${y.length}`);
  for (let i = 0; i < x.length; i++) {
    const tol = atol + rtol * Math.abs(y[i]);
    if (!(Math.abs(x[i] - y[i]) <= tol)) {
      throw new Error(
        `${label}[${i}] = ${x[i]}, expected ${y[i]} (tolerance ${tol.toExponential(2)}, max diff ${maxAbsDiff(x, y).toExponential(2)})`,
      );
    }
  }
}

/**
 * Runs `fn` once to warm up (kernels may allocate lasting state on first use), then `times` more,
 * and asserts that `tf.memory().numTensors` did not grow across the repeated runs.
 */
export async function expectNoLeak(fn: () => unknown | Promise<unknown>, times = 3): Promise<void> {
  await fn();
  const before = tf.memory().numTensors;
  for (let i = 0; i < times; i++) await fn();
  const after = tf.memory().numTensors;
  if (after !== before) {
    throw new Error(`tensor leak: ${after - before} tensors left after ${times} runs (${before} -> ${after})`);
  }
}
export { checkReadmeExamples, readmeExamples } from './readme-examples';
export type { ReadmeExample } from './readme-examples';
export { checkReadmeApiTable, moduleExportNames, readmeApiNames } from './readme-api';
