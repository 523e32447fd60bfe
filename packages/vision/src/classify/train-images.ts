/**
 * Image classification end to end, the way the cats-vs-dogs project does it: an image-folder
 * dataset (`DIR/<class>/*.png|jpg|jpeg|webp`) with a seeded stratified train/validation/test
 * split, a CNN (small | resnet | mobilenet) trained on wasm by core's Trainer with optional
 * training-time augmentation, a cosine learning-rate schedule and a checkpoint every epoch
 * (exact `resume`), then error analysis on the held-out test images: per-class precision /
 * recall / F1, a confusion-matrix PNG and a grid of the misclassified images. The model is saved
 * in tfjs format and exported to ONNX, with `labels.txt` (one class per line) beside them.
 *
 * @example
 * const r = await trainImages({ dataDir: 'pets', outDir: 'dlkit-out/train-images', size: 64, arch: 'resnet', augment: true });
 * console.log(r.testAccuracy, r.perClass, r.confusion, r.misclassified);
 */
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import {
  TrainTaskOptions,
  cosineWithWarmup,
  defaultTrainingWorkers,
  initBackend,
  runTraining,
  stripUndefined,
  taskTrainerOptions,
  writeFileAtomic,
} from '@dlkit/core';
import { ClassMetrics, accuracyOf, confusionMatrix, perClassMetrics } from '../analysis/metrics';
import { renderConfusionMatrix } from '../analysis/confusion-matrix-png';
import { MisclassifiedImage, renderMisclassifiedGrid } from '../analysis/misclassified-grid';
import { ImageAugmentOptions } from '../augment/image-augment';
import { ImageSet, SkippedFile, loadImageFolder } from '../datasets/image-folder';
import { ImageFolderDataset } from '../datasets/image-folder-dataset';
import { ImageArch, buildImageClassifier } from './image-classifier';

/** Besides the shared options (outDir, epochs, batchSize, resume, progress, onEpochEnd): */
export interface TrainImagesOptions extends TrainTaskOptions {
  /** The image folder: one sub-folder per class. */
  dataDir: string;
  /** Images are resized to size×size. */
  size?: number;
  /** 3: RGB, 1: greyscale. */
  channels?: 1 | 3;
  arch?: ImageArch;
  /** Training-time augmentation: true for the defaults, or the options; false: none. */
  augment?: boolean | ImageAugmentOptions;
  /** Seeds the split, initialisation, shuffling and augmentation. */
  seed?: number;
  /** Peak Adam learning rate, cosine-decayed over the run (Loshchilov & Hutter 2017). */
  learningRate?: number;
  validationFraction?: number;
  testFraction?: number;
  /** Channel width multiplier of the network. */
  width?: number;
  /** Dropout before the classifier (0: none; makes runs irreproducible, see image-classifier.ts). */
  dropout?: number;
  /** L2 penalty on conv/dense kernels. */
  l2?: number;
  /**
   * Threads computing each batch's gradients (core's data-parallel Trainer: each thread's batch
   * norm sees its share of the batch); default `defaultTrainingWorkers()`: 2 on 2+ cores.
   */
  workers?: number;
  /** Called once per data problem (skipped files, empty classes) before training. */
  onWarning?: (message: string) => void;
}

export const TRAIN_IMAGES_DEFAULTS = {
  size: 64,
  channels: 3 as 1 | 3,
  arch: 'small' as ImageArch,
  augment: false as boolean | ImageAugmentOptions,
  epochs: 10,
  batchSize: 32,
  seed: 1,
  learningRate: 2e-3,
  validationFraction: 0.15,
  testFraction: 0.15,
  width: 1,
  dropout: 0,
  l2: 0,
  resume: false,
  progress: true,
};

export interface TrainImagesResult {
  task: 'images';
  classes: string[];
  testAccuracy: number;
  perClass: Record<string, ClassMetrics>;
  misclassified: string;
  confusion: string;
  model: string;
  onnx: string;
  labels: string;
  curves: string;
  history: string;
  arch: ImageArch;
  backend: string;
  epochs: number;
  trainSamples: number;
  validationSamples: number;
  testSamples: number;
  testLoss: number;
  /** [true][predicted] counts on the test set. */
  confusionMatrix: number[][];
  /** Files that could not be read, with the reason. */
  skipped: SkippedFile[];
  emptyClasses: string[];
  samplesPerSec: number;
  seconds: number;
  resumedFromEpoch: number;
  workers: number;
}

export async function trainImages(options: TrainImagesOptions): Promise<TrainImagesResult> {
  const o = { ...TRAIN_IMAGES_DEFAULTS, ...stripUndefined(options), dataDir: options.dataDir, outDir: options.outDir };
  const started = Date.now();
  const backend = await initBackend();
  const data = await loadImageFolder(o.dataDir, {
    size: o.size,
    channels: o.channels,
    seed: o.seed,
    validationFraction: o.validationFraction,
    testFraction: o.testFraction,
  });
  data.warnings.forEach((w) => o.onWarning?.(w));
  const k = data.classes.length;
  const shape = { size: o.size, channels: o.channels, classes: k };
  const augment = o.augment === true ? {} : o.augment === false ? undefined : o.augment;
  const model = buildImageClassifier({
    arch: o.arch,
    inputShape: [o.size, o.size, o.channels],
    classes: k,
    width: o.width,
    dropout: o.dropout,
    l2: o.l2,
    seed: o.seed,
  });
  const workers = o.workers ?? defaultTrainingWorkers();
  const testSet = new ImageFolderDataset(data.test, shape);
  try {
    const run = await runTraining({
      model,
      data: new ImageFolderDataset(data.train, { ...shape, augment, seed: o.seed }),
      outDir: o.outDir,
      trainer: {
        ...taskTrainerOptions({ ...o, workers }),
        loss: 'categoricalCrossentropy',
        validationData: data.validation.count > 0 ? new ImageFolderDataset(data.validation, shape) : undefined,
        validationBatchSize: 128,
      },
      schedule: cosineWithWarmup(o.learningRate, { totalEpochs: o.epochs }),
      evaluate: async (trainer) => {
        const { loss } = await trainer.evaluate(testSet, { batchSize: 128 });
        const { predicted, scores } = predictAll(model, testSet, 128);
        return { loss, predicted, scores, matrix: confusionMatrix(data.test.labels, predicted, k) };
      },
      onnx: 'images.onnx',
      curves: { title: `${o.arch} on ${path.basename(path.resolve(o.dataDir))} (${data.train.count} train images)` },
      artifacts: async ({ evaluation: { matrix, predicted, scores } }) => {
        const files = {
          labels: path.join(o.outDir, 'labels.txt'),
          confusion: path.join(o.outDir, 'confusion.png'),
          misclassified: path.join(o.outDir, 'misclassified.png'),
        };
        writeFileAtomic(files.labels, data.classes.join('\n') + '\n');
        await renderConfusionMatrix(matrix, data.classes, files.confusion, {
          title: `Confusion matrix, ${data.test.count} test images`,
        });
        await renderMisclassifiedGrid(
          misclassifiedOf(data.test, predicted, scores, data.classes, o.size, o.channels),
          files.misclassified,
        );
        return files;
      },
    });
    const { history, evaluation, files } = run;
    return {
      task: 'images',
      classes: data.classes,
      testAccuracy: accuracyOf(evaluation.matrix),
      perClass: perClassMetrics(evaluation.matrix, data.classes),
      misclassified: files.misclassified!,
      confusion: files.confusion!,
      model: files.model!,
      onnx: files.onnx!,
      labels: files.labels!,
      curves: files.curves!,
      history: files.history!,
      arch: o.arch,
      backend: backend.backend,
      epochs: history.length,
      trainSamples: data.train.count,
      validationSamples: data.validation.count,
      testSamples: data.test.count,
      testLoss: evaluation.loss,
      confusionMatrix: evaluation.matrix,
      skipped: data.skipped,
      emptyClasses: data.emptyClasses,
      samplesPerSec: run.samplesPerSec,
      seconds: (Date.now() - started) / 1000,
      resumedFromEpoch: run.resumedFromEpoch,
      workers,
    };
  } finally {
    model.dispose();
  }
}

/** Predicted class and its probability for every example, batch by batch (no tensor survives). */
export function predictAll(
  model: tf.LayersModel,
  data: ImageFolderDataset,
  batchSize: number,
): { predicted: Int32Array; scores: Float32Array } {
  const predicted = new Int32Array(data.size);
  const scores = new Float32Array(data.size);
  for (let start = 0; start < data.size; start += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, data.size - start) }, (_, i) => start + i);
    const [arg, max] = tf.tidy(() => {
      const { x } = data.batch(indices);
      const probs = model.predict(x) as tf.Tensor2D; // [b, classes]
      return [tf.argMax(probs, -1).dataSync(), tf.max(probs, -1).dataSync()];
    });
    predicted.set(arg, start);
    scores.set(max, start);
  }
  return { predicted, scores };
}

function misclassifiedOf(
  set: ImageSet,
  predicted: Int32Array,
  scores: Float32Array,
  classes: string[],
  size: number,
  channels: number,
): MisclassifiedImage[] {
  const out: MisclassifiedImage[] = [];
  for (let i = 0; i < set.count; i++) {
    if (predicted[i] === set.labels[i]) continue;
    out.push({
      pixels: set.images[i],
      size,
      channels,
      trueLabel: classes[set.labels[i]],
      predictedLabel: classes[predicted[i]],
      score: scores[i],
      file: set.files[i],
    });
  }
  return out;
}
