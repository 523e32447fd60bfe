/**
 * A small multi-head training loop (written when core's Trainer took single-output models only): seeded
 * per-epoch shuffling, batches cut from typed arrays, one `optimizer.minimize` over the weighted
 * sum of the heads' masked losses per step inside `tf.tidy`, batch norm in training mode.
 * total = Σ_k weight_k · maskedLoss_k (each the mean over that head's present labels).
 *
 * @example
 * const data = digitTaskData(train, [DIGIT_HEAD, GREATER_THAN_4_HEAD], { missingFraction: 0.3, seed: 1 });
 * const history = await trainMultiTask(model, [DIGIT_HEAD, GREATER_THAN_4_HEAD], data, { epochs: 5 });
 * const acc = evaluateMultiTask(model, [DIGIT_HEAD, GREATER_THAN_4_HEAD], testData); // { digit, gt4 }
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '@dlkit/core';
import { DigitSet, MNIST_SIZE } from '../datasets/mnist';
import { maskedLoss, MISSING } from './masked-loss';
import { TaskHead } from './model';

/** Images and per-head targets (MISSING = -1 where a sample has no label for that head). */
export interface MultiTaskData {
  /** Row-major images, [count, ...imageShape] flattened. */
  images: Float32Array;
  /** Shape of one image, e.g. [28, 28, 1]. */
  imageShape: number[];
  count: number;
  /** Head name → [count] targets. */
  targets: Record<string, Float32Array>;
}

export interface MultiTaskTrainOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  seed?: number;
  onEpochEnd?: (epoch: number, logs: MultiTaskEpochLogs) => void;
}

export const MULTI_TASK_TRAIN_DEFAULTS = { epochs: 5, batchSize: 64, learningRate: 1e-3, seed: 1 } satisfies Omit<
  Required<MultiTaskTrainOptions>,
  'onEpochEnd'
>;

export interface MultiTaskEpochLogs {
  /** Mean weighted total loss over the epoch's batches. */
  loss: number;
  /** Mean per-head loss over the epoch's batches. */
  heads: Record<string, number>;
}

/** MultiTaskData from digits: each head's label from `fromDigit`, `missingFraction` of each head's labels (seeded) set MISSING. */
export function digitTaskData(
  set: DigitSet,
  heads: TaskHead[],
  options: { missingFraction?: number; seed?: number } = {},
): MultiTaskData {
  const { missingFraction = 0, seed = 1 } = options;
  if (!(missingFraction >= 0 && missingFraction < 1))
    throw new Error(`missingFraction must be in [0, 1), got ${missingFraction}`);
  const rng = new Rng(seed);
  const targets: Record<string, Float32Array> = {};
  for (const h of heads) {
    if (!h.fromDigit) throw new Error(`head '${h.name}' has no fromDigit labelling function`);
    const t = Float32Array.from(set.labels, (d) => h.fromDigit!(d));
    const missing = rng.permutation(set.count).slice(0, Math.round(missingFraction * set.count));
    for (const i of missing) t[i] = MISSING;
    targets[h.name] = t;
  }
  return { images: set.images, imageShape: [MNIST_SIZE, MNIST_SIZE, 1], count: set.count, targets };
}

function checkData(heads: TaskHead[], data: MultiTaskData): void {
  const pixels = data.imageShape.reduce((a, b) => a * b, 1);
  if (data.images.length !== data.count * pixels)
    throw new Error(
      `multi-task data: ${data.images.length} pixel values for ${data.count} images of [${data.imageShape}]`,
    );
  for (const h of heads) {
    const t = data.targets[h.name];
    if (!t)
      throw new Error(
        `multi-task data: no targets for head '${h.name}' (have: ${Object.keys(data.targets).join(', ') || 'none'})`,
      );
    if (t.length !== data.count)
      throw new Error(`multi-task data: head '${h.name}' has ${t.length} targets for ${data.count} images`);
  }
}

/** x [b, ...imageShape] and per-head targets [b] for the given rows. */
function batchOf(data: MultiTaskData, heads: TaskHead[], rows: number[]): { x: tf.Tensor; t: tf.Tensor[] } {
  const pixels = data.imageShape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(rows.length * pixels);
  rows.forEach((r, i) => x.set(data.images.subarray(r * pixels, (r + 1) * pixels), i * pixels));
  return {
    x: tf.tensor(x, [rows.length, ...data.imageShape]),
    t: heads.map((h) => tf.tensor1d(Float32Array.from(rows, (r) => data.targets[h.name][r]))),
  };
}

/** Weighted total loss and per-head losses of one batch (used by the loop and the specs); targets first, as tfjs losses. */
export function multiTaskLoss(
  heads: TaskHead[],
  targets: tf.Tensor[],
  preds: tf.Tensor[],
): { total: tf.Scalar; perHead: tf.Scalar[] } {
  const perHead = heads.map((h, k) => maskedLoss(h.kind, targets[k], preds[k]));
  const total = tf.addN(perHead.map((l, k) => l.mul(heads[k].weight ?? 1))) as tf.Scalar;
  return { total, perHead };
}

export async function trainMultiTask(
  model: tf.LayersModel,
  heads: TaskHead[],
  data: MultiTaskData,
  options: MultiTaskTrainOptions = {},
): Promise<MultiTaskEpochLogs[]> {
  const o = { ...MULTI_TASK_TRAIN_DEFAULTS, ...options };
  checkData(heads, data);
  if (model.outputs.length !== heads.length)
    throw new Error(`the model has ${model.outputs.length} outputs for ${heads.length} heads`);
  const rng = new Rng(o.seed);
  const optimizer = tf.train.adam(o.learningRate);
  const history: MultiTaskEpochLogs[] = [];
  try {
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = rng.permutation(data.count);
      let total = 0;
      const sums = heads.map(() => 0);
      let batches = 0;
      for (let start = 0; start < data.count; start += o.batchSize) {
        const rows = order.slice(start, start + o.batchSize);
        const values = tf.tidy(() => {
          const { x, t } = batchOf(data, heads, rows);
          const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
          let perHead: tf.Scalar[] = [];
          const cost = optimizer.minimize(
            () => {
              const out = model.apply(x, { training: true });
              const preds = Array.isArray(out) ? (out as tf.Tensor[]) : [out as tf.Tensor];
              const l = multiTaskLoss(heads, t, preds);
              perHead = l.perHead.map((p) => tf.keep(p));
              return l.total;
            },
            true,
            vars,
          )!;
          const read = [cost.dataSync()[0], ...perHead.map((p) => p.dataSync()[0])];
          // Kept out of minimize's inner scope, so not owned by this tidy either.
          tf.dispose(perHead);
          return read;
        });
        if (!Number.isFinite(values[0]))
          throw new Error(
            `multi-task training: the loss became ${values[0]} at epoch ${epoch + 1}; lower the learning rate`,
          );
        total += values[0];
        values.slice(1).forEach((v, k) => (sums[k] += v));
        batches++;
        // Let other work (progress output, timers) run between steps.
        if (batches % 20 === 0) await new Promise((r) => setImmediate(r));
      }
      const logs: MultiTaskEpochLogs = {
        loss: total / batches,
        heads: Object.fromEntries(heads.map((h, k) => [h.name, sums[k] / batches])),
      };
      history.push(logs);
      o.onEpochEnd?.(epoch, logs);
    }
  } finally {
    optimizer.dispose();
  }
  return history;
}

/** Accuracy of each head over its present labels (softmax: argmax; sigmoid: p > 0.5). */
export function evaluateMultiTask(
  model: tf.LayersModel,
  heads: TaskHead[],
  data: MultiTaskData,
  batchSize = 500,
): Record<string, number> {
  checkData(heads, data);
  const correct = heads.map(() => 0);
  const present = heads.map(() => 0);
  for (let start = 0; start < data.count; start += batchSize) {
    const rows = Array.from({ length: Math.min(batchSize, data.count - start) }, (_, i) => start + i);
    const preds = tf.tidy(() => {
      const { x, t } = batchOf(data, heads, rows);
      tf.dispose(t);
      const out = model.predict(x);
      const outs = Array.isArray(out) ? out : [out];
      return outs.map((p, k) =>
        (heads[k].kind === 'softmax' ? p.argMax(-1) : p.reshape([-1]).greater(0.5).toInt()).dataSync(),
      );
    });
    heads.forEach((h, k) => {
      rows.forEach((r, i) => {
        const target = data.targets[h.name][r];
        if (target < 0) return;
        present[k]++;
        if (preds[k][i] === target) correct[k]++;
      });
    });
  }
  return Object.fromEntries(heads.map((h, k) => [h.name, present[k] > 0 ? correct[k] / present[k] : NaN]));
}
