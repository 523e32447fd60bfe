#!/usr/bin/env node
/**
 * Does multithreaded tfjs-backend-wasm pay off in Node on this machine? Runs the MNIST CNN train
 * step (batch 64) and a 512x512 matmul in child processes with 1 thread (the stock single-thread
 * build) and with n threads (dlkit's workaround in src/backend/wasm-threads.ts), alternating
 * rounds so that background load hits both alike, and prints the medians.
 *
 * Build first (repo root): npx tsc -b packages/core/tsconfig.lib.json
 * Run:  node packages/core/bench/threads.js [--threads 2] [--rounds 3] [--steps 20]
 */
const path = require('path');
const { execFileSync } = require('child_process');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

async function child(threads, steps) {
  const tf = require('@tensorflow/tfjs');
  const { initBackend } = require(path.join(__dirname, '..', 'dist', 'backend', 'init.js'));
  const { mnistTrainStep, timeSteps } = require('./mnist-cnn');
  const info = await initBackend({ threads });
  const a = tf.randomNormal([512, 512]);
  const matmulMs = await timeSteps(
    async () =>
      tf.tidy(() => {
        tf.matMul(a, a).dataSync();
      }),
    20,
    3,
  );
  const { step } = mnistTrainStep(64);
  const stepMs = await timeSteps(step, steps);
  process.stdout.write(JSON.stringify({ threads: info.threads, matmulMs, stepMs }) + '\n');
}

function median(xs) {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

function parent() {
  const n = opt('threads', 2);
  const rounds = opt('rounds', 3);
  const steps = opt('steps', 20);
  const results = { 1: [], [n]: [] };
  for (let r = 0; r < rounds; r++) {
    for (const t of [1, n]) {
      const out = execFileSync(process.execPath, [__filename, '--child', String(t), '--steps', String(steps)], {
        encoding: 'utf8',
      });
      const res = JSON.parse(out.trim().split('\n').pop());
      results[t].push(res);
      console.log(
        `round ${r + 1}, asked ${t} thread(s): got ${res.threads}, matmul512 ${res.matmulMs.toFixed(2)} ms, train step ${res.stepMs.toFixed(2)} ms (${(64000 / res.stepMs).toFixed(0)} samples/s)`,
      );
    }
  }
  for (const t of [1, n]) {
    const step = median(results[t].map((r) => r.stepMs));
    const mm = median(results[t].map((r) => r.matmulMs));
    console.log(
      `median, ${t} thread(s): train step ${step.toFixed(2)} ms = ${(64000 / step).toFixed(0)} samples/s; matmul512 ${mm.toFixed(2)} ms`,
    );
  }
}

if (args.includes('--child')) {
  child(opt('child', 1), opt('steps', 20)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  parent();
}
