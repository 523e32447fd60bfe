/**
 * One gradient step of a scratch model with gradient clipping between backward and the update
 * (DLS course 5 week 1, "Dinosaur Island" `optimize`: forward, loss, backward through time, clip,
 * update). Core's `trainStep` without clipping is the same loop; this one also reports the global
 * gradient norm before clipping, the number to watch for exploding gradients.
 */
import type { LossFn, ScratchOptimizer, ScratchSequential } from '@dlkit/core';
import { clipGradientsByNorm, clipGradientsByValue, globalNorm } from './clip';
import type * as tf from '@tensorflow/tfjs';

export interface ClippedTrainStepOptions {
  /** Rescale all gradients together when their global norm exceeds this (a non-finite norm then throws). */
  clipNorm?: number;
  /** Clip every gradient entry to [-clipValue, clipValue] (applied after `clipNorm` if both are given). */
  clipValue?: number;
  /** Learning rate for this step (e.g. from a schedule). */
  learningRate?: number;
}

export interface ClippedTrainStepResult {
  /** The data loss of the forward pass (before the update). */
  loss: number;
  /** Global norm of the gradients before clipping (Infinity/NaN when they overflowed). */
  gradNorm: number;
}

/**
 * @example
 * const { loss, gradNorm } = clippedTrainStep(model, softmaxCrossEntropy, X, Y, adam, { clipNorm: 5 });
 */
export function clippedTrainStep(model: ScratchSequential, lossFn: LossFn, x: tf.Tensor, y: tf.Tensor, optimizer: ScratchOptimizer, options: ClippedTrainStepOptions = {}): ClippedTrainStepResult {
  const out = model.forward(x, { training: true });
  let loss: number;
  let dA: tf.Tensor;
  try {
    ({ loss, dA } = lossFn(out, y));
  } finally {
    out.dispose();
  }
  model.backward(dA).dispose();
  dA.dispose();
  let grads = model.grads();
  const gradNorm = globalNorm(grads);
  const owned: tf.Tensor[] = [];
  try {
    if (options.clipNorm !== undefined) {
      grads = clipGradientsByNorm(grads, options.clipNorm);
      owned.push(...Object.values(grads));
    }
    if (options.clipValue !== undefined) {
      grads = clipGradientsByValue(grads, options.clipValue);
      owned.push(...Object.values(grads));
    }
    optimizer.step(model.params(), grads, options.learningRate);
  } finally {
    for (const t of owned) t.dispose();
  }
  return { loss, gradNorm };
}
