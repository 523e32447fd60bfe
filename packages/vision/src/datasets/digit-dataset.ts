/**
 * A `Dataset` (core's Trainer protocol) over a `DigitSet`: batches as NHWC images and one-hot
 * labels, with optional random-affine augmentation. Augmentation draws are a pure function of
 * (seed, epoch, example index), so an interrupted run that resumes from a checkpoint sees
 * exactly the same augmented images as one that never stopped; call `setEpoch` each epoch
 * (core's `AugmentationEpoch` callback does it; `runTraining` adds it by itself).
 *
 * @example
 * const ds = new DigitDataset(train, { augment: true, seed: 1 });
 * const trainer = new Trainer(model, { callbacks: [new AugmentationEpoch(ds)], ... });
 */
import * as tf from '@tensorflow/tfjs';
import { exampleSeed, type Batch, type Dataset } from '@dlkit/core';
import { RandomAffine } from '../augment/random-affine';
import { DigitSet, MNIST_CLASSES, MNIST_PIXELS, MNIST_SIZE } from './mnist';

export interface DigitDatasetOptions {
  /** Apply random affine jitter to every training batch. */
  augment?: boolean;
  /** Label smoothing ε: targets become (1 − ε)·onehot + ε/10 (Szegedy et al. 2016). 0 by default. */
  labelSmoothing?: number;
  seed?: number;
}

export class DigitDataset implements Dataset {
  readonly size: number;
  private epoch = 0;

  constructor(
    readonly digits: DigitSet,
    private readonly options: DigitDatasetOptions = {},
  ) {
    this.size = digits.count;
  }

  setEpoch(epoch: number): void {
    this.epoch = epoch;
  }

  /** x [b, 28, 28, 1] in [0, 1], y [b, 10] one-hot (smoothed if labelSmoothing > 0). */
  batch(indices: readonly number[]): Batch {
    const pixels = new Float32Array(indices.length * MNIST_PIXELS);
    const labels = new Int32Array(indices.length);
    indices.forEach((row, i) => {
      if (!(Number.isInteger(row) && row >= 0 && row < this.size))
        throw new Error(`example index ${row} out of range [0, ${this.size})`);
      let image = this.digits.images.subarray(row * MNIST_PIXELS, (row + 1) * MNIST_PIXELS);
      if (this.options.augment) {
        image = new RandomAffine({
          size: MNIST_SIZE,
          seed: exampleSeed(this.options.seed ?? 0, this.epoch, row),
        }).apply(image, 1);
      }
      pixels.set(image, i * MNIST_PIXELS);
      labels[i] = this.digits.labels[row];
    });
    return tf.tidy(() => ({
      x: tf.tensor4d(pixels, [indices.length, MNIST_SIZE, MNIST_SIZE, 1]),
      y: smooth(tf.oneHot(tf.tensor1d(labels, 'int32'), MNIST_CLASSES).toFloat(), this.options.labelSmoothing ?? 0),
    }));
  }
}

function smooth(oneHot: tf.Tensor, epsilon: number): tf.Tensor {
  if (!(epsilon >= 0 && epsilon < 1)) throw new Error(`labelSmoothing must be in [0, 1), got ${epsilon}`);
  return epsilon === 0 ? oneHot : tf.add(tf.mul(oneHot, 1 - epsilon), epsilon / MNIST_CLASSES);
}
