/**
 * Freezing and unfreezing layers for transfer learning (Keras "Transfer learning & fine-tuning"
 * guide; the course's MobileNet-alpaca notebook): a frozen layer's weights are excluded from
 * `model.trainableWeights`, so core's Trainer (and any optimizer over trainable weights) leaves
 * them untouched.
 *
 * Batch norm: in tfjs 4.22, `trainable = false` does NOT stop a BatchNormalization layer from
 * normalising with batch statistics and updating its moving mean/variance when called with
 * `training: true` (tfjs-layers normalization.ts only looks at kwargs.training). Keras 2+ runs a
 * frozen BN in inference mode; we do the same by pinning `training: false` on frozen BN layers,
 * so the features the head trains on are exactly the ones it will see at test time.
 *
 * @example
 * freezeUpTo(model, 'hidden');         // conv1 ... hidden frozen, BN in inference mode
 * // ... train the new head ...
 * unfreezeTop(model, 2);               // the top 2 weighted layers train again (BN stays frozen)
 */
import type * as tf from '@tensorflow/tfjs';

/** Where the original `call` of a BN layer pinned to inference mode is kept. */
const ORIGINAL_CALL = Symbol('dlkit.originalCall');

type CallFn = (inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>) => tf.Tensor | tf.Tensor[];
type Pinnable = tf.layers.Layer & { call: CallFn; [ORIGINAL_CALL]?: CallFn };

export function isBatchNorm(layer: tf.layers.Layer): boolean {
  return layer.getClassName() === 'BatchNormalization';
}

/** Runs `layer` (a BatchNormalization) in inference mode even when the model trains (on = true), or restores it. */
export function setInferenceMode(layer: tf.layers.Layer, on: boolean): void {
  const l = layer as Pinnable;
  if (on && !l[ORIGINAL_CALL]) {
    const original = l.call;
    l[ORIGINAL_CALL] = original;
    l.call = (inputs, kwargs) => original.call(l, inputs, { ...kwargs, training: false });
  } else if (!on && l[ORIGINAL_CALL]) {
    l.call = l[ORIGINAL_CALL]!;
    delete l[ORIGINAL_CALL];
  }
}

/** Whether a BN layer is pinned to inference mode. */
export function inInferenceMode(layer: tf.layers.Layer): boolean {
  return Boolean((layer as Pinnable)[ORIGINAL_CALL]);
}

/** Index of a layer given by name or index, with an error listing the layer names. */
export function layerIndex(model: tf.LayersModel, layer: string | number): number {
  const i = typeof layer === 'number' ? layer : model.layers.findIndex((l) => l.name === layer);
  if (!(Number.isInteger(i) && i >= 0 && i < model.layers.length)) {
    throw new Error(
      `layer ${JSON.stringify(layer)} not found in model '${model.name}' (layers: ${model.layers.map((l) => l.name).join(', ')})`,
    );
  }
  return i;
}

/**
 * Freezes every layer from the input up to and including `cut` (a name or index in
 * `model.layers`), pins frozen BN layers to inference mode, and returns the frozen layer names.
 */
export function freezeUpTo(model: tf.LayersModel, cut: string | number): string[] {
  const last = layerIndex(model, cut);
  const frozen: string[] = [];
  model.layers.slice(0, last + 1).forEach((layer) => {
    layer.trainable = false;
    if (isBatchNorm(layer)) setInferenceMode(layer, true);
    if (layer.weights.length > 0) frozen.push(layer.name);
  });
  return frozen;
}

export interface UnfreezeOptions {
  /** Also let BN layers among them train (and use batch statistics). Default false, as Keras advises. */
  batchNorm?: boolean;
}

/**
 * Makes the top `count` layers that have weights trainable again (counting down from the output;
 * BN layers are skipped, and stay frozen unless `batchNorm`). Returns their names.
 */
export function unfreezeTop(model: tf.LayersModel, count: number, options: UnfreezeOptions = {}): string[] {
  if (!(Number.isInteger(count) && count >= 0)) throw new Error(`count must be a non-negative integer, got ${count}`);
  const names: string[] = [];
  for (let i = model.layers.length - 1; i >= 0 && names.length < count; i--) {
    const layer = model.layers[i];
    if (layer.weights.length === 0) continue;
    if (isBatchNorm(layer) && !options.batchNorm) continue;
    layer.trainable = true;
    if (isBatchNorm(layer)) setInferenceMode(layer, false);
    names.push(layer.name);
  }
  return names;
}
