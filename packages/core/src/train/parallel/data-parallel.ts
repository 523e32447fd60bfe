/**
 * Data-parallel gradients on one machine: each mini-batch is split by rows between the main
 * thread and `workers - 1` worker threads, each with its own wasm backend and model copy; their
 * gradients are averaged (weighted by rows, which for batch-mean losses is exactly the
 * gradient of the whole batch) and the main thread's optimizer applies them once.
 *
 * Why: tfjs-backend-wasm runs one op at a time on one core (its XNNPACK thread pool measured
 * slower than one thread here), so a second core sits idle. Two model copies each doing half
 * the batch use both: per step the main thread copies the weights (tens of thousands of floats)
 * and the worker's rows into shared memory, and reads the worker's gradients back.
 *
 * Semantics: as multi-GPU data parallelism without synchronised batch norm (PyTorch DDP's
 * default), batch-norm batch statistics are those of each thread's rows, and the moving
 * statistics are the main thread's. Without batch norm the result equals single-threaded
 * training up to float rounding. Needs a named loss and metrics (the worker rebuilds them from
 * the Trainer's tables), a model whose layers `tf.models.modelFromJSON` can rebuild in a fresh
 * thread (built-in layers), and single-tensor x and y.
 *
 * @example
 * const parallel = await DataParallel.start(model, { workers: 2, loss: 'categoricalCrossentropy', metrics: ['accuracy'], x, y });
 * const r = await parallel.gradients(xBatch, yBatch, ownShare); // ownShare computes the main rows
 * parallel.dispose();
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import * as tf from '@tensorflow/tfjs';
import {
  CONTROL_SLOTS,
  DONE,
  ERROR_BYTES,
  REQUEST,
  ROWS,
  STATUS,
  SharedBuffers,
  TensorSpec,
  WorkerInit,
  WorkerMessage,
  readError,
  size,
  typedView,
  weightOffsets,
} from './shared-layout';

export interface DataParallelOptions {
  /** Threads in all, the main thread included (2 on a 2-core machine). */
  workers: number;
  loss: string;
  metrics: string[];
  /** Per-example shapes and dtypes come from these (any batch size). */
  x: tf.Tensor;
  y: tf.Tensor;
  /** Largest batch the trainer will pass. */
  batchSize: number;
}

/** Loss, metrics and gradients of one thread's rows. */
export interface ShareResult {
  rows: number;
  loss: number;
  metrics: number[];
  /** Gradients by variable name (owned by the caller of `gradients`). */
  grads: tf.NamedTensorMap;
}

/**
 * The number of training threads to use when the caller has no opinion: DLKIT_WORKERS from the
 * environment, else 2 where the machine has at least 2 cores (more than 2 copies of a small
 * model gain little: the main thread's optimizer step and the copies are serial), else 1.
 */
export function defaultTrainingWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.DLKIT_WORKERS;
  if (fromEnv !== undefined && fromEnv !== '') {
    const n = Number(fromEnv);
    if (!(Number.isInteger(n) && n >= 1)) throw new Error(`DLKIT_WORKERS must be a positive integer, got '${fromEnv}'`);
    return n;
  }
  return Math.min(2, os.availableParallelism());
}

/** The compiled worker script: beside this file in dist, or in dist when running from source (jest). */
export function gradientWorkerScript(): string {
  const beside = path.join(__dirname, 'gradient-worker.js');
  if (fs.existsSync(beside)) return beside;
  const fromSource = __dirname.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
  const built = path.join(fromSource, 'gradient-worker.js');
  if (fs.existsSync(built)) return built;
  throw new Error(`data-parallel training needs the compiled worker ${beside} (run \`npm run build\`)`);
}

interface Lane {
  worker: Worker;
  control: Int32Array;
  buffers: SharedBuffers;
  exit: Promise<never>;
}

export class DataParallel {
  private seq = 0;
  private readonly offsets: number[];

  private constructor(
    private readonly model: tf.LayersModel,
    private readonly lanes: Lane[],
    private readonly weightSpecs: TensorSpec[],
    private readonly xSpec: TensorSpec,
    private readonly ySpec: TensorSpec,
    private readonly metricCount: number,
  ) {
    this.offsets = weightOffsets(weightSpecs);
  }

  /** Starts `workers - 1` worker threads with a copy of `model` and waits until they are ready. */
  static async start(model: tf.LayersModel, options: DataParallelOptions): Promise<DataParallel> {
    const { workers, batchSize } = options;
    if (!(Number.isInteger(workers) && workers >= 2))
      throw new Error(`data-parallel training needs workers >= 2, got ${workers}`);
    const spec = (t: tf.Tensor): TensorSpec => {
      if (t.dtype !== 'float32' && t.dtype !== 'int32')
        throw new Error(`data-parallel training supports float32 and int32 data, got ${t.dtype}`);
      return { shape: t.shape.slice(1), dtype: t.dtype };
    };
    const weightSpecs: TensorSpec[] = model.weights.map((w) => ({ shape: w.shape as number[], dtype: 'float32' }));
    if (model.weights.some((w) => w.dtype !== 'float32'))
      throw new Error('data-parallel training supports float32 weights only');
    const xSpec = spec(options.x);
    const ySpec = spec(options.y);
    const total = weightOffsets(weightSpecs).at(-1)!;
    const maxRows = Math.ceil(batchSize / workers);
    const script = gradientWorkerScript();
    const modelJson = JSON.stringify(model.toJSON(null, false));
    const lanes: Lane[] = [];
    try {
      for (let k = 1; k < workers; k++) {
        const buffers: SharedBuffers = {
          control: new SharedArrayBuffer(4 * CONTROL_SLOTS),
          weights: new SharedArrayBuffer(4 * total),
          trainable: new SharedArrayBuffer(4 * weightSpecs.length),
          grads: new SharedArrayBuffer(4 * total),
          x: new SharedArrayBuffer(4 * maxRows * size(xSpec.shape)),
          y: new SharedArrayBuffer(4 * maxRows * size(ySpec.shape)),
          results: new SharedArrayBuffer(8 * (1 + options.metrics.length)),
          error: new SharedArrayBuffer(ERROR_BYTES),
        };
        const init: WorkerInit = {
          modelJson,
          loss: options.loss,
          metrics: options.metrics,
          weights: weightSpecs,
          x: xSpec,
          y: ySpec,
          maxRows,
          buffers,
        };
        // Not unref'd: a pending Atomics.waitAsync does not keep Node's event loop alive, so an
        // unref'd worker that died would let the process exit silently mid-training. dispose()
        // (the Trainer calls it when fit ends, however it ends) terminates the workers.
        const worker = new Worker(script, { workerData: init });
        const ready = new Promise<void>((resolve, reject) => {
          worker.on('message', (m: WorkerMessage) => {
            if (m.type === 'ready') resolve();
            else reject(new Error(`data-parallel worker ${k} could not start: ${m.message}`));
          });
          worker.once('error', reject);
        });
        const exit = new Promise<never>((_, reject) => {
          worker.once('exit', (code) => reject(new Error(`data-parallel worker ${k} exited (code ${code})`)));
          worker.once('error', (err) => reject(new Error(`data-parallel worker ${k} failed: ${err.message}`)));
        });
        exit.catch(() => undefined); // observed in gradients()
        lanes.push({ worker, control: new Int32Array(buffers.control), buffers, exit });
        await ready;
      }
    } catch (err) {
      for (const lane of lanes) void lane.worker.terminate();
      throw err;
    }
    return new DataParallel(model, lanes, weightSpecs, xSpec, ySpec, options.metrics.length);
  }

  get workers(): number {
    return this.lanes.length + 1;
  }

  /**
   * Loss, metrics and gradients of the whole batch x [b, ...], y [b, ...]: the main thread's
   * share (the first rows) comes from `ownShare`, run while the workers compute theirs.
   * Returns row-weighted means; the gradient tensors are new and owned by the caller.
   */
  async gradients(
    x: tf.Tensor,
    y: tf.Tensor,
    variables: tf.Variable[],
    ownShare: (x: tf.Tensor, y: tf.Tensor) => Omit<ShareResult, 'rows'>,
  ): Promise<{ loss: number; metrics: number[]; grads: tf.NamedTensorMap }> {
    const b = x.shape[0];
    const per = Math.ceil(b / this.workers);
    const shares = this.lanes.map((_, k) => {
      const start = Math.min(b, per * (k + 1));
      return { start, rows: Math.min(b, start + per) - start };
    });
    const ownRows = Math.min(b, per);
    const seq = ++this.seq;
    const names = new Set(variables.map((v) => v.name));
    const trainableMask = this.model.weights.map((w) => (names.has((w.read() as tf.Variable).name) ? 1 : 0));
    const weightData = this.model.weights.map((w) => w.read().dataSync() as Float32Array);
    const xData = x.dataSync() as Float32Array | Int32Array;
    const yData = y.dataSync() as Float32Array | Int32Array;
    const xRow = size(this.xSpec.shape);
    const yRow = size(this.ySpec.shape);
    this.lanes.forEach((lane, k) => {
      const { start, rows } = shares[k];
      if (rows === 0) return;
      const weights = new Float32Array(lane.buffers.weights);
      weightData.forEach((d, i) => weights.set(d, this.offsets[i]));
      new Int32Array(lane.buffers.trainable).set(trainableMask);
      typedView(lane.buffers.x, this.xSpec.dtype).set(xData.subarray(start * xRow, (start + rows) * xRow));
      typedView(lane.buffers.y, this.ySpec.dtype).set(yData.subarray(start * yRow, (start + rows) * yRow));
      Atomics.store(lane.control, ROWS, rows);
      Atomics.store(lane.control, REQUEST, seq);
      Atomics.notify(lane.control, REQUEST);
    });

    const own = tf.tidy(() => ownShare(x.slice(0, ownRows), y.slice(0, ownRows)));
    let loss = own.loss * ownRows;
    const metrics = own.metrics.map((m) => m * ownRows);
    const sums: tf.NamedTensorMap = {};
    for (const v of variables) sums[v.name] = tf.mul(own.grads[v.name], ownRows);
    tf.dispose(Object.values(own.grads));
    try {
      for (let k = 0; k < this.lanes.length; k++) {
        const lane = this.lanes[k];
        const { rows } = shares[k];
        if (rows === 0) continue;
        await waitFor(lane.control, seq, lane.exit);
        if (Atomics.load(lane.control, STATUS) !== 0)
          throw new Error(`data-parallel worker ${k + 1} failed: ${readError(lane.buffers.error)}`);
        const results = new Float64Array(lane.buffers.results);
        loss += results[0] * rows;
        for (let m = 0; m < this.metricCount; m++) metrics[m] += results[m + 1] * rows;
        const grads = new Float32Array(lane.buffers.grads);
        this.model.weights.forEach((w, i) => {
          const name = (w.read() as tf.Variable).name;
          if (trainableMask[i] !== 1) return;
          const next = tf.tidy(() =>
            tf.add(
              sums[name],
              tf.mul(
                tf.tensor(grads.slice(this.offsets[i], this.offsets[i + 1]), this.weightSpecs[i].shape, 'float32'),
                rows,
              ),
            ),
          );
          sums[name].dispose();
          sums[name] = next;
        });
      }
    } catch (err) {
      tf.dispose(Object.values(sums));
      throw err;
    }
    const grads: tf.NamedTensorMap = {};
    for (const [name, s] of Object.entries(sums)) {
      grads[name] = tf.div(s, b);
      s.dispose();
    }
    return { loss: loss / b, metrics: metrics.map((m) => m / b), grads };
  }

  /** Stops the worker threads. */
  async dispose(): Promise<void> {
    for (const lane of this.lanes) {
      Atomics.store(lane.control, REQUEST, -1);
      Atomics.notify(lane.control, REQUEST);
    }
    await Promise.all(this.lanes.map((lane) => lane.worker.terminate()));
  }
}

/**
 * Resolves once the worker has finished step `seq`. The main thread has nothing else to do
 * meanwhile, so it blocks in Atomics.wait, in slices of WAIT_SLICE_MS: Atomics.waitAsync's
 * wake-up goes through the event loop and arrived 2-4 ms after the worker finished (of a ~30 ms
 * step, measured with timestamps written by both threads), a plain wait wakes in microseconds.
 * Between slices it yields to the event loop, so that a worker that died (`exit`) is noticed.
 */
async function waitFor(control: Int32Array, seq: number, exit: Promise<never>): Promise<void> {
  for (;;) {
    const done = Atomics.load(control, DONE);
    if (done >= seq) return;
    if (Atomics.wait(control, DONE, done, WAIT_SLICE_MS) === 'timed-out') {
      await Promise.race([new Promise<void>((resolve) => setImmediate(resolve)), exit]);
    }
  }
}

const WAIT_SLICE_MS = 50;
