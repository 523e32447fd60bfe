/**
 * Multi-task vs single-task on real MNIST digits: one shared network with a 10-way digit head and
 * a "greater than 4" sigmoid head reaches each single-task network's test accuracy within 1 point.
 * Fair budget: same trunk, initialisation seed, optimiser, learning rate, epochs, batches and
 * examples for all three networks.
 */
import { initBackend } from '@dlkit/core';
import { mnistSplit, selectDigits } from '../datasets/mnist';
import { DIGIT_HEAD, GREATER_THAN_4_HEAD, multiTaskNet, TaskHead } from './model';
import { digitTaskData, evaluateMultiTask, trainMultiTask } from './train';

beforeAll(() => initBackend());

const TRAIN = 2000;
const TEST = 1000;
const BUDGET = { epochs: 3, batchSize: 64, learningRate: 2e-3, seed: 3 };

describe('multi-task learning on MNIST', () => {
  // Slow (~15-30 s): three MNIST networks trained for 3 epochs on 2,000 digits each.
  it('the shared network matches each single-task network within 1 point', async () => {
    const { train, test } = mnistSplit();
    const trainSet = selectDigits(
      train,
      Array.from({ length: TRAIN }, (_, i) => i),
    );
    const testSet = selectDigits(
      test,
      Array.from({ length: TEST }, (_, i) => i),
    );
    const run = async (heads: TaskHead[]): Promise<Record<string, number>> => {
      const model = multiTaskNet({ heads, seed: 11 });
      await trainMultiTask(model, heads, digitTaskData(trainSet, heads), BUDGET);
      const acc = evaluateMultiTask(model, heads, digitTaskData(testSet, heads));
      model.dispose();
      return acc;
    };
    const shared = await run([DIGIT_HEAD, GREATER_THAN_4_HEAD]);
    const digitOnly = await run([DIGIT_HEAD]);
    const gt4Only = await run([GREATER_THAN_4_HEAD]);
    expect(shared.digit).toBeGreaterThanOrEqual(digitOnly.digit - 0.01);
    expect(shared.gt4).toBeGreaterThanOrEqual(gt4Only.gt4 - 0.01);
    // Both tasks are really learned (not a trivial tie at chance).
    expect(digitOnly.digit).toBeGreaterThan(0.9);
    expect(gt4Only.gt4).toBeGreaterThan(0.9);
  }, 300_000);
});
