#!/usr/bin/env node
/**
 * The gradient-check numbers in docs/cells.md: for every recurrent cell (SimpleRNN, LSTM, GRU),
 * gradient checking over seeds 10, 20, ..., 100 in both model shapes (many-to-many with a softmax
 * at every step, many-to-one with MSE on a<T>); prints each relative difference and the range per
 * cell, and exits 1 if any check fails.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json   (or npm run build)
 * Run:  node packages/sequence/bench/gradcheck-sweep.js
 */
const path = require('path');
const { initBackend } = require('@dlkit/core');
const { RECURRENT_CELLS } = require('@dlkit/sequence');
// Not on the package's public surface (@dlkit/sequence exports only runRecurrentGradcheck): from the build.
const { manyToManyCheck, manyToOneCheck } = require(path.join(__dirname, '..', 'dist', 'cells', 'check-report.js'));

async function main() {
  await initBackend();
  let failed = 0;
  for (const [label, Cell] of RECURRENT_CELLS) {
    const results = [];
    for (let seed = 1; seed <= 10; seed++)
      results.push(manyToManyCheck(Cell, seed * 10), manyToOneCheck(Cell, seed * 10));
    const values = results.map((r) => r.relativeDifference);
    failed += results.filter((r) => !r.passed).length;
    console.log(values.map((v) => v.toExponential(1)).join(' '));
    console.log(
      `${label}: ${values.length} checks, relative difference ${Math.min(...values).toExponential(2)} to ${Math.max(...values).toExponential(2)}`,
    );
  }
  if (failed > 0) {
    console.error(`${failed} gradient checks failed`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
