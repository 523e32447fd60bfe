/**
 * The YOLOv2-style training loss over the raw grid (Redmon et al. 2016 eq. 3, with v2's anchor
 * parametrisation and BCE/CE in place of squared errors on probabilities, as in YOLOv3):
 *
 *   L = 1/B Σ_{cells, anchors} [ λ_box · 1obj · ((σ(tx) - x*)² + (σ(ty) - y*)² + (tw - w*)² + (th - h*)²)
 *                               + (1obj + λ_noobj · 1noobj) · BCE(σ(to), 1obj)
 *                               + λ_class · 1obj · CE(softmax(class logits), class*) ]
 *
 * with the targets x*, y* (offset in the cell), w* = log(w / anchor w), h* and 1obj from
 * `encodeTargets`. Only the responsible (cell, anchor) pairs get box and class loss; the many empty
 * slots are down-weighted by λ_noobj (v1 uses 0.5) so they do not swamp the few objects.
 *
 * @example
 * const trainer = new Trainer(model, { loss: { fn: yoloLoss(config), kind: 'regression' } });
 */
import * as tf from '@tensorflow/tfjs';
import { YoloConfig, anchorChannels } from './yolo-config';

export interface YoloLossWeights {
  /** λ_box: weight of the box regression terms (v1's λ_coord = 5). */
  box?: number;
  /** λ_noobj: weight of the objectness loss of slots without an object. */
  noObject?: number;
  /** λ_class: weight of the class cross-entropy. */
  classes?: number;
}

export const YOLO_LOSS_DEFAULTS = { box: 5, noObject: 0.5, classes: 1 } satisfies Required<YoloLossWeights>;

/** (yTrue, yPred) [B, S, S, A * (5 + C)] -> scalar loss (sum over slots, mean over the batch). */
export function yoloLoss(
  config: YoloConfig,
  weights: YoloLossWeights = {},
): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar {
  const w = { ...YOLO_LOSS_DEFAULTS, ...weights };
  const A = config.anchors.length;
  const K = anchorChannels(config);
  const C = config.labels.length;
  const yoloLossFn = (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar =>
    tf.tidy(() => {
      const B = yPred.shape[0];
      // [B, S, S, A*K] -> [B*S*S*A, K]: one row per (cell, anchor) slot.
      const p = tf.reshape(yPred, [-1, K]);
      const t = tf.reshape(yTrue, [-1, K]);
      if (p.shape[0] % A !== 0)
        throw new Error(`yoloLoss: output has ${yPred.shape} values; expected [B, S, S, ${A * K}]`);
      const [pxy, pwh, po, pc] = tf.split(p, [2, 2, 1, C], 1); // [N, 2], [N, 2], [N, 1], [N, C]
      const [txy, twh, tobj, tc] = tf.split(t, [2, 2, 1, C], 1);
      const obj = tobj; // [N, 1], 1 for responsible slots
      const boxErr = tf.add(
        tf.sum(tf.square(tf.sub(tf.sigmoid(pxy), txy)), 1, true),
        tf.sum(tf.square(tf.sub(pwh, twh)), 1, true),
      ); // [N, 1]
      // BCE with logits, stable form: max(z, 0) - z·y + log(1 + exp(-|z|)).
      const bce = tf.add(tf.sub(tf.relu(po), tf.mul(po, obj)), tf.log1p(tf.exp(tf.neg(tf.abs(po))))); // [N, 1]
      const objWeight = tf.add(obj, tf.mul(tf.sub(1, obj), w.noObject));
      // CE with logits: logsumexp(z) - Σ onehot·z.
      const ce = tf.sub(tf.logSumExp(pc, 1, true), tf.sum(tf.mul(tc, pc), 1, true)); // [N, 1]
      const perSlot = tf.addN([
        tf.mul(boxErr, tf.mul(obj, w.box)),
        tf.mul(bce, objWeight),
        tf.mul(ce, tf.mul(obj, w.classes)),
      ]);
      return tf.div(tf.sum(perSlot), B) as tf.Scalar;
    });
  return yoloLossFn;
}
