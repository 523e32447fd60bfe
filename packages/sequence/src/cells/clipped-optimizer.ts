/**
 * Gradient clipping as an optimizer wrapper: clips the gradients it is given, then lets the wrapped
 * optimizer update (DLS course 5 week 1, "Dinosaur Island" `optimize`: forward, loss, backward
 * through time, clip, update). Being a `ScratchOptimizer`, it plugs into core's `trainStep`
 * unchanged (L2 and learning-rate schedules included), and it records the global gradient norm
 * before clipping, the number to watch for exploding gradients.
 */
import type { Grads, Params, ScratchOptimizer } from '@dlkit/core/scratch';
import type * as tf from '@tensorflow/tfjs';
import { clipGradientsByNorm, clipGradientsByValue, globalNorm } from './clip';

export interface ClippingOptions {
  /** Rescale all gradients together when their global norm exceeds this (a non-finite norm then throws). */
  clipNorm?: number;
  /** Clip every gradient entry to [-clipValue, clipValue] (after `clipNorm` if both are given). */
  clipValue?: number;
}

/**
 * @example
 * const optimizer = new ClippedOptimizer(new Adam({ learningRate: 0.01 }), { clipNorm: 5 });
 * const { loss } = trainStep(model, softmaxCrossEntropy, X, Y, optimizer);
 * optimizer.lastNorm; // global gradient norm of that step, before clipping
 */
export class ClippedOptimizer implements ScratchOptimizer {
  readonly name: string;
  /** Global norm of the gradients of the last step, before clipping (Infinity/NaN when they overflowed). */
  lastNorm = Number.NaN;

  constructor(
    readonly inner: ScratchOptimizer,
    readonly options: ClippingOptions = {},
  ) {
    this.name = `${inner.name}+clip`;
    // validate now rather than at the first step
    if (options.clipNorm !== undefined) clipGradientsByNorm({}, options.clipNorm);
    if (options.clipValue !== undefined) clipGradientsByValue({}, options.clipValue);
  }

  step(params: Params, grads: Grads, learningRate?: number): void {
    this.lastNorm = globalNorm(grads);
    const owned: tf.Tensor[] = [];
    let g = grads;
    try {
      if (this.options.clipNorm !== undefined) {
        g = clipGradientsByNorm(g, this.options.clipNorm);
        owned.push(...Object.values(g));
      }
      if (this.options.clipValue !== undefined) {
        g = clipGradientsByValue(g, this.options.clipValue);
        owned.push(...Object.values(g));
      }
      this.inner.step(params, g, learningRate);
    } finally {
      for (const t of owned) t.dispose();
    }
  }

  /** Frees the wrapped optimizer's state. */
  dispose(): void {
    this.inner.dispose();
  }
}
