#!/usr/bin/env node
/**
 * The per-seed numbers quoted for the fast transfer spec in the README: the small-budget MNIST
 * 0-4 -> 5-9 transfer evaluation of src/transfer/transfer.e2e.spec.ts (backbone on 1,500 digits
 * 0-4 x 4 turns for 2 epochs, 20 images per class 5-9, 500 test digits), which asserts its bounds
 * and prints nothing. Prints head-only, fine-tuned and scratch test accuracy per seed, and the
 * transfer gain (fine-tuned - scratch). About 40 s per seed on an idle machine.
 * (The full evaluation is eval:transfer.)
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/vision/bench/transfer-small.js [--seeds 1,2,3]
 */
const { initBackend } = require('@dlkit/core');
const { mnistTransferEval } = require('@dlkit/vision');

const args = process.argv.slice(2);
const at = args.indexOf('--seeds');
const seeds = (at >= 0 ? args[at + 1] : '1,2,3').split(',').map(Number);

async function main() {
  await initBackend();
  const pct = (v) => (100 * v).toFixed(1);
  console.log(
    '| seed | head only | fine-tuned | scratch | fine-tuned - scratch (points) | seconds |\n|---|---|---|---|---|---|',
  );
  for (const seed of seeds) {
    const t0 = Date.now();
    // the spec's options, with the seed varied
    const r = await mnistTransferEval({
      seed,
      backboneSamples: 1500,
      backboneEpochs: 2,
      fineTuneEpochs: 20,
      scratchEpochs: 30,
      patience: 10,
      testPerClass: 100,
    });
    console.log(
      `| ${seed} | ${pct(r.headOnlyAccuracy)}% | ${pct(r.transferAccuracy)}% | ${pct(r.scratchAccuracy)}% | ` +
        `${(100 * (r.transferAccuracy - r.scratchAccuracy)).toFixed(1)} | ${((Date.now() - t0) / 1000).toFixed(0)} |`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
