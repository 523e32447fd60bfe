#!/usr/bin/env node
/**
 * CTC loss + gradient speed: dlkit's ctcLoss (float64 forward-backward in JavaScript inside a
 * tf.customGrad, on the default wasm backend) versus PyTorch's F.ctc_loss on the CPU (float32,
 * through scripts/ctc-fixtures.py --bench), on a batch of B = 8 sequences of T = 200 frames,
 * V = 30 tokens and L = 40 labels: the mean of 20 timed steps after 3 warm-up steps.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/sequence/bench/ctc-loss.js [B T V L]
 */
const path = require('path');
const { execFileSync } = require('child_process');
const tf = require('@tensorflow/tfjs');
const { initBackend } = require('@dlkit/core');
const { ctcLoss } = require('@dlkit/sequence');

async function main() {
  const [B, T, V, L] = process.argv.length > 5 ? process.argv.slice(2, 6).map(Number) : [8, 200, 30, 40];
  await initBackend();
  const logits = tf.randomNormal([B, T, V], 0, 1, 'float32', 1);
  const labels = Array.from({ length: B }, (_, b) =>
    Array.from({ length: L }, (_, i) => 1 + ((b * 7 + i * 13) % (V - 1))),
  );
  const f = (x) => ctcLoss(labels, x, Array(B).fill(L), Array(B).fill(T));
  const step = () => tf.dispose(tf.valueAndGrad(f)(logits));
  for (let i = 0; i < 3; i++) step();
  const reps = 20;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) step();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / reps;
  console.log(JSON.stringify({ dlkit: tf.getBackend(), B, T, V, L, msPerStep: Number(ms.toFixed(3)) }));
  const script = path.join(__dirname, '..', 'scripts', 'ctc-fixtures.py');
  try {
    process.stdout.write(execFileSync('/usr/bin/python3', [script, '--bench', B, T, V, L].map(String)));
  } catch (e) {
    console.log(`PyTorch timing unavailable (${e.message.split('\n')[0]})`);
  }
  logits.dispose();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
