import * as tf from '@tensorflow/tfjs';
import type { Batch, Dataset } from '@dlkit/core';
import type { KeywordClips } from './keyword-clips';

/**
 * Keyword clips as a core Dataset: `x` [batch, samples] raw audio, `y` [batch, classes] one-hot.
 * The clips stay in JavaScript arrays; each batch copies its rows into one tensor.
 */
export class ClipDataset implements Dataset {
  constructor(
    readonly data: KeywordClips,
    readonly classes: number,
  ) {}

  get size(): number {
    return this.data.clips.length;
  }

  batch(indices: readonly number[]): Batch {
    const n = this.data.clips[0]?.length ?? 0;
    const x = new Float32Array(indices.length * n);
    indices.forEach((i, row) => x.set(this.data.clips[i], row * n));
    const labels = Int32Array.from(indices, (i) => this.data.labels[i]);
    return tf.tidy(() => ({
      x: tf.tensor2d(x, [indices.length, n]), // [B, samples]
      y: tf.oneHot(tf.tensor1d(labels, 'int32'), this.classes).toFloat(), // [B, classes]
    }));
  }
}
