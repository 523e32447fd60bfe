#!/usr/bin/env node
/**
 * The Emojify numbers in the nlp README: trains the default skip-gram vectors, chooses V1 (average)
 * and V2 (LSTM) settings on a validation split carved from the shipped data/emojify.tsv training
 * split, scores the chosen ones once on the held-out test split, writes the confusion-matrix PNGs
 * and prints one JSON object. A few minutes on 2 cores.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/nlp/bench/emojify-report.js [OUT_DIR]   (default ./dlkit-out/emojify)
 */
const path = require('path');
const { initBackend } = require('@dlkit/core');
const { emojifyReport } = require('@dlkit/nlp');

async function main() {
  await initBackend();
  const outDir = path.resolve(process.argv[2] ?? path.join('dlkit-out', 'emojify'));
  const r = await emojifyReport({ outDir });
  const round = (x) => Math.round(x * 1e4) / 1e4;
  console.log(
    JSON.stringify({
      task: 'emojify',
      trainSentences: r.trainSize,
      testSentences: r.testSize,
      validationSentences: r.validationSize,
      vocabulary: r.vocabularySize,
      validation: r.validation,
      chosen: r.chosen,
      accuracy: { average: round(r.average.accuracy), lstm: round(r.lstm.accuracy) },
      confusion: r.confusionPngs,
    }),
  );
}

main().catch((err) => {
  console.error(`emojify-report: ${err.message}`);
  process.exit(1);
});
