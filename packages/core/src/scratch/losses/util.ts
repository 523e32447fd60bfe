import * as tf from '@tensorflow/tfjs';

/** Sum of a tensor's values accumulated in float64. */
export function sumFloat64(t: tf.Tensor): number {
  const v = t.dataSync();
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s;
}

/** Throws unless prediction and target have the same shape, rank >= 1, and a batch. */
export function checkPair(loss: string, yTrue: tf.Tensor, yPred: tf.Tensor): number {
  if (yPred.shape.join(',') !== yTrue.shape.join(',')) {
    throw new Error(
      `${loss}: prediction has shape [${yPred.shape}] but target has [${yTrue.shape}]; they must match (batch-first, e.g. [m, 1])`,
    );
  }
  if (yPred.rank < 1 || yPred.shape[0] === 0)
    throw new Error(`${loss}: expected a non-empty batch [m, ...], got shape [${yPred.shape}]`);
  return yPred.shape[0];
}
