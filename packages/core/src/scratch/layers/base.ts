/**
 * Shared bookkeeping for scratch layers: the cache of forward values and the gradients, both
 * `tf.keep`-ed and replaced (old tensors disposed) on every forward/backward, so that layers never
 * leak across training steps and can be used inside `tf.tidy`.
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext, Grads, Params, ScratchLayer } from '../types';

export abstract class BaseLayer implements ScratchLayer {
  readonly name: string;
  abstract readonly kind: string;
  params: Params = {};
  grads: Grads = {};
  /** Values the backward pass needs, named after the math (`A_prev`, `Z`, ...). */
  protected cache: Record<string, tf.Tensor> = {};

  constructor(name: string | undefined, kind: string) {
    this.name = name ?? kind;
  }

  abstract forward(x: tf.Tensor, ctx: ForwardContext): tf.Tensor;
  abstract backward(dOut: tf.Tensor): tf.Tensor;

  /** Replaces the cache; the tensors given become owned by the layer (pass clones of inputs). */
  protected setCache(cache: Record<string, tf.Tensor>): void {
    for (const t of Object.values(this.cache)) t.dispose();
    for (const t of Object.values(cache)) tf.keep(t);
    this.cache = cache;
  }

  /** Returns a cached tensor, or throws if backward runs before forward. */
  protected cached(key: string): tf.Tensor {
    const t = this.cache[key];
    if (!t || t.isDisposed) throw new Error(`${this.name}: backward called before forward (no cached '${key}')`);
    return t;
  }

  /** Replaces the gradients; the tensors given become owned by the layer. */
  protected setGrads(grads: Grads): void {
    for (const t of Object.values(this.grads)) t.dispose();
    for (const t of Object.values(grads)) tf.keep(t);
    this.grads = grads;
  }

  dispose(): void {
    for (const t of Object.values(this.cache)) t.dispose();
    for (const t of Object.values(this.grads)) t.dispose();
    for (const v of Object.values(this.params)) v.dispose();
    this.cache = {};
    this.grads = {};
    this.params = {};
  }
}

/** Throws a clear error when `x` does not have the expected rank. */
export function expectRank(layer: string, x: tf.Tensor, rank: number, what: string): void {
  if (x.rank !== rank) throw new Error(`${layer}: expected a rank-${rank} input ${what}, got shape [${x.shape}]`);
}

/** Throws when `d` does not have `x`'s shape (the upstream gradient must match the output). */
export function expectSameShape(layer: string, d: tf.Tensor, shape: number[], what = 'dOut'): void {
  if (d.shape.join(',') !== shape.join(',')) {
    throw new Error(`${layer}: ${what} has shape [${d.shape}], expected [${shape}] (the shape of the forward output)`);
  }
}
