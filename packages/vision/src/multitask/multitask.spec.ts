/**
 * Multi-task vs single-task on real MNIST digits: one shared network with a 10-way digit head and
 * a "greater than 4" sigmoid head reaches each single-task network's test accuracy within 1 point.
 * Fair budget: same trunk, initialisation seed, optimiser, learning rate, epochs, batches and
 * examples for all three networks. Also: partially labelled training (30% of the labels of each
 * head missing) trains without NaN, and the training loop leaks no tensors.
 */
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { mnistSplit, selectDigits } from '../datasets/mnist';
import { DIGIT_HEAD, GREATER_THAN_4_HEAD, multiTaskNet, TaskHead } from './model';
import { digitTaskData, evaluateMultiTask, trainMultiTask } from './train';

beforeAll(() => initBackend());

const TRAIN = 2000;
const TEST = 1000;
const BUDGET = { epochs: 3, batchSize: 64, learningRate: 2e-3, seed: 3 };

describe('multi-task learning on MNIST', () => {
  it('the shared network matches each single-task network within 1 point', async () => {
    const { train, test } = mnistSplit();
    const trainSet = selectDigits(train, Array.from({ length: TRAIN }, (_, i) => i));
    const testSet = selectDigits(test, Array.from({ length: TEST }, (_, i) => i));
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
    process.stdout.write(`multi-task: shared ${JSON.stringify(shared)}, digit only ${digitOnly.digit}, gt4 only ${gt4Only.gt4}\n`);
    expect(shared.digit).toBeGreaterThanOrEqual(digitOnly.digit - 0.01);
    expect(shared.gt4).toBeGreaterThanOrEqual(gt4Only.gt4 - 0.01);
    // Both tasks are really learned (not a trivial tie at chance).
    expect(digitOnly.digit).toBeGreaterThan(0.9);
    expect(gt4Only.gt4).toBeGreaterThan(0.9);
  });

  it('trains with 30% of each head\'s labels missing, without NaN or leaks', async () => {
    const { train } = mnistSplit();
    const small = selectDigits(train, Array.from({ length: 128 }, (_, i) => i));
    const heads = [DIGIT_HEAD, { ...GREATER_THAN_4_HEAD, weight: 0.5 }];
    const data = digitTaskData(small, heads, { missingFraction: 0.3, seed: 5 });
    expect(Array.from(data.targets.digit).filter((t) => t < 0).length).toBe(Math.round(0.3 * 128));
    const model = multiTaskNet({ heads, seed: 2 });
    const history = await trainMultiTask(model, heads, data, { epochs: 2, batchSize: 32, seed: 1 });
    history.forEach((h) => expect(Number.isFinite(h.loss)).toBe(true));
    await expectNoLeak(() => trainMultiTask(model, heads, data, { epochs: 1, batchSize: 64, seed: 2 }), 2);
    await expectNoLeak(() => {
      evaluateMultiTask(model, heads, data);
    }, 2);
    model.dispose();
  });

  it('names what is wrong with mismatched data', async () => {
    const model = multiTaskNet({ heads: [DIGIT_HEAD], seed: 1 });
    const data = { images: new Float32Array(784 * 2), imageShape: [28, 28, 1], count: 2, targets: { digits: new Float32Array(2) } };
    await expect(trainMultiTask(model, [DIGIT_HEAD], data)).rejects.toThrow("no targets for head 'digit' (have: digits)");
    model.dispose();
    expect(() => multiTaskNet({ heads: [DIGIT_HEAD, DIGIT_HEAD] })).toThrow('head names must be distinct');
  });
});
