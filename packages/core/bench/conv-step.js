#!/usr/bin/env node
/**
 * The headline benchmark: one training step (model.trainOnBatch) of the MNIST CNN on the wasm
 * backend, batch 64, input [64, 28, 28, 1] (model in mnistCnn.js), with a per-kernel profile.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json   (or -b packages/core/tsconfig.lib.json)
 * Run:  node packages/core/bench/conv-step.js [--steps 30] [--batch 64] [--threads 1]
 *                                             [--no-profile] [--by-shape] [--compare-stock [--rounds 5]]
 *   --by-shape       profile rows per kernel and input shapes
 *   --compare-stock  alternate blocks of steps between dlkit's kernels and tfjs-backend-wasm's
 *                    stock Conv2DBackpropInput, BatchMatMul and MaxPoolGrad (the kernels of this
 *                    step that dlkit replaces; Conv2DBackpropFilter has no stock version, and
 *                    the stock MaxPoolGrad is wrong for windows of negatives, which relu inputs
 *                    never are), so that background load hits both alike; prints the medians.
 *
 * Note: tfjs-layers' conv2d with activation 'relu' runs unfused while training (tfjs-core fuses
 * bias + activation into FusedConv2D only outside a gradient tape or for 'linear'), so the
 * profile shows Conv2D + Add + Relu forward and Step (relu') backward.
 */
const path = require('path');
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { installKernelProfiler, printProfile } = require('./kernel-profiler');
const { mnistTrainStep, timeSteps } = require('./mnist-cnn');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const flag = (name) => args.includes(`--${name}`);

async function main() {
  const steps = opt('steps', 30);
  const batch = opt('batch', 64);
  const replaced = ['Conv2DBackpropInput', 'BatchMatMul', 'MaxPoolGrad'];
  const stock = replaced.map((name) => ({ ...tf.getKernel(name, 'wasm') }));
  const { initBackend } = require(path.join(__dirname, '..', 'dist', 'backend', 'init.js'));
  const info = await initBackend({ threads: opt('threads', 1) });
  const ours = replaced.map((name) => ({ ...tf.getKernel(name, 'wasm') }));
  const use = (configs) =>
    configs.forEach((config) => {
      tf.unregisterKernel(config.kernelName, 'wasm');
      tf.registerKernel(config);
      if (config.setupFunc) config.setupFunc(tf.backend()); // the backend ran setups before the swap
    });
  console.log(
    `backend ${info.backend}, threads ${info.threads}, simd ${info.simd}, extra kernels: ${info.extraKernels.join(', ')}`,
  );
  const { step, dispose } = mnistTrainStep(batch);
  if (flag('compare-stock')) {
    const rounds = opt('rounds', 5);
    const times = { stock: [], dlkit: [] };
    for (let r = 0; r < rounds; r++) {
      use(stock);
      times.stock.push(await timeSteps(step, steps, 2));
      use(ours);
      times.dlkit.push(await timeSteps(step, steps, 2));
    }
    const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
    for (const [name, xs] of Object.entries(times)) {
      const ms = median(xs);
      console.log(
        `${name.padEnd(6)} kernels: median ${ms.toFixed(2)} ms/step = ${((batch * 1000) / ms).toFixed(0)} samples/s (blocks: ${xs.map((x) => x.toFixed(1)).join(', ')})`,
      );
    }
  }
  let loss = 0;
  const ms = await timeSteps(async () => (loss = await step()), steps);
  console.log(
    `trainOnBatch: ${ms.toFixed(2)} ms/step, ${((batch * 1000) / ms).toFixed(0)} samples/s (batch ${batch}, ${steps} steps, loss ${Number(loss).toFixed(4)})`,
  );

  if (!flag('no-profile')) {
    const profiler = installKernelProfiler('wasm', { byShape: flag('by-shape') });
    const profSteps = Math.min(steps, 10);
    profiler.start();
    const pms = await timeSteps(step, profSteps, 0);
    profiler.stop();
    console.log('per-kernel exclusive time (profiled steps):');
    printProfile(profiler.report(profSteps), pms);
    profiler.uninstall();
  }
  dispose();
  console.log(`tensors alive after dispose: ${tf.memory().numTensors}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
