/**
 * The two-head loss of the voxel network on a packed output [B, C + 3]:
 *   L = mean_b CE(softmax(logits_b), onehot_b) + centreWeight * mean_b ||centre_b - target_b||^2
 * with centres in grid fractions, so both terms are O(1) at the start of training.
 * Targets are packed the same way: [B, C + 3] = one-hot class, then the centre (x, y, z) / D.
 */
import * as tf from '@tensorflow/tfjs';

export interface VoxelLossOptions {
  numClasses: number;
  /** Weight of the centre term against the class term. */
  centreWeight?: number;
}

export const VOXEL_LOSS_DEFAULTS = { centreWeight: 10 };

/** Scalar loss. yTrue, yPred: [B, C + 3]. */
export function voxelLoss(yTrue: tf.Tensor, yPred: tf.Tensor, options: VoxelLossOptions): tf.Scalar {
  const C = options.numClasses;
  const w = options.centreWeight ?? VOXEL_LOSS_DEFAULTS.centreWeight;
  if (yPred.shape.length !== 2 || yPred.shape[1] !== C + 3)
    throw new Error(`voxelLoss: expected yPred [B, ${C + 3}], got [${yPred.shape}]`);
  if (yTrue.shape.join() !== yPred.shape.join())
    throw new Error(`voxelLoss: yTrue [${yTrue.shape}] must match yPred [${yPred.shape}]`);
  return tf.tidy(() => {
    const [logits, centre] = tf.split(yPred, [C, 3], 1); // [B, C], [B, 3]
    const [onehot, target] = tf.split(yTrue, [C, 3], 1);
    const ce = tf.losses.softmaxCrossEntropy(onehot, logits); // mean over B
    const se = tf.sum(tf.square(tf.sub(centre, target)), 1).mean(); // mean_b ||.||^2
    return tf.add(ce, tf.mul(w, se)) as tf.Scalar;
  });
}

/** Packs scene labels and centres into targets [count, C + 3] (centres divided by the grid side). */
export function voxelTargets(labels: Uint8Array, centres: Float32Array, size: number, numClasses: number): tf.Tensor2D {
  const n = labels.length;
  const y = new Float32Array(n * (numClasses + 3));
  for (let i = 0; i < n; i++) {
    y[i * (numClasses + 3) + labels[i]] = 1;
    for (let k = 0; k < 3; k++) y[i * (numClasses + 3) + numClasses + k] = centres[i * 3 + k] / size;
  }
  return tf.tensor2d(y, [n, numClasses + 3]);
}
