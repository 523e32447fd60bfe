#!/usr/bin/env node
/**
 * The multi-task table in the README: the run of src/multitask/multitask.e2e.spec.ts (which
 * asserts "within 1 point" and prints nothing). One shared network with a digit head and a
 * "> 4" head, a digit-only and a "> 4"-only network, each trained on the first 2,000 training
 * digits for 3 epochs with the same trunk, initialisation seed, optimiser, learning rate and
 * batches, and evaluated on the first 1,000 test digits; prints the table.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/vision/bench/multitask-compare.js   (~15-60 s)
 */
const { initBackend } = require('@dlkit/core');
const {
  DIGIT_HEAD,
  GREATER_THAN_4_HEAD,
  digitTaskData,
  evaluateMultiTask,
  mnistSplit,
  multiTaskNet,
  selectDigits,
  trainMultiTask,
} = require('@dlkit/vision');

const TRAIN = 2000;
const TEST = 1000;
const BUDGET = { epochs: 3, batchSize: 64, learningRate: 2e-3, seed: 3 };

async function main() {
  await initBackend();
  const { train, test } = mnistSplit();
  const trainSet = selectDigits(
    train,
    Array.from({ length: TRAIN }, (_, i) => i),
  );
  const testSet = selectDigits(
    test,
    Array.from({ length: TEST }, (_, i) => i),
  );
  const run = async (heads) => {
    const model = multiTaskNet({ heads, seed: 11 });
    await trainMultiTask(model, heads, digitTaskData(trainSet, heads), BUDGET);
    const acc = evaluateMultiTask(model, heads, digitTaskData(testSet, heads));
    model.dispose();
    return acc;
  };
  const t0 = Date.now();
  const shared = await run([DIGIT_HEAD, GREATER_THAN_4_HEAD]);
  const digitOnly = await run([DIGIT_HEAD]);
  const gt4Only = await run([GREATER_THAN_4_HEAD]);
  const pct = (v) => `${(100 * v).toFixed(1)}%`;
  console.log(
    `Multi-task vs single-task, ${TRAIN} training digits, ${TEST} test digits, ${BUDGET.epochs} epochs ` +
      `(${((Date.now() - t0) / 1000).toFixed(0)} s):\n`,
  );
  console.log('| network | digit accuracy | "> 4" accuracy |\n|---|---|---|');
  console.log(`| shared (digit + "> 4" heads) | ${pct(shared.digit)} | ${pct(shared.gt4)} |`);
  console.log(`| digit only | ${pct(digitOnly.digit)} | – |`);
  console.log(`| "> 4" only | – | ${pct(gt4Only.gt4)} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
