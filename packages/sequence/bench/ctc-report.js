#!/usr/bin/env node
/**
 * The CTC loss's accuracy numbers in the README (the specs assert the bounds and print nothing):
 * relative difference from brute-force enumeration of every alignment (tiny T and V, float64), the
 * gradient's relative difference from central differences, and the largest differences from
 * PyTorch's F.ctc_loss and its gradient over the fixtures of scripts/ctc-fixtures.py.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/sequence/bench/ctc-report.js
 */
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { initBackend } = require('@dlkit/core');
const { ctcForwardBackward, ctcLoss } = require('@dlkit/sequence');

function seeded(n, seed) {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2 ** 31), (s / 2 ** 31) * 6 - 3));
}

function bruteForceNll(logits, T, V, labels, blank) {
  let total = 0;
  for (let code = 0; code < V ** T; code++) {
    const p = [];
    for (let t = 0, c = code; t < T; t++, c = Math.floor(c / V)) p.push(c % V);
    const collapsed = p.filter((k, t) => k !== blank && (t === 0 || k !== p[t - 1]));
    if (collapsed.join() !== labels.join()) continue;
    let lp = 0;
    p.forEach((k, t) => {
      const row = logits.slice(t * V, t * V + V);
      const m = Math.max(...row);
      lp += row[k] - m - Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
    });
    total += Math.exp(lp);
  }
  return -Math.log(total);
}

async function main() {
  await initBackend();
  let brute = 0;
  for (const [T, V, labels, blank] of [
    [5, 3, [1, 2], 0],
    [5, 3, [1, 1], 0],
    [3, 3, [2, 2], 0],
    [4, 3, [], 0],
    [6, 3, [0, 1, 0], 2],
    [7, 4, [3, 1, 3], 0],
  ]) {
    const x = seeded(T * V, T * 31 + V);
    const b = bruteForceNll(x, T, V, labels, blank);
    brute = Math.max(brute, Math.abs(ctcForwardBackward(x, T, V, labels, blank).nll - b) / b);
  }
  let grad = 0;
  for (const [T, V, labels] of [
    [6, 4, [1, 2, 2]],
    [9, 5, [4, 1, 3, 1]],
  ]) {
    const x = seeded(T * V, 99 + T);
    const g = ctcForwardBackward(x, T, V, labels, 0, { withGrad: true }).grad;
    x.forEach((_, i) => {
      const at = (d) =>
        ctcForwardBackward(
          x.map((v, j) => (j === i ? v + d : v)),
          T,
          V,
          labels,
          0,
        ).nll;
      const numeric = (at(1e-6) - at(-1e-6)) / 2e-6;
      grad = Math.max(grad, Math.abs(numeric - g[i]) / Math.max(1e-3, Math.abs(numeric)));
    });
  }
  const file = path.join(__dirname, '..', 'src', 'ctc', '__fixtures__', 'ctc-loss.json');
  const cases = JSON.parse(fs.readFileSync(file, 'utf8'), (_k, v) => (v === 'Infinity' ? Infinity : v));
  let torchLoss = 0;
  let torchGrad = 0;
  for (const c of cases) {
    const x = tf.tensor3d(c.logits, c.shape);
    const o = { blank: c.blank, reduction: c.reduction, zeroInfinity: c.zeroInfinity };
    const f = (y) => tf.sum(ctcLoss(c.labels, y, c.labelLengths, c.logitLengths, o));
    const { value, grad: g } = tf.valueAndGrad(f)(x);
    const loss = ctcLoss(c.labels, x, c.labelLengths, c.logitLengths, o);
    const l = loss.dataSync();
    c.loss.forEach(
      (w, i) => w !== Infinity && (torchLoss = Math.max(torchLoss, Math.abs(l[i] - w) / Math.max(1, Math.abs(w)))),
    );
    if (c.grad) g.dataSync().forEach((v, i) => (torchGrad = Math.max(torchGrad, Math.abs(v - c.grad[i]))));
    tf.dispose([x, value, g, loss]);
  }
  const rows = [
    ['loss vs brute-force enumeration (6 cases, relative)', brute, 1e-6],
    ['gradient vs central differences (2 cases, relative)', grad, 1e-5],
    [`loss vs PyTorch F.ctc_loss (${cases.length} cases, |d| / max(1, |loss|))`, torchLoss, 1e-5],
    ['d loss / d logits vs PyTorch (max abs)', torchGrad, 1e-5],
  ];
  for (const [name, value, bound] of rows) console.log(`${name.padEnd(72)} ${value.toExponential(2)}  bound ${bound}`);
  process.exitCode = rows.every(([, v, b]) => v <= b) ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
