/**
 * Gradient checks of the attention: tfjs's gradients on the project's default backend (float32)
 * against central differences of a float64 reference implementation, whose forward pass is
 * checked against tfjs first (__fixtures__/gradient-checks.ts; numbers: bench/transformer-report.js).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { GradientCheck, mhaGradientCheck, sdpaGradientCheck } from './__fixtures__/gradient-checks';
import { causalMask, paddingMask, scaledDotProductAttention } from './attention';

/** float32 analytic gradients against float64 numeric ones: measured ≤ 2e-7, bound with margin. */
const GRAD_TOLERANCE = 1e-5;

beforeAll(() => initBackend());

function expectPasses(check: GradientCheck): void {
  expect(check.forwardError).toBeLessThan(1e-5);
  expect(check.rows.filter((r) => !(r.value < GRAD_TOLERANCE))).toEqual([]);
}

it('scaledDotProductAttention has the gradients of the float64 reference with respect to q, k and v', async () => {
  const check = sdpaGradientCheck();
  expect(check.rows.map((r) => r.name)).toEqual(['q', 'k', 'v']);
  expectPasses(check);
  await expectNoLeak(sdpaGradientCheck, 1);
});

it('MultiHeadAttention (causal, padded) has the gradients of the reference for its input and all eight weights', async () => {
  const check = mhaGradientCheck();
  expect(check.rows).toHaveLength(9);
  expectPasses(check);
  await expectNoLeak(mhaGradientCheck, 1);
});

it('masks: padded keys and future positions get weight exactly 0', () => {
  tf.tidy(() => {
    const x = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 1);
    const pad = paddingMask(
      tf.tensor2d([
        [1, 1, 1],
        [1, 1, 0],
      ]),
    );
    const padded = scaledDotProductAttention(x, x, x, pad).weights; // [2, 3, 3]
    expect(Array.from(padded.slice([1, 0, 2], [1, 3, 1]).dataSync())).toEqual([0, 0, 0]);
    const causal = scaledDotProductAttention(x, x, x, causalMask(3)).weights;
    const zeros = Array.from(causal.slice([0, 0, 0], [1, 3, 3]).dataSync()).map((w) => (w === 0 ? 0 : 1));
    expect(zeros).toEqual([1, 0, 0, 1, 1, 0, 1, 1, 1]);
  });
});
