/**
 * Utterances with transcripts as a core Dataset for CTC training. Each clip is normalized to zero
 * mean and unit variance (what Wav2Vec2FeatureExtractor's `do_normalize` does before the exported
 * model sees audio), then the batch is zero-padded to its longest clip:
 *
 *   x [B, Nmax]            normalized audio
 *   y [B, 2 + Lmax]        per row: output frames of the unpadded clip, label length, label ids (0-padded)
 *
 * `ctcTrainingLoss` reads y back, so core's Trainer trains with CTC like with any other loss.
 *
 * @example
 * const data = new SpeechDataset({ clips, texts, sources });
 * await runTraining({ model, data, trainer: { loss: ctcTrainingLoss, metrics: [] }, ... });
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch, Dataset } from '@dlkit/core';
import { ctcLoss } from '@dlkit/sequence';
import type { SpeechClips } from './speech-clips';
import { speechFrames } from './speech-model';
import { speechIds } from './speech-vocab';

/** Zero mean, unit variance: transformers.js's Wav2Vec2FeatureExtractor formula (variance + 1e-7). */
export function normalizeWaveform(x: Float32Array): Float32Array {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i];
  mean /= x.length || 1;
  let variance = 0;
  for (let i = 0; i < x.length; i++) variance += (x[i] - mean) ** 2;
  const scale = 1 / Math.sqrt(variance / (x.length || 1) + 1e-7);
  return x.map((v) => (v - mean) * scale);
}

export class SpeechDataset implements Dataset {
  private readonly labels: number[][];

  constructor(readonly data: SpeechClips) {
    this.labels = data.texts.map((t) => speechIds(t));
  }

  get size(): number {
    return this.data.clips.length;
  }

  batch(indices: readonly number[]): Batch {
    const clips = indices.map((i) => normalizeWaveform(this.data.clips[i]));
    const n = Math.max(...clips.map((c) => c.length));
    const lmax = Math.max(1, ...indices.map((i) => this.labels[i].length));
    const x = new Float32Array(indices.length * n);
    const y = new Float32Array(indices.length * (2 + lmax));
    clips.forEach((c, row) => {
      x.set(c, row * n);
      const label = this.labels[indices[row]];
      y.set([speechFrames(c.length), label.length, ...label], row * (2 + lmax));
    });
    return { x: tf.tensor2d(x, [indices.length, n]), y: tf.tensor2d(y, [indices.length, 2 + lmax]) };
  }
}

/**
 * CTC loss (sequence's ctcLoss, PyTorch's 'mean' reduction) of logits [B, T, V] against the y rows
 * of a SpeechDataset batch. Utterances too fast for their frames count 0 (zero_infinity).
 */
export function ctcTrainingLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  const rows = yTrue.arraySync() as number[][];
  const T = yPred.shape[1] as number;
  return ctcLoss(
    rows.map((r) => r.slice(2)),
    yPred as tf.Tensor3D,
    rows.map((r) => r[1]),
    rows.map((r) => Math.min(r[0], T)),
    { zeroInfinity: true },
  ) as tf.Scalar;
}
