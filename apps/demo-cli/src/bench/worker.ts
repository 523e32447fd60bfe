/**
 * One benchmark measurement in its own process (so peak RSS belongs to that implementation
 * alone): `node dist/bench/worker.js <task> <impl> [seconds]` prints one JSON line
 * `{"samplesPerSec": x, "peakRssMb": x, ...}`.
 *
 * Training is timed through dlkit's own Trainer (the same step `dlkit train mnist` runs), on
 * random inputs of MNIST shape (speed does not depend on pixel values), after warm-up batches.
 */
import * as tf from '@tensorflow/tfjs';
import { BackendName, Trainer, defaultTrainingWorkers, exportToOnnx, initBackend, loadOnnx } from '@dlkit/core';
import { mnistCnn } from '@dlkit/vision';
import { benchTimer } from './bench-timer';
import { bertMlmTrainRate } from './bert-mlm-rate';
import { ctcTrainRate } from './ctc-train-rate';

const WARMUP_BATCHES = 3;

async function trainRate(
  backend: BackendName,
  seconds: number,
  workers: number,
): Promise<Record<string, number | string>> {
  const info = await initBackend({ backend, warn: () => undefined });
  const batchSize = 64;
  // The cpu backend takes seconds per batch: a short epoch is enough to time it.
  const batches = backend === 'cpu' ? WARMUP_BATCHES + 3 : 40;
  const x = tf.randomUniform([batchSize * batches, 28, 28, 1], 0, 1, 'float32', 1);
  const y = tf.oneHot(tf.randomUniform([batchSize * batches], 0, 10, 'int32', 2), 10).toFloat();
  const model = mnistCnn({ seed: 1 });
  const timer = benchTimer(WARMUP_BATCHES, seconds);
  const trainer = new Trainer(model, {
    epochs: 1000,
    batchSize,
    seed: 1,
    shuffle: false, // the optimizer is the Trainer's default, Adam, as in bench/mnist_cnn.py
    loss: 'categoricalCrossentropy',
    progress: false,
    workers,
    callbacks: [timer.callback],
  });
  try {
    await trainer.fit({ x, y });
  } finally {
    trainer.dispose();
  }
  return { samplesPerSec: timer.samples / timer.elapsed, backend: info.backend, workers };
}

async function inferRate(impl: 'dlkit' | 'dlkit-onnx', seconds: number): Promise<Record<string, number | string>> {
  await initBackend();
  const batchSize = 256;
  const model = mnistCnn({ seed: 1 });
  const pixels = tf.randomUniform([batchSize, 28, 28, 1], 0, 1, 'float32', 3);
  let step: () => Promise<void>;
  if (impl === 'dlkit') {
    step = async () => {
      const out = tf.tidy(() => model.predict(pixels) as tf.Tensor);
      out.dataSync();
      out.dispose();
    };
  } else {
    const session = await loadOnnx(exportToOnnx(model), { label: 'bench mnist.onnx' });
    const data = pixels.dataSync() as Float32Array;
    step = async () => {
      await session.predict(data, [batchSize, 28, 28, 1]);
    };
  }
  for (let i = 0; i < 3; i++) await step();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    await step();
    n += batchSize;
  }
  return { samplesPerSec: n / ((performance.now() - start) / 1000) };
}

export async function runWorker(task: string, impl: string, seconds: number): Promise<Record<string, number | string>> {
  let result: Record<string, number | string>;
  // 'dlkit' trains as `dlkit train mnist` does (data parallel on 2+ cores); 'dlkit-1thread' on the main thread only.
  if (task === 'mnist-cnn-train' && impl === 'dlkit')
    result = await trainRate('wasm', seconds, defaultTrainingWorkers());
  else if (task === 'mnist-cnn-train' && impl === 'dlkit-1thread') result = await trainRate('wasm', seconds, 1);
  else if (task === 'mnist-cnn-train' && impl === 'tfjs-cpu') result = await trainRate('cpu', seconds, 1);
  else if (task === 'mnist-cnn-infer' && (impl === 'dlkit' || impl === 'dlkit-onnx'))
    result = await inferRate(impl, seconds);
  else if (task === 'bert-mlm-train' && impl === 'dlkit') result = await bertMlmTrainRate(seconds);
  else if (task === 'ctc-train' && impl === 'dlkit') result = await ctcTrainRate(seconds);
  else throw new Error(`unknown benchmark ${task}/${impl}`);
  return { ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

if (require.main === module) {
  const [task, impl, seconds] = process.argv.slice(2);
  runWorker(task, impl, Number(seconds ?? 10)).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (err) => {
      process.stderr.write(`bench worker ${task}/${impl}: ${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
