import type * as tf from '@tensorflow/tfjs';

/**
 * What every scratch loss returns. `loss` is a plain number: the per-element terms are computed by
 * tf ops in float32, then summed in float64 in JavaScript (so that gradient checking sees float64
 * sums, and nothing needs disposing). `dA` = dJ/d(prediction) for the batch-mean cost J, so it
 * already carries the 1/m; it has the prediction's shape and is owned by the caller.
 */
export interface LossResult {
  loss: number;
  dA: tf.Tensor;
}

/**
 * A loss: (target [m, ...], prediction [m, ...]) -> cost and its gradient w.r.t. the prediction.
 * Target first, as in tfjs (`tf.losses.*`) and Keras.
 */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => LossResult;

/** Clipping used to keep log() finite: predictions are clipped to [EPSILON, 1 - EPSILON] (Keras uses 1e-7). */
export const LOSS_EPSILON = 1e-7;
