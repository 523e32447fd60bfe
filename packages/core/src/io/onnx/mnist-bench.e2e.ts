/**
 * Benchmark (not part of CI): the MNIST CNN exported to ONNX, batch 256, onnxruntime-node versus
 * tfjs predict on the wasm backend. Run with
 *   npx jest -c packages/core/jest.config.js --testMatch '<rootDir>/src/io/onnx/*.e2e.ts'
 * It also writes the graph as onnxruntime optimized it, and lists its ops.
 *
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { exportToOnnx } from './export';
import { decodeModel } from './proto/decode';
import { loadOnnx } from './session';

const BATCH = 256;
const RUNS = 20;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

it('MNIST CNN batch 256: onnxruntime-node vs tfjs wasm', async () => {
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
  const data = x.dataSync() as Float32Array;
  const optimized = path.join(os.tmpdir(), 'dlkit-mnist-optimized.onnx');
  const session = await loadOnnx(exportToOnnx(model), { optimizedModelFilePath: optimized });
  const ortTimes: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    await session.predict(data, [BATCH, 28, 28, 1]);
    if (i >= 3) ortTimes.push(performance.now() - t0);
  }
  const tfTimes: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    if (i >= 2) tfTimes.push(performance.now() - t0);
  }
  await session.dispose();
  x.dispose();
  const ops = decodeModel(fs.readFileSync(optimized)).graph.node.map((n) => n.opType);
  const ortMs = median(ortTimes);
  const tfMs = median(tfTimes);
  process.stdout.write(
    `MNIST CNN, batch ${BATCH}, ${os.availableParallelism()} threads:\n` +
      `  onnxruntime-node: ${ortMs.toFixed(2)} ms/batch (${((BATCH / ortMs) * 1000).toFixed(0)} samples/s)\n` +
      `  tfjs wasm:        ${tfMs.toFixed(2)} ms/batch (${((BATCH / tfMs) * 1000).toFixed(0)} samples/s)\n` +
      `  optimized graph:  ${ops.join(' ')}\n`,
  );
});
