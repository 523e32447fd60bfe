/**
 * Contracts of the from-scratch engine (DLS courses 1-2, 4): layers with explicit forward and
 * backward passes, and optimizers that update named parameters from named gradients.
 * Tensors are tfjs tensors used as "numpy" (no autodiff); shapes are batch-first: X is [m, n].
 */
import type * as tf from '@tensorflow/tfjs';

/** Named trainable parameters of a layer or model, e.g. `{ W, b }` or `{ 'dense1.W': ... }`. */
export type Params = Record<string, tf.Variable>;

/** Gradients with the same keys as the parameters they belong to (dW stored under 'W'). */
export type Grads = Record<string, tf.Tensor>;

/**
 * An optimizer updates parameters in place (`Variable.assign`) from gradients.
 * Implementations keep their own state (velocity, squared averages, step count) per key.
 */
export interface ScratchOptimizer {
  readonly name: string;
  /** One update. `learningRate` overrides the constructor's rate for this step (LR schedules). */
  step(params: Params, grads: Grads, learningRate?: number): void;
  /** Frees the optimizer's state tensors. */
  dispose(): void;
}
