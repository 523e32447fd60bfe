/**
 * Batch metrics for the Trainer. 'accuracy' picks its definition from the loss kind
 * (categorical: argmax match; sparse: label == argmax; binary: y == (p > 0.5), averaged over
 * every output unit as in Keras' binaryAccuracy). A custom metric is a named batch-mean function.
 * Metric values of an epoch are averaged over examples (batch means weighted by batch size).
 *
 * @example
 * new Trainer(model, { loss: 'meanSquaredError', metrics: [{ name: 'mae', fn: (y, p) => tf.mean(tf.abs(tf.sub(y, p))) }] });
 */
import * as tf from '@tensorflow/tfjs';
import type { LossKind } from './losses';

/** (yTrue [b, ...], yPred [b, ...]) -> scalar batch mean. */
export type TrainerMetricFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

export interface TrainerMetric {
  /** Key in the epoch logs; the validation value is stored as `val` + Name (e.g. acc -> valAcc). */
  name: string;
  fn: TrainerMetricFn;
}

export type MetricSpec = 'accuracy' | 'acc' | TrainerMetric;

/** yTrue one-hot [b, k], yPred [b, k]. */
function categoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(yTrue, -1), tf.argMax(yPred, -1)), 'float32')));
}

/** yTrue ids [b] or [b, 1], yPred [b, k] (or per step: [b, T] and [b, T, k]). */
function sparseCategoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  // ids [b] or [b, 1], or [b, T] against yPred [b, T, k]: every position counts once.
  return tf.tidy(() =>
    tf.mean(
      tf.cast(tf.equal(tf.cast(tf.reshape(yTrue, [-1]), 'int32'), tf.reshape(tf.argMax(yPred, -1), [-1])), 'float32'),
    ),
  );
}

/** yTrue {0,1} [b, d], yPred probabilities [b, d]. */
function binaryAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() =>
    tf.mean(tf.cast(tf.equal(tf.cast(yTrue, 'float32'), tf.cast(tf.greater(yPred, 0.5), 'float32')), 'float32')),
  );
}

const ACCURACY: Record<Exclude<LossKind, 'regression'>, TrainerMetricFn> = {
  categorical: categoricalAccuracy,
  sparseCategorical: sparseCategoricalAccuracy,
  binary: binaryAccuracy,
};

export function resolveMetrics(specs: readonly MetricSpec[], lossKind: LossKind, lossName: string): TrainerMetric[] {
  const out = specs.map((spec): TrainerMetric => {
    if (spec === 'accuracy' || spec === 'acc') {
      if (lossKind === 'regression') {
        throw new Error(
          `metric 'accuracy' needs a classification loss, but loss '${lossName}' is a regression loss; pass { fn, kind: 'categorical' | 'sparseCategorical' | 'binary' } as the loss, or a custom metric`,
        );
      }
      return { name: 'acc', fn: ACCURACY[lossKind] };
    }
    if (typeof spec !== 'object' || spec === null || typeof spec.fn !== 'function' || !spec.name) {
      throw new Error(`metric must be 'accuracy' or { name, fn }, got ${JSON.stringify(spec)}`);
    }
    if (['loss', 'epoch', 'lr', 'seconds'].includes(spec.name))
      throw new Error(`metric name '${spec.name}' is reserved`);
    return spec;
  });
  const names = out.map((m) => m.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`metric '${dup}' is listed twice`);
  return out;
}

/** Log key of a metric's validation value: 'loss' -> 'valLoss', 'acc' -> 'valAcc'. */
export function valKey(name: string): string {
  return `val${name[0].toUpperCase()}${name.slice(1)}`;
}
