#!/usr/bin/env node
/**
 * Inference speed of a small MNIST CNN exported to ONNX, batch 256: onnxruntime-node (core's
 * session) versus tfjs `model.predict` on the wasm backend (medians of 20 and 6 timed runs after
 * warm-up runs), and the ops of the graph as onnxruntime optimized it (the file is written to the
 * system's temp folder). Model: conv2d(32, 3x3, relu) -> maxPool 2 -> conv2d(64, 3x3, relu) ->
 * maxPool 2 -> flatten -> dense(128, relu) -> dense(10, softmax), untrained weights.
 * (`npm run bench` measures samples/s of vision's mnistCnn for the same two runtimes, with
 * training and PyTorch beside them; this script is the quick one, plus the optimized graph.)
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/core/bench/mnist-onnx-infer.js
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { decodeModel, exportToOnnx, initBackend, loadOnnx } = require('@dlkit/core');

const BATCH = 256;
const RUNS = 20;

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  await initBackend();
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  const x = tf.randomUniform([BATCH, 28, 28, 1], 0, 1, 'float32', 1);
  const data = x.dataSync();
  const optimized = path.join(os.tmpdir(), 'dlkit-mnist-optimized.onnx');
  const session = await loadOnnx(exportToOnnx(model), { optimizedModelFilePath: optimized });
  const ortTimes = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    await session.predict(data, [BATCH, 28, 28, 1]);
    if (i >= 3) ortTimes.push(performance.now() - t0);
  }
  const tfTimes = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const y = model.predict(x);
    y.dataSync();
    y.dispose();
    if (i >= 2) tfTimes.push(performance.now() - t0);
  }
  await session.dispose();
  x.dispose();
  model.dispose();
  const ops = decodeModel(fs.readFileSync(optimized)).graph.node.map((n) => n.opType);
  const ortMs = median(ortTimes);
  const tfMs = median(tfTimes);
  console.log(
    `MNIST CNN, batch ${BATCH}, ${os.availableParallelism()} threads:\n` +
      `  onnxruntime-node: ${ortMs.toFixed(2)} ms/batch (${((BATCH / ortMs) * 1000).toFixed(0)} samples/s)\n` +
      `  tfjs ${tf.getBackend()}:        ${tfMs.toFixed(2)} ms/batch (${((BATCH / tfMs) * 1000).toFixed(0)} samples/s)\n` +
      `  optimized graph:  ${ops.join(' ')}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
