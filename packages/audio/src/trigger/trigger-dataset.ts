import * as tf from '@tensorflow/tfjs';
import type { Batch, Dataset } from '@dlkit/core';
import type { TriggerGeometry } from './trigger-geometry';

/** Clips as model inputs and per-step targets, with what is needed to score detections. */
export interface TriggerSet {
  /** Log-mel features per clip: [frames × nMels] (triggerFeatures). */
  features: Float32Array[];
  /** Per-step targets per clip: [steps] (triggerLabels). */
  labels: Float32Array[];
  /** End times (s) of the trigger words of each clip. */
  triggerEnds: number[][];
}

/**
 * A TriggerSet as a core Dataset: `x` [batch, frames, nMels] log-mel dB, `y` [batch, steps, 1].
 * The clips stay in JavaScript arrays; each batch copies its rows into one tensor.
 */
export class TriggerDataset implements Dataset {
  constructor(
    readonly set: TriggerSet,
    readonly geometry: TriggerGeometry,
  ) {}

  get size(): number {
    return this.set.features.length;
  }

  batch(indices: readonly number[]): Batch {
    const { frames, nMels, steps } = this.geometry;
    const x = new Float32Array(indices.length * frames * nMels);
    const y = new Float32Array(indices.length * steps);
    indices.forEach((i, row) => {
      x.set(this.set.features[i], row * frames * nMels);
      y.set(this.set.labels[i], row * steps);
    });
    return { x: tf.tensor3d(x, [indices.length, frames, nMels]), y: tf.tensor3d(y, [indices.length, steps, 1]) };
  }
}
