/**
 * Packed sequences as a core `Dataset` for masked-LM training: every batch is masked afresh
 * (BERT's dynamic masking, as RoBERTa), seeded per (seed, epoch, example) with core's
 * `exampleSeed`, so a run resumed from a checkpoint masks exactly as an uninterrupted one.
 * A fixed `epoch` (setEpoch) gives the same masks every time: the held-out evaluation set.
 *
 * Batch: x = [input_ids, attention_mask, token_type_ids [b, T], masked_positions [b, M]] (int32),
 * y = labels [b, M] (int32, -1 after a sequence's last target), T and M the longest in the batch.
 *
 * @example
 * const ds = new MlmDataset(packed, { seed: 1, masking: { maskId, vocabSize, specialIds } });
 * ds.setEpoch(0);
 * const { x, y } = ds.batch([0, 1, 2]);
 */
import * as tf from '@tensorflow/tfjs';
import { Batch, Dataset, exampleSeed, Rng } from '@dlkit/core';
import { maskTokens, MaskedSequence, MlmMaskingOptions } from './mlm-masking';

/** Label of a masked-position slot that is padding. */
export const MLM_IGNORE_LABEL = -1;

export interface MlmDatasetOptions {
  seed: number;
  masking: MlmMaskingOptions;
  /** Id written after a sequence's end (its attention_mask is 0 there). */
  padId?: number;
}

export class MlmDataset implements Dataset {
  private epoch = 0;

  constructor(
    readonly sequences: readonly (readonly number[])[],
    readonly options: MlmDatasetOptions,
  ) {
    if (sequences.length === 0) throw new Error('MlmDataset needs at least one sequence');
  }

  get size(): number {
    return this.sequences.length;
  }

  /** The masks of every following batch depend on this epoch (core's AugmentationEpoch calls it). */
  setEpoch(epoch: number): void {
    this.epoch = epoch;
  }

  /** Sequence `i` masked as in the current epoch. */
  masked(i: number): MaskedSequence {
    const s = this.sequences[i];
    if (!s) throw new Error(`MlmDataset: index ${i} is outside 0..${this.size - 1}`);
    return maskTokens(s, new Rng(exampleSeed(this.options.seed, this.epoch, i)), this.options.masking);
  }

  batch(indices: readonly number[]): Batch {
    const rows = indices.map((i) => this.masked(i));
    const b = rows.length;
    const t = Math.max(...rows.map((r) => r.input.length));
    const m = Math.max(...rows.map((r) => r.positions.length));
    const ids = new Int32Array(b * t).fill(this.options.padId ?? 0);
    const mask = new Int32Array(b * t);
    const positions = new Int32Array(b * m); // padding slots point at position 0 with label -1
    const labels = new Int32Array(b * m).fill(MLM_IGNORE_LABEL);
    rows.forEach((r, i) => {
      ids.set(r.input, i * t);
      mask.fill(1, i * t, i * t + r.input.length);
      positions.set(r.positions, i * m);
      labels.set(r.labels, i * m);
    });
    return {
      x: [
        tf.tensor2d(ids, [b, t], 'int32'),
        tf.tensor2d(mask, [b, t], 'int32'),
        tf.zeros([b, t], 'int32'),
        tf.tensor2d(positions, [b, m], 'int32'),
      ],
      y: tf.tensor2d(labels, [b, m], 'int32'),
    };
  }
}
