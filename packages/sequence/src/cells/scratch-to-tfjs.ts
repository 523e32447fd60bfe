/**
 * Turns a scratch recurrent model (a `ScratchSequential` of recurrent cells, per-step or plain Dense
 * layers and activations) into the equivalent tfjs-layers `tf.Sequential`, weights copied with the
 * mapping of tfjs-recurrent.ts. A model trained from scratch can then use everything built for
 * tfjs-layers models: `predict`, core's `saveModel`, and core's ONNX export for onnxruntime-node.
 *
 * One row per scratch layer kind (add a row to support another kind).
 */
import * as tf from '@tensorflow/tfjs';
import type { Dense, ScratchLayer, ScratchSequential } from '@dlkit/core/scratch';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { SimpleRNN } from './simple-rnn';
import { recurrentLayer, tfjsKindOf, weightsFromScratch } from './tfjs-recurrent';
import type { TimeDistributedDense } from './time-distributed-dense';

/** A tfjs layer equivalent to a scratch layer, and the weights to give it once built (owned by the caller). */
interface Converted {
  layer: tf.layers.Layer;
  weights: () => tf.Tensor[];
}

type Converter = (layer: ScratchLayer, name: string) => Converted;

const denseWeights =
  (dense: Dense): (() => tf.Tensor[]) =>
  () => [dense.params.W.clone(), ...(dense.params.b ? [dense.params.b.clone()] : [])];

const activation =
  (fn: 'relu' | 'tanh' | 'sigmoid' | 'softmax'): Converter =>
  (_layer, name) => ({ layer: tf.layers.activation({ activation: fn, name }), weights: () => [] });

const recurrent: Converter = (layer, name) => {
  const cell = layer as SimpleRNN | LSTM | GRU;
  return {
    layer: recurrentLayer({ cell: tfjsKindOf(cell), units: cell.units, returnSequences: cell.returnSequences, name }),
    weights: () => weightsFromScratch(cell),
  };
};

/** Scratch layer kind -> tfjs layer. */
export const SCRATCH_TO_TFJS: Record<string, Converter> = {
  simpleRnn: recurrent,
  lstm: recurrent,
  gru: recurrent,
  timeDistributedDense: (layer, name) => {
    const td = layer as TimeDistributedDense;
    const inner = tf.layers.dense({ units: td.units, useBias: td.params.b !== undefined });
    return { layer: tf.layers.timeDistributed({ layer: inner, name }), weights: denseWeights(td.dense) };
  },
  dense: (layer, name) => {
    const dense = layer as Dense;
    return {
      layer: tf.layers.dense({ units: dense.units, useBias: dense.params.b !== undefined, name }),
      weights: denseWeights(dense),
    };
  },
  relu: activation('relu'),
  tanh: activation('tanh'),
  sigmoid: activation('sigmoid'),
  softmax: activation('softmax'),
};

export interface ScratchToTfjsOptions {
  /** Per-example input shape [T, n_x]; T may be null (any length). */
  inputShape: [number | null, number];
  /** Name of the tfjs model. */
  name?: string;
}

/**
 * @example
 * const scratch = new ScratchSequential([new LSTM({ units: 32, inputDim: 27, returnSequences: true }), new TimeDistributedDense({ units: 27 })]);
 * // ... train it with trainStep ...
 * const model = scratchToTfjs(scratch, { inputShape: [null, 27] });
 * await saveModel(model, dir);            // or saveOnnx(model, 'charlm.onnx')
 */
export function scratchToTfjs(scratch: ScratchSequential, options: ScratchToTfjsOptions): tf.Sequential {
  const [T, nX] = options.inputShape;
  if (!(Number.isInteger(nX) && nX > 0) || (T !== null && !(Number.isInteger(T) && T > 0))) {
    throw new Error(
      `scratchToTfjs: inputShape must be [T or null, n_x] with positive integers, got [${options.inputShape}]`,
    );
  }
  const converted = scratch.layers.map((layer, i) => {
    const key = scratch.layerKeys[i];
    const convert = layer.kind === undefined ? undefined : SCRATCH_TO_TFJS[layer.kind];
    if (!convert)
      throw new Error(
        `scratchToTfjs: layer '${key}' (${layer.kind ?? 'no kind'}) has no tfjs equivalent here; supported: ${Object.keys(SCRATCH_TO_TFJS).join(', ')}`,
      );
    return convert(layer, key);
  });
  const model = tf.sequential({ name: options.name });
  model.add(tf.layers.inputLayer({ inputShape: [T, nX] }));
  for (const c of converted) model.add(c.layer);
  converted.forEach((c, i) => {
    let weights: tf.Tensor[] = [];
    try {
      weights = c.weights();
      if (weights.length > 0) c.layer.setWeights(weights);
    } catch (err) {
      model.dispose();
      throw new Error(
        `scratchToTfjs: cannot copy the weights of '${scratch.layerKeys[i]}' (build the scratch model for inputs [T, ${nX}] first): ${(err as Error).message}`,
      );
    } finally {
      tf.dispose(weights);
    }
  });
  return model;
}
