#!/usr/bin/env node
/**
 * The transformer blocks' numbers in the README, from the same cases as the specs (which assert
 * the bounds and print nothing):
 * - max |tfjs − PyTorch| per fixture case and output (torch-parity.spec.ts; fixtures written by
 *   scripts/transformer-fixtures.py, PyTorch in float64 on float32 inputs and weights);
 * - gradient checks of scaledDotProductAttention and MultiHeadAttention against float64 central
 *   differences (attention-gradients.spec.ts);
 * - the toy encoder-decoder exported once to ONNX and run in onnxruntime-node at two shapes
 *   (onnx-exporters.spec.ts).
 * Loads the specs' TypeScript helpers through a transpile-only require hook (as ts-jest does);
 * @dlkit/core comes from its build.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/sequence/bench/transformer-report.js
 * Exits 1 if a number is outside its bound.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

const { initBackend } = require('@dlkit/core');
const fixtures = path.join(__dirname, '..', 'src', 'transformer', '__fixtures__');
const { runTorchCase, torchCases } = require(path.join(fixtures, 'torch-fixture.ts'));
const { mhaGradientCheck, sdpaGradientCheck } = require(path.join(fixtures, 'gradient-checks.ts'));
const { toyOnnxParity } = require(path.join(fixtures, 'toy-transformer.ts'));

const BOUNDS = { torch: 1e-5, gradient: 1e-5, onnx: 1e-4 };
const e = (x) => x.toExponential(2);

async function main() {
  const backend = await initBackend();
  console.log(`backend: ${backend.backend}\n`);
  let failed = false;
  const check = (value, bound) => {
    const ok = value <= bound;
    failed ||= !ok;
    return ok ? '' : `  ABOVE ${bound}`;
  };

  console.log(`max |tfjs − PyTorch| (bound ${BOUNDS.torch})`);
  for (const fixture of ['multi-head-attention', 'encoder-layer', 'decoder-layer']) {
    for (const c of torchCases(fixture)) {
      const errors = runTorchCase(fixture, c);
      const cells = Object.entries(errors).map(([name, err]) => `${name} ${e(err)}${check(err, BOUNDS.torch)}`);
      console.log(`  ${c.name.padEnd(58)} ${cells.join(', ')}`);
    }
  }

  console.log(`\ngradient checks, tfjs float32 vs float64 central differences (bound ${BOUNDS.gradient})`);
  for (const [name, run] of [
    ['scaledDotProductAttention', sdpaGradientCheck],
    ['MultiHeadAttention (causal, padded)', mhaGradientCheck],
  ]) {
    const { forwardError, rows } = run();
    console.log(`  ${name}: forward vs reference ${e(forwardError)}`);
    for (const r of rows)
      console.log(`    ${r.name.padEnd(14)} ${r.measure} ${e(r.value)}${check(r.value, BOUNDS.gradient)}`);
  }

  console.log(`\nONNX (one export, dynamic axes) vs tfjs, max |onnxruntime − tfjs| (bound ${BOUNDS.onnx})`);
  for (const [name, options] of [
    ['post-norm, relu', { preNorm: false, activation: 'relu' }],
    ['pre-norm, gelu', { preNorm: true, activation: 'gelu' }],
  ]) {
    for (const r of await toyOnnxParity(options)) {
      const [b, s, t] = r.shape;
      const bad = r.sameShape ? check(r.maxAbsDiff, BOUNDS.onnx) : '  SHAPE MISMATCH';
      failed ||= !r.sameShape;
      console.log(
        `  ${name.padEnd(16)} batch ${b}, source ${s}, target ${t}: ${r.output.padEnd(10)} ${e(r.maxAbsDiff)}${bad}`,
      );
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
