/**
 * Per-parameter optimizer state ("slots": velocity, squared averages). A slot is a
 * non-trainable tf.Variable of zeros shaped like its parameter, created on first use.
 */
import * as tf from '@tensorflow/tfjs';
import type { Grads, Params } from '../scratch/types';

export class Slots {
  private readonly vars = new Map<string, tf.Variable>();

  /** The slot for parameter `key`, zeros shaped like `like` on first use. */
  get(key: string, like: tf.Variable): tf.Variable {
    let v = this.vars.get(key);
    if (!v) {
      v = tf.tidy(() => tf.variable(tf.zerosLike(like), false)); // tidy frees the zeros the variable copied
      this.vars.set(key, v);
    } else if (v.shape.join(',') !== like.shape.join(',')) {
      throw new Error(`optimizer state for '${key}' has shape [${v.shape}] but the parameter is now [${like.shape}]`);
    }
    return v;
  }

  get size(): number {
    return this.vars.size;
  }

  dispose(): void {
    for (const v of this.vars.values()) v.dispose();
    this.vars.clear();
  }
}

/**
 * Checks that every parameter has a gradient of its shape, and that the learning rate is a
 * positive finite number. Throws an error naming the optimizer and the key otherwise.
 */
export function checkStep(optimizer: string, params: Params, grads: Grads, learningRate: number): void {
  if (!(Number.isFinite(learningRate) && learningRate > 0)) {
    throw new Error(`${optimizer}: learning rate must be a positive finite number, got ${learningRate}`);
  }
  for (const key of Object.keys(params)) {
    const g = grads[key];
    if (!g)
      throw new Error(
        `${optimizer}: no gradient for parameter '${key}' (gradient keys: ${Object.keys(grads).join(', ') || 'none'})`,
      );
    if (g.shape.join(',') !== params[key].shape.join(',')) {
      throw new Error(
        `${optimizer}: gradient '${key}' has shape [${g.shape}], expected the parameter's shape [${params[key].shape}]`,
      );
    }
  }
}

/** Validates a hyperparameter in [0, 1). */
export function checkBeta(optimizer: string, name: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw new Error(`${optimizer}: ${name} must be in [0, 1), got ${value}`);
}
