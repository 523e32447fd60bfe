/**
 * One gradient step of a scratch model: forward (training), loss, backward, optional L2 over all
 * weights, optimizer update (DLS course 1 week 4 / course 2: the "model" loop body).
 */
import * as tf from '@tensorflow/tfjs';
import { l2Penalty } from './l2-penalty';
import type { LossFn } from './losses/types';
import type { ScratchSequential } from './sequential';
import type { Grads, ScratchOptimizer } from './types';

export interface TrainStepOptions {
  /** L2 lambda over every weight of the model ('W' keys), cost lambda/(2m) sum ||W||^2 (course 2 week 1). */
  l2?: number;
  /** Learning rate for this step, passed to `optimizer.step` (e.g. from a schedule). */
  learningRate?: number;
}

export interface TrainStepResult {
  /** Total cost: data loss + L2 term + layers' own regularization (Dense `l2`). */
  cost: number;
  /** The data loss alone. */
  loss: number;
}

/**
 * @example
 * const { cost } = trainStep(model, binaryCrossEntropy, X, Y, optimizer, { l2: 0.7 });
 */
export function trainStep(
  model: ScratchSequential,
  lossFn: LossFn,
  x: tf.Tensor,
  y: tf.Tensor,
  optimizer: ScratchOptimizer,
  options: TrainStepOptions = {},
): TrainStepResult {
  const m = x.shape[0];
  const out = model.forward(x, { training: true });
  let loss: number;
  let dA: tf.Tensor;
  try {
    ({ loss, dA } = lossFn(y, out));
  } finally {
    out.dispose();
  }
  model.backward(dA).dispose();
  dA.dispose();
  let cost = loss + model.regularizationCost();
  const params = model.params();
  let grads: Grads = model.grads();
  let extra: Grads = {};
  if (options.l2 !== undefined && options.l2 > 0) {
    const penalty = l2Penalty(params, options.l2, m);
    cost += penalty.cost;
    extra = tf.tidy(() => {
      const added: Grads = {};
      for (const [k, g] of Object.entries(penalty.grads)) added[k] = tf.add(grads[k], g);
      return added;
    });
    for (const g of Object.values(penalty.grads)) g.dispose();
    grads = { ...grads, ...extra };
  }
  try {
    optimizer.step(params, grads, options.learningRate);
  } finally {
    for (const g of Object.values(extra)) g.dispose();
  }
  return { cost, loss };
}
