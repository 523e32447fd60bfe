#!/usr/bin/env node
/**
 * The parity table in docs/onnx-recurrent.md: the cases of src/io/onnx/ops/recurrent.spec.ts
 * (one list for both, src/io/onnx/ops/recurrent-parity-cases.ts: same models, seeded weights
 * and inputs), each exported to ONNX, run in onnxruntime-node (1 thread) and compared with tfjs `model.predict`; prints max |onnx - tfjs| per case as the
 * doc's markdown table, then the largest. Exits 1 if a case exceeds the spec's bound 1e-4.
 * (The spec asserts the bound; this script only reports the numbers.)
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/core/bench/onnx-recurrent-parity.js
 */
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { initBackend, onnxParity } = require('@dlkit/core');
// the spec's cases (not part of the public API): built into dist beside the exporters
const { RECURRENT_PARITY_CASES, caseSeed, seedWeights } = require(
  path.join(__dirname, '..', 'dist', 'io', 'onnx', 'ops', 'recurrent-parity-cases.js'),
);

const TOLERANCE = 1e-4;

async function main() {
  await initBackend();
  /** doc row -> [spec label, max abs diff][] (cases that share a doc row are joined with ' / ', the 11 consumers as a range) */
  const rows = new Map();
  for (const c of RECURRENT_PARITY_CASES) {
    const model = c.model();
    const xs = c.inputs();
    seedWeights(model, caseSeed(c));
    const { maxAbsDiff } = await onnxParity(model, xs, { batchSize: c.batchSize });
    if (!rows.has(c.docRow)) rows.set(c.docRow, []);
    rows.get(c.docRow).push([c.label, maxAbsDiff]);
    tf.dispose(xs);
    model.dispose();
  }

  const fmt = (v) => v.toExponential(2);
  const all = [...rows.values()].flat();
  console.log(`ONNX recurrent export, max |onnx - tfjs| per case (${all.length} cases, ${tf.getBackend()} backend):\n`);
  for (const [label, diff] of all) console.log(`  ${label.padEnd(60)} ${fmt(diff)}`);
  console.log('\n| case | max abs diff |\n| --- | --- |');
  for (const [row, entries] of rows) {
    const values = entries.map(([, d]) => d);
    const cell =
      entries.length > 4
        ? `${Math.min(...values).toExponential(1)} to ${Math.max(...values).toExponential(1)}`
        : values.map(fmt).join(' / ');
    console.log(`| ${row} | ${cell} |`);
  }
  const worst = Math.max(...all.map(([, d]) => d));
  console.log(`\nLargest: ${fmt(worst)} (bound ${TOLERANCE}, ${(TOLERANCE / worst).toFixed(0)}x inside)`);
  if (worst > TOLERANCE) process.exit(1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
