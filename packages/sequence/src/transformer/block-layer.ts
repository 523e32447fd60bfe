/**
 * What the transformer layers share: the tfjs `LayerArgs` they pass through (name, trainable,
 * input shape), seeded weight creation, the split of a call's inputs into sequences and padding
 * masks, and dropout that only runs in training.
 */
import * as tf from '@tensorflow/tfjs';
import { dropoutSeed } from '@dlkit/core';

/** tfjs's own layer arguments (name, trainable, inputShape, ...), passed through unchanged. */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** How a weight starts: Glorot uniform (seeded when the layer has a seed), zeros, ones, or given values. */
export type WeightInit = 'glorot' | 'zeros' | 'ones' | Initializer;

/** tfjs's Initializer class (not exported under that name). */
export type Initializer = ReturnType<typeof tf.initializers.zeros>;

/** Creates one weight of a layer: `name` inside the layer ('self_attention/query/kernel'), shape, initializer. */
export type AddWeight = (name: string, shape: number[], init: WeightInit) => tf.LayerVariable;

/**
 * tfjs call kwargs: `training` is true inside `fit`. `dropoutSeed`, set by a seeded layer's call
 * (BlockLayer.seededKwargs), gives each dropout mask its own seed, so training is reproducible.
 */
export type CallKwargs = { training?: boolean; dropoutSeed?: () => number } & Record<string, unknown>;

/** `config` over `defaults`, where a key given as undefined keeps its default. */
export function withDefaults<D extends object, C extends object>(defaults: D, config: C): D & C {
  const given = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
  return { ...defaults, ...given } as D & C;
}

/** Throws unless `value` is an integer ≥ `min` (config validation: the message names layer and key). */
export function checkInteger(layer: string, key: string, value: unknown, min = 1): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min))
    throw new Error(`${layer}: ${key} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  return value;
}

/** Throws unless 0 ≤ rate < 1. */
export function checkRate(layer: string, key: string, value: unknown): number {
  if (!(typeof value === 'number' && value >= 0 && value < 1))
    throw new Error(`${layer}: ${key} must be in [0, 1), got ${JSON.stringify(value)}`);
  return value;
}

/** Inverted dropout when training and rate > 0, else x itself; its mask seeded by kwargs.dropoutSeed when given. */
export function trainingDropout(x: tf.Tensor, rate: number, kwargs: CallKwargs): tf.Tensor {
  return kwargs.training && rate > 0 ? tf.dropout(x, rate, undefined, kwargs.dropoutSeed?.()) : x;
}

/** A layer's input shapes as a list (tfjs passes one shape unwrapped). */
export function shapeList(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
  return Array.isArray(inputShape[0]) ? (inputShape as tf.Shape[]) : [inputShape as tf.Shape];
}

/** The last dimension of a shape, which must be known. */
export function featureSize(layer: string, shape: tf.Shape): number {
  return checkInteger(layer, `feature size of input [${shape}]`, shape[shape.length - 1]);
}

/** `prefix/name`, or `name` without a prefix. */
export function weightName(prefix: string, name: string): string {
  return prefix ? `${prefix}/${name}` : name;
}

/** A call's inputs as a list. */
export function inputList<T>(inputs: T | T[]): T[] {
  return Array.isArray(inputs) ? inputs : [inputs];
}

/**
 * Sequences (rank 3, [B, T, D]) followed by optional padding masks (rank 2, [B, T], 1 = token):
 * the input convention of every layer here. Checks the counts against what the layer accepts.
 */
export function splitSequencesAndMasks<T extends { shape: readonly (number | null)[] }>(
  layer: string,
  inputs: T | T[],
  { sequences, masks }: { sequences: [number, number]; masks: [number, number] },
): { seqs: T[]; masks: T[] } {
  const all = inputList(inputs);
  const firstMask = all.findIndex((t) => t.shape.length === 2);
  const seqs = firstMask < 0 ? all : all.slice(0, firstMask);
  const ms = firstMask < 0 ? [] : all.slice(firstMask);
  const bad = seqs.find((t) => t.shape.length !== 3) ?? ms.find((t) => t.shape.length !== 2);
  if (bad || seqs.length < sequences[0] || seqs.length > sequences[1] || ms.length < masks[0] || ms.length > masks[1]) {
    throw new Error(
      `${layer}: expected ${sequences.join('-')} sequences [batch, time, features] then ${masks.join('-')} padding masks [batch, time], got shapes ${all.map((t) => `[${t.shape}]`).join(', ')}`,
    );
  }
  return { seqs, masks: ms };
}

/**
 * The base of the transformer layers: `addWeightFn()` hands the weight helpers an `AddWeight`
 * that creates weights under this layer, Glorot-uniform ones seeded one after another from the
 * layer's seed (same seed, same initial weights).
 */
export abstract class BlockLayer extends tf.layers.Layer {
  private nextSeed: number | undefined;
  /** The seed of the next dropout mask (dropoutSeed(seed), +1 per mask), or undefined without a seed. */
  private nextDropoutSeed: number | undefined;

  constructor(args: LayerArgs, seed: number | undefined) {
    super(args);
    this.nextSeed = seed;
    this.nextDropoutSeed = seed === undefined ? undefined : dropoutSeed(seed);
  }

  /**
   * The call's kwargs with this layer's dropout seeds when it has a seed and is training (a kwargs
   * seed from an outer layer is kept): tfjs's unseeded dropout draws from Math.random, and its
   * seeded one repeats one mask, so each mask gets the next seed of the layer's own stream.
   */
  protected seededKwargs(kwargs: CallKwargs): CallKwargs {
    if (!kwargs.training || kwargs.dropoutSeed || this.nextDropoutSeed === undefined) return kwargs;
    return { ...kwargs, dropoutSeed: () => this.nextDropoutSeed!++ };
  }

  protected addWeightFn(trainable = true): AddWeight {
    return (name, shape, init) => this.addWeight(name, shape, 'float32', this.initializer(init), undefined, trainable);
  }

  private initializer(init: WeightInit): Initializer {
    if (init === 'zeros') return tf.initializers.zeros();
    if (init === 'ones') return tf.initializers.ones();
    if (init !== 'glorot') return init;
    // Glorot uniform (Glorot & Bengio 2010), Keras' default for Dense kernels.
    const seed = this.nextSeed === undefined ? undefined : this.nextSeed++;
    return tf.initializers.glorotUniform({ seed });
  }
}
