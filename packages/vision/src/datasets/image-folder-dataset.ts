/**
 * A core `Dataset` over an `ImageSet` (see image-folder.ts): batches as NHWC images
 * [b, size, size, channels] in [0, 1] and one-hot labels, with optional training-time
 * augmentation. Augmentation draws are a pure function of (seed, epoch, example index), so a run
 * resumed from a checkpoint sees the same augmented images as one that never stopped; core's
 * `AugmentationEpoch` callback tells the dataset which epoch is starting (`runTraining` adds it).
 *
 * @example
 * const ds = new ImageFolderDataset(data.train, { size: 64, channels: 3, classes: 2, augment: {}, seed: 1 });
 * const trainer = new Trainer(model, { callbacks: [new AugmentationEpoch(ds)] });
 */
import * as tf from '@tensorflow/tfjs';
import type { Batch, Dataset } from '@dlkit/core';
import { ImageAugmentOptions, ImageAugmenter, augmentSeed } from '../augment/image-augment';
import type { ImageSet } from './image-folder';

export interface ImageFolderDatasetOptions {
  size: number;
  channels: number;
  /** Number of classes (one-hot width). */
  classes: number;
  /** Augmentation options; undefined: no augmentation (validation / test sets). */
  augment?: ImageAugmentOptions;
  seed?: number;
}

export class ImageFolderDataset implements Dataset {
  readonly size: number;
  private epoch = 0;
  private readonly augmenter?: ImageAugmenter;

  constructor(
    readonly set: ImageSet,
    private readonly options: ImageFolderDatasetOptions,
  ) {
    this.size = set.count;
    if (options.augment) this.augmenter = new ImageAugmenter(options.augment);
  }

  setEpoch(epoch: number): void {
    this.epoch = epoch;
  }

  /** x [b, size, size, channels], y [b, classes] one-hot. */
  batch(indices: readonly number[]): Batch {
    const { size, channels, classes } = this.options;
    for (const row of indices)
      if (!(Number.isInteger(row) && row >= 0 && row < this.size))
        throw new Error(`example index ${row} out of range [0, ${this.size})`);
    const images = indices.map((i) => this.set.images[i]);
    const labels = Int32Array.from(indices, (i) => this.set.labels[i]);
    return tf.tidy(() => {
      let x: tf.Tensor4D;
      if (this.augmenter) {
        const seeds = indices.map((i) => augmentSeed(this.options.seed ?? 0, this.epoch, i));
        x = this.augmenter.augmentBatch(images, seeds, size, channels);
      } else {
        const area = size * size * channels;
        const pixels = new Float32Array(indices.length * area);
        images.forEach((img, i) => pixels.set(img, i * area));
        x = tf.tensor4d(pixels, [indices.length, size, size, channels]);
      }
      return { x, y: tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() };
    });
  }
}
