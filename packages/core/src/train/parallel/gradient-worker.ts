/**
 * A gradient worker of data-parallel training (see dataParallel.ts): a worker thread with its
 * own tfjs wasm backend and its own copy of the model. Per step it copies the main thread's
 * current weights in, computes loss, metrics and gradients of its rows, and writes them out.
 * It never updates weights itself: the main thread's optimizer is the only one.
 */
import { parentPort, workerData } from 'worker_threads';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { resolveLoss } from '../losses';
import { resolveMetrics } from '../metrics';
import {
  CONTROL_SLOTS,
  DONE,
  REQUEST,
  ROWS,
  STATUS,
  WorkerInit,
  WorkerMessage,
  size,
  typedView,
  weightOffsets,
  writeError,
} from './shared-layout';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

async function start(init: WorkerInit): Promise<void> {
  await initBackend({ warn: () => undefined });
  const model = await tf.models.modelFromJSON(
    JSON.parse(init.modelJson) as Parameters<typeof tf.models.modelFromJSON>[0],
  );
  const weights = model.weights;
  if (weights.length !== init.weights.length)
    throw new Error(`the rebuilt model has ${weights.length} weights, the trained one ${init.weights.length}`);
  const loss = resolveLoss(init.loss as Parameters<typeof resolveLoss>[0]);
  const metrics = resolveMetrics(init.metrics as Parameters<typeof resolveMetrics>[0], loss.kind, loss.name);
  const control = new Int32Array(init.buffers.control, 0, CONTROL_SLOTS);
  const weightData = new Float32Array(init.buffers.weights);
  const gradData = new Float32Array(init.buffers.grads);
  const trainable = new Int32Array(init.buffers.trainable);
  const results = new Float64Array(init.buffers.results);
  const offsets = weightOffsets(init.weights);
  const xRow = size(init.x.shape);
  const yRow = size(init.y.shape);
  const variables = weights.map((w) => w.read() as tf.Variable);
  post({ type: 'ready' });

  let seen = 0;
  for (;;) {
    Atomics.wait(control, REQUEST, seen);
    const seq = Atomics.load(control, REQUEST);
    if (seq < 0) return;
    seen = seq;
    try {
      const rows = Atomics.load(control, ROWS);
      tf.tidy(() => {
        variables.forEach((v, i) =>
          v.assign(tf.tensor(weightData.subarray(offsets[i], offsets[i + 1]), init.weights[i].shape, 'float32')),
        );
        const x = tf.tensor(
          typedView(init.buffers.x, init.x.dtype, rows * xRow),
          [rows, ...init.x.shape],
          init.x.dtype,
        );
        const y = tf.tensor(
          typedView(init.buffers.y, init.y.dtype, rows * yRow),
          [rows, ...init.y.shape],
          init.y.dtype,
        );
        const list = variables.filter((_, i) => trainable[i] === 1);
        const metricValues: tf.Scalar[] = [];
        const { value, grads } = tf.variableGrads(() => {
          const pred = model.apply(x, { training: true }) as tf.Tensor;
          for (const m of metrics) metricValues.push(tf.keep(m.fn(y, pred))); // freed by the outer tidy
          let l = loss.fn(y, pred);
          for (const penalty of model.calculateLosses()) l = tf.add(l, penalty);
          return l;
        }, list);
        results[0] = value.dataSync()[0];
        metricValues.forEach((m, k) => (results[k + 1] = m.dataSync()[0]));
        variables.forEach((v, i) => {
          if (trainable[i] === 1) gradData.set(grads[v.name].dataSync() as Float32Array, offsets[i]);
        });
      });
      Atomics.store(control, STATUS, 0);
    } catch (err) {
      Atomics.store(control, STATUS, 1);
      writeError(init.buffers.error, (err as Error).stack ?? (err as Error).message);
    }
    Atomics.store(control, DONE, seq);
    Atomics.notify(control, DONE);
  }
}

start(workerData as WorkerInit).catch((err: Error) => post({ type: 'initError', message: err.message }));
