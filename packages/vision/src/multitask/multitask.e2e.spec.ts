/**
 * Multi-task vs single-task on real MNIST digits: one shared network with a 10-way digit head and
 * a "greater than 4" sigmoid head reaches each single-task network's test accuracy within 1 point.
 * Fair budget: same trunk, initialisation seed, optimiser, learning rate, epochs, batches and
 * examples for all three networks (multitask-comparison.ts, shared with bench/multitask-compare.js).
 */
import { initBackend } from '@dlkit/core';
import { compareMultiTask } from './multitask-comparison';

beforeAll(() => initBackend());

describe('multi-task learning on MNIST', () => {
  // Slow (~15-30 s): three MNIST networks trained for 3 epochs on 2,000 digits each.
  it('the shared network matches each single-task network within 1 point', async () => {
    const { shared, digitOnly, gt4Only } = await compareMultiTask();
    expect(shared.digit).toBeGreaterThanOrEqual(digitOnly.digit - 0.01);
    expect(shared.gt4).toBeGreaterThanOrEqual(gt4Only.gt4 - 0.01);
    // Both tasks are really learned (not a trivial tie at chance).
    expect(digitOnly.digit).toBeGreaterThan(0.9);
    expect(gt4Only.gt4).toBeGreaterThan(0.9);
  }, 300_000);
});
