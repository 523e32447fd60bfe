/**
 * J = sum(A * R) for a fixed tensor R, so dA = R: the loss used to gradient-check a single layer,
 * where a random R makes every output matter (the check then tests the layer's vector-Jacobian
 * product with R, which is exactly what `backward(R)` computes).
 */
import * as tf from '@tensorflow/tfjs';
import type { LossFn } from './types';
import { sumFloat64 } from './util';

/**
 * @example
 * const loss = projectionLoss(tf.randomNormal([2, 3]));
 * loss(tf.zeros([2, 3]), layer.forward(x, { training: true })); // target is ignored
 */
export function projectionLoss(R: tf.Tensor): LossFn {
  return (_yTrue, yPred) => {
    if (yPred.shape.join(',') !== R.shape.join(',')) {
      throw new Error(`projectionLoss: prediction has shape [${yPred.shape}], the projection R has [${R.shape}]`);
    }
    const prod = tf.mul(yPred, R);
    const loss = sumFloat64(prod);
    prod.dispose();
    return { loss, dA: R.clone() };
  };
}
