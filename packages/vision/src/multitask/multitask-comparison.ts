/**
 * The multi-task comparison, one setup for `multitask.e2e.spec.ts` (which asserts "within 1 point")
 * and `bench/multitask-compare.js` (which prints the README's table): one shared network with a
 * 10-way digit head and a "greater than 4" sigmoid head, a digit-only and a "> 4"-only network.
 * Fair budget: same trunk, initialisation seed, optimiser, learning rate, epochs, batches and
 * examples for all three networks; trained on the first training digits, evaluated on the first test digits.
 *
 * @example
 * const { shared, digitOnly, gt4Only } = await compareMultiTask(); // test accuracies per head
 */
import { mnistSplit, selectDigits } from '../datasets/mnist';
import { DIGIT_HEAD, GREATER_THAN_4_HEAD, multiTaskNet, TaskHead } from './model';
import { digitTaskData, evaluateMultiTask, trainMultiTask } from './train';

export const MULTI_TASK_COMPARISON = {
  /** The first `train` training digits and the first `test` test digits. */
  train: 2000,
  test: 1000,
  budget: { epochs: 3, batchSize: 64, learningRate: 2e-3, seed: 3 },
  /** Initialisation seed of every network. */
  modelSeed: 11,
} as const;

/** Test accuracy per head (`digit`, `gt4`) of each network. */
export interface MultiTaskComparison {
  shared: Record<string, number>;
  digitOnly: Record<string, number>;
  gt4Only: Record<string, number>;
}

/** Trains and evaluates the three networks, one after the other. */
export async function compareMultiTask(): Promise<MultiTaskComparison> {
  const { train: trainCount, test: testCount, budget, modelSeed } = MULTI_TASK_COMPARISON;
  const { train, test } = mnistSplit();
  const trainSet = selectDigits(
    train,
    Array.from({ length: trainCount }, (_, i) => i),
  );
  const testSet = selectDigits(
    test,
    Array.from({ length: testCount }, (_, i) => i),
  );
  const run = async (heads: TaskHead[]): Promise<Record<string, number>> => {
    const model = multiTaskNet({ heads, seed: modelSeed });
    await trainMultiTask(model, heads, digitTaskData(trainSet, heads), budget);
    const acc = evaluateMultiTask(model, heads, digitTaskData(testSet, heads));
    model.dispose();
    return acc;
  };
  const shared = await run([DIGIT_HEAD, GREATER_THAN_4_HEAD]);
  const digitOnly = await run([DIGIT_HEAD]);
  const gt4Only = await run([GREATER_THAN_4_HEAD]);
  return { shared, digitOnly, gt4Only };
}
