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

/** What a forward pass needs to know besides its input. */
export interface ForwardContext {
  /** Training mode: Dropout drops, BatchNorm uses batch statistics and updates its running ones. */
  training: boolean;
}

/**
 * A layer of the from-scratch engine: explicit `forward` and `backward`, no autodiff.
 *
 * Ownership: `forward` returns a new tensor owned by the caller and keeps (a clone of) whatever
 * its backward needs in a cache; `backward(dOut)` does not take ownership of `dOut`, returns a new
 * `dInput` owned by the caller and stores the parameter gradients in `grads` (owned by the layer,
 * replaced, and the old ones disposed, on the next backward). Caches are replaced on every forward.
 * Cached tensors and gradients are `tf.keep`-ed, so calling forward/backward inside `tf.tidy` is safe.
 */
export interface ScratchLayer {
  /** Name given in the options, or the layer kind ('dense', 'relu', ...) by default. */
  readonly name: string;
  /** Layer kind ('dense', 'conv2d', ...); `ScratchSequential` numbers layers that kept their default name. */
  readonly kind?: string;
  /** Trainable parameters, e.g. `{ W, b }` or `{ gamma, beta }`; empty for parameter-free layers. */
  params: Params;
  /** Gradients of the last backward, same keys as `params`. */
  grads: Grads;
  /** Creates the parameters for a per-example input shape (batch dimension excluded), if not yet built. */
  build?(inputShape: number[]): void;
  /** Per-example output shape (batch dimension excluded) for a per-example input shape. */
  computeOutputShape?(inputShape: number[]): number[];
  /** Regularization term this layer adds to the cost for the last forward's batch (e.g. Dense `l2`). */
  regularizationCost?(): number;
  forward(x: tf.Tensor, ctx: ForwardContext): tf.Tensor;
  backward(dOut: tf.Tensor): tf.Tensor;
  /** Frees parameters, cache and gradients. */
  dispose(): void;
}
