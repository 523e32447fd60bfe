/**
 * The Trainer's loss table. Each loss maps (yTrue, yPred) to the batch mean, as a scalar; the
 * formulas follow Keras / tfjs-layers (probabilities in, not logits, clipped to [eps, 1 - eps]
 * with eps = 1e-7) so that a model trained here matches `model.fit` with the same loss name.
 * `kind` tells which accuracy applies.
 *
 * @example
 * const { fn } = resolveLoss('categoricalCrossentropy');
 * fn(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.2, 0.8]])); // -log(0.8) = 0.2231
 */
import * as tf from '@tensorflow/tfjs';

/** (yTrue [b, ...], yPred [b, ...]) -> scalar mean loss over the batch. */
export type TrainerLossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

/** What the targets look like, which decides the accuracy metric. */
export type LossKind = 'categorical' | 'sparseCategorical' | 'binary' | 'regression';

export interface LossEntry {
  kind: LossKind;
  fn: TrainerLossFn;
}

const EPSILON = 1e-7; // Keras' backend epsilon

/** yTrue one-hot [b, k], yPred probabilities [b, k]: mean_b( -sum_k y log p ), p renormalised to sum 1. */
function categoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPSILON, 1 - EPSILON);
    return tf.mean(tf.neg(tf.sum(tf.mul(tf.cast(yTrue, 'float32'), tf.log(p)), -1)));
  });
}

/**
 * yTrue class ids [b] or [b, 1], yPred probabilities [b, k]; or per time step (next-token
 * models): ids [b, T], probabilities [b, T, k], averaged over every step.
 */
function sparseCategoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const k = yPred.shape[yPred.rank - 1];
    const ids = tf.cast(tf.reshape(yTrue, [-1]), 'int32'); // [b] or [b·T]
    return categoricalCrossentropy(tf.oneHot(ids, k), tf.reshape(yPred, [-1, k]));
  });
}

/** yTrue in {0,1} [b, d], yPred probabilities [b, d]: mean( -(y log p + (1-y) log(1-p)) ). */
function binaryCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const y = tf.cast(yTrue, 'float32');
    const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
    return tf.mean(tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))));
  });
}

/** mean((y - p)^2). */
function meanSquaredError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(tf.cast(yTrue, 'float32'), yPred))));
}

/** mean(|y - p|). */
function meanAbsoluteError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(tf.cast(yTrue, 'float32'), yPred))));
}

export const LOSSES = {
  categoricalCrossentropy: { kind: 'categorical', fn: categoricalCrossentropy },
  sparseCategoricalCrossentropy: { kind: 'sparseCategorical', fn: sparseCategoricalCrossentropy },
  binaryCrossentropy: { kind: 'binary', fn: binaryCrossentropy },
  meanSquaredError: { kind: 'regression', fn: meanSquaredError },
  meanAbsoluteError: { kind: 'regression', fn: meanAbsoluteError },
} satisfies Record<string, LossEntry>;

export type LossName = keyof typeof LOSSES;

/** A loss by name, or a custom function with the kind of targets it expects (default 'regression': no accuracy). */
export type LossSpec = LossName | TrainerLossFn | { fn: TrainerLossFn; kind: LossKind };

export function resolveLoss(loss: LossSpec): LossEntry & { name: string } {
  if (typeof loss === 'function') return { name: loss.name || 'custom', kind: 'regression', fn: loss };
  if (typeof loss === 'object' && loss !== null && typeof loss.fn === 'function')
    return { name: loss.fn.name || 'custom', ...loss };
  const entry = (LOSSES as Record<string, LossEntry>)[loss as string];
  if (!entry)
    throw new Error(
      `unknown loss '${String(loss)}', expected one of ${Object.keys(LOSSES).join(', ')} or a function (yTrue, yPred) => scalar`,
    );
  return { name: loss as string, ...entry };
}
