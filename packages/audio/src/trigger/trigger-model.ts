import * as tf from '@tensorflow/tfjs';
import type { TriggerGeometry } from './trigger-geometry';

export interface TriggerModelConfig {
  /** Conv1D filters (the course: 196). */
  filters?: number;
  /** Units of each GRU (the course: 128). */
  units?: number;
  /** Dropout rate after the conv and each GRU (the course's Keras `Dropout(0.8)` drops 80 %). */
  dropout?: number;
  seed?: number;
}

export const TRIGGER_MODEL_DEFAULTS = { filters: 128, units: 64, dropout: 0.3, seed: 1 } satisfies TriggerModelConfig;

/** Batch-norm momentum: 0.9 rather than Keras' 0.99, as the keyword CNN (few steps an epoch; see keyword-model.ts). */
const BN_MOMENTUM = 0.9;

/**
 * The course's trigger-word model (Deep Learning Specialization, course 5 week 3), over log-mel
 * frames: batch norm of the dB inputs → Conv1D (kernel and stride from the geometry) → batch norm →
 * ReLU → dropout → GRU → dropout → batch norm → GRU → dropout → batch norm → dropout →
 * time-distributed dense + sigmoid: one probability per output step that the trigger word has
 * just ended. Unidirectional GRUs: each output depends only on audio heard so far, so the same
 * model can run as a stream.
 * @example
 * const model = buildTriggerModel(triggerGeometry()); // [batch, 1001, 40] → [batch, 329, 1]
 */
export function buildTriggerModel(g: TriggerGeometry, config: TriggerModelConfig = {}): tf.LayersModel {
  const c = { ...TRIGGER_MODEL_DEFAULTS, ...config };
  let seed = c.seed;
  // Glorot for the recurrent kernels too: tfjs' orthogonal initializer warns (and runs a QR) at this size
  const glorot = () => tf.initializers.glorotUniform({ seed: seed++ });
  const apply = (layer: tf.layers.Layer, x: tf.SymbolicTensor) => layer.apply(x) as tf.SymbolicTensor;
  const bn = () => tf.layers.batchNormalization({ momentum: BN_MOMENTUM });
  const dropout = () => tf.layers.dropout({ rate: c.dropout, seed: seed++ });
  const gru = () =>
    tf.layers.gru({
      units: c.units,
      returnSequences: true,
      kernelInitializer: glorot(),
      recurrentInitializer: glorot(),
    });
  const input = tf.input({ shape: [g.frames, g.nMels], name: 'log_mel' }); // [B, frames, nMels]
  let x = apply(bn(), input);
  x = apply(
    tf.layers.conv1d({ filters: c.filters, kernelSize: g.kernel, strides: g.stride, kernelInitializer: glorot() }),
    x,
  ); // [B, steps, filters]
  x = apply(dropout(), apply(tf.layers.reLU(), apply(bn(), x)));
  x = apply(bn(), apply(dropout(), apply(gru(), x))); // [B, steps, units]
  x = apply(dropout(), apply(bn(), apply(dropout(), apply(gru(), x))));
  const probs = apply(
    tf.layers.timeDistributed({
      layer: tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: glorot() }),
    }),
    x,
  ); // [B, steps, 1]
  if (probs.shape[1] !== g.steps)
    throw new Error(`buildTriggerModel: ${probs.shape[1]} output steps, expected ${g.steps}`);
  return tf.model({ inputs: input, outputs: probs, name: 'trigger' });
}

/**
 * Detection curves of a model on feature rows: one Float32Array of `steps` probabilities per clip,
 * batch by batch (no tensor survives).
 */
export function triggerCurves(
  model: tf.LayersModel,
  features: readonly Float32Array[],
  g: TriggerGeometry,
  batchSize = 32,
): Float32Array[] {
  const out: Float32Array[] = [];
  for (let start = 0; start < features.length; start += batchSize) {
    const rows = features.slice(start, start + batchSize);
    const x = new Float32Array(rows.length * g.frames * g.nMels);
    rows.forEach((f, i) => x.set(f, i * g.frames * g.nMels));
    const y = tf.tidy(() => model.predict(tf.tensor3d(x, [rows.length, g.frames, g.nMels])) as tf.Tensor); // [B, steps, 1]
    const p = y.dataSync(); // outside tidy: tidy would walk a returned TypedArray element by element
    y.dispose();
    rows.forEach((_, i) => out.push(Float32Array.from(p.subarray(i * g.steps, (i + 1) * g.steps))));
  }
  return out;
}
