#!/usr/bin/env node
/**
 * The headline benchmark: one training step of the MNIST CNN on the wasm backend, batch 64.
 *   conv2d(16, 3x3, valid, relu) -> maxPool 2 -> conv2d(32, 3x3, valid, relu) -> maxPool 2
 *   -> flatten -> dense(64, relu) -> dense(10, softmax); Adam, categorical cross-entropy.
 *
 * Build first (from the repo root): npx tsc -b tsconfig.build.json   (or packages/core/tsconfig.lib.json)
 * Run:  node packages/core/bench/conv-step.js [--steps 30] [--batch 64] [--stock-backprop-input] [--no-profile]
 *   --stock-backprop-input  put tfjs-backend-wasm's own Conv2DBackpropInput back (the "before" number)
 *   DLKIT_WASM_THREADS=n    ask initBackend for n threads (see init.ts)
 * Prints samples/s for model.trainOnBatch and a per-kernel exclusive-time profile.
 */
const path = require('path');
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { installKernelProfiler, printProfile } = require('./kernelProfiler');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const flag = (name) => args.includes(`--${name}`);

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  return model;
}

async function main() {
  const steps = opt('steps', 30);
  const batch = opt('batch', 64);
  const stock = tf.getKernel('Conv2DBackpropInput', 'wasm');
  const { initBackend } = require(path.join(__dirname, '..', 'dist', 'backend', 'init.js'));
  const info = await initBackend();
  if (flag('stock-backprop-input')) {
    tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
    tf.registerKernel(stock);
    stock.setupFunc(tf.backend()); // the backend ran setup before we swapped the kernel back
  }
  console.log(`backend ${info.backend}, threads ${info.threads}, simd ${info.simd}, extra kernels: ${info.extraKernels.join(', ')}`);
  tf.setSeed?.(1);
  const model = buildModel();
  const x = tf.randomUniform([batch, 28, 28, 1]);
  const labels = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32'), 10).toFloat();
  const step = () => model.trainOnBatch(x, labels);
  for (let i = 0; i < 5; i++) await step();

  const t0 = process.hrtime.bigint();
  let loss = 0;
  for (let i = 0; i < steps; i++) loss = await step();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / steps;
  console.log(`trainOnBatch: ${ms.toFixed(2)} ms/step, ${((batch * 1000) / ms).toFixed(0)} samples/s (batch ${batch}, ${steps} steps, loss ${Number(loss).toFixed(4)})`);

  if (!flag('no-profile')) {
    const profiler = installKernelProfiler('wasm');
    const profSteps = Math.min(steps, 10);
    const p0 = process.hrtime.bigint();
    profiler.start();
    for (let i = 0; i < profSteps; i++) await step();
    profiler.stop();
    const pms = Number(process.hrtime.bigint() - p0) / 1e6 / profSteps;
    console.log('per-kernel exclusive time (profiled steps):');
    printProfile(profiler.report(profSteps), pms);
    profiler.uninstall();
  }
  console.log(`tensors alive: ${tf.memory().numTensors}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
