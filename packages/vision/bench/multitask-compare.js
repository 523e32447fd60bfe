#!/usr/bin/env node
/**
 * The multi-task table in the README: the run of src/multitask/multitask.e2e.spec.ts (which
 * asserts "within 1 point" and prints nothing), both set up by src/multitask/multitask-comparison.ts.
 * One shared network with a digit head and a "> 4" head, a digit-only and a "> 4"-only network,
 * each trained on the first 2,000 training digits for 3 epochs with the same trunk, initialisation
 * seed, optimiser, learning rate and batches, and evaluated on the first 1,000 test digits; prints
 * the table (the time includes loading MNIST).
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/vision/bench/multitask-compare.js   (~15-60 s)
 */
const path = require('path');
const { initBackend } = require('@dlkit/core');
// the spec's run (not part of the public API): built into dist beside the multi-task model
const { MULTI_TASK_COMPARISON, compareMultiTask } = require(
  path.join(__dirname, '..', 'dist', 'multitask', 'multitask-comparison.js'),
);

async function main() {
  await initBackend();
  const { train: TRAIN, test: TEST, budget: BUDGET } = MULTI_TASK_COMPARISON;
  const t0 = Date.now();
  const { shared, digitOnly, gt4Only } = await compareMultiTask();
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
