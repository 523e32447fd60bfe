/**
 * The training loop of the DLS experiments (the course's `model(...)` functions): epochs of
 * seeded mini-batches, one `trainStep` of the scratch engine per batch, an optional learning-rate
 * schedule evaluated per epoch, and accuracy of a binary classifier. Models end in a Dense layer
 * producing logits Z [m, 1]; the loss is `sigmoidCrossEntropy` (sigmoid fused, dZ = A - Y as in
 * the course) and a prediction is 1 when z > 0, i.e. sigmoid(z) > 0.5.
 */
import * as tf from '@tensorflow/tfjs';
import { miniBatches, takeRows } from '../data/batches';
import { Rng } from '../data/rng';
import type { LearningRateSchedule } from '../optim/schedules';
import type { LossFn } from '../scratch/losses/types';
import type { ScratchSequential } from '../scratch/sequential';
import { trainStep } from '../scratch/train-step';
import type { ScratchOptimizer } from '../scratch/types';
import type { SplitTensors } from './data';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy';

export interface ScratchFitOptions {
  /** Passes over the training set. */
  epochs: number;
  /** Examples per step; `null` (or >= m) is full-batch gradient descent (one step per epoch). */
  batchSize?: number | null;
  /** Learning rate per epoch; when omitted the optimizer's own rate is used. */
  schedule?: LearningRateSchedule;
  /** L2 lambda over all weights (course 2 week 1). */
  l2?: number;
  /** Loss on the model's output; the default takes logits. */
  loss?: LossFn;
  /** Seed of the mini-batch shuffles. */
  seed?: number;
  /** Record the cost every this many epochs (0: never). */
  recordEvery?: number;
}

const FIT_DEFAULTS = { batchSize: null as number | null, l2: 0, loss: sigmoidCrossEntropy, seed: 0, recordEvery: 0 };

export interface ScratchFitResult {
  /** Cost of the last step of every `recordEvery`-th epoch, as [epoch, cost]. */
  costs: [number, number][];
  /** Cost of the last step. */
  finalCost: number;
  steps: number;
}

/**
 * Trains `model` in place on X [m, n], Y [m, 1] with `optimizer`.
 * @example
 * fitScratch(model, X, Y, new Adam({ learningRate: 0.01 }), { epochs: 100, batchSize: 64, seed: 1 });
 */
export function fitScratch(
  model: ScratchSequential,
  X: tf.Tensor2D,
  Y: tf.Tensor2D,
  optimizer: ScratchOptimizer,
  options: ScratchFitOptions,
): ScratchFitResult {
  const o = { ...FIT_DEFAULTS, ...options };
  if (!(Number.isInteger(o.epochs) && o.epochs > 0))
    throw new Error(`fitScratch: epochs must be a positive integer, got ${o.epochs}`);
  const m = X.shape[0];
  if (Y.shape[0] !== m) throw new Error(`fitScratch: X has ${m} examples but Y has ${Y.shape[0]}`);
  const fullBatch = o.batchSize === null || o.batchSize >= m;
  const rng = new Rng(o.seed);
  const costs: [number, number][] = [];
  let finalCost = NaN;
  let steps = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const learningRate = o.schedule ? o.schedule(epoch) : undefined;
    const batches = fullBatch ? [null] : miniBatches(m, o.batchSize as number, rng);
    for (const idx of batches) {
      const x = idx ? takeRows(X, idx) : X;
      const y = idx ? takeRows(Y, idx) : Y;
      try {
        finalCost = trainStep(model, o.loss, x, y, optimizer, { l2: o.l2, learningRate }).cost;
      } finally {
        if (idx) tf.dispose([x, y]);
      }
      steps++;
    }
    if (!Number.isFinite(finalCost))
      throw new Error(`fitScratch: cost became ${finalCost} at epoch ${epoch}; lower the learning rate`);
    if (o.recordEvery > 0 && epoch % o.recordEvery === 0) costs.push([epoch, finalCost]);
  }
  return { costs, finalCost, steps };
}

/** Fraction of examples where (logit > 0, i.e. sigmoid > 0.5) equals the 0/1 label. X [m, n], Y [m, 1]. */
export function binaryAccuracy(model: ScratchSequential, X: tf.Tensor2D, Y: tf.Tensor2D): number {
  const hits = tf.tidy(() => {
    const Z = model.predict(X); // [m, 1] logits
    return tf.sum(tf.cast(tf.equal(tf.cast(tf.greater(Z, 0), 'float32'), Y), 'float32'));
  });
  const value = hits.dataSync()[0] / X.shape[0];
  hits.dispose();
  return value;
}

/** One variant of an experiment: its final training cost and its train and test accuracy. */
export interface VariantScore {
  finalCost: number;
  train: number;
  test: number;
}

/**
 * Trains one variant of an experiment on `data.train`, scores it on both splits (rounded to 4
 * decimals), and frees the model and the optimizer whatever happens.
 */
export function fitAndScore(
  model: ScratchSequential,
  optimizer: ScratchOptimizer,
  data: Pick<SplitTensors, 'train' | 'test'>,
  options: ScratchFitOptions,
): VariantScore {
  try {
    const { finalCost } = fitScratch(model, data.train.X, data.train.Y, optimizer, options);
    return {
      finalCost: round4(finalCost),
      train: round4(binaryAccuracy(model, data.train.X, data.train.Y)),
      test: round4(binaryAccuracy(model, data.test.X, data.test.Y)),
    };
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}

/** Rounds to 4 decimals, so results print and compare cleanly. */
export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
