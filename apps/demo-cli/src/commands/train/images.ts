import { IMAGE_ARCHS, ImageArch, ImageFolderError, TRAIN_IMAGES_DEFAULTS, trainImages } from '@dlkit/vision';
import type { Command } from 'commander';
import {
  choiceFlag,
  describeInt,
  describeNumber,
  intFlag,
  numberFlag,
  textFlag,
  type IntRange,
  type NumberRange,
} from '../../util/flags';
import { interruptMessage, onInterrupt } from '../../util/interrupt';
import { requireDir } from '../../util/paths';
import { addTrainingOptions, type TrainingFlags } from '../../util/training-options';
import { checkWorkers } from '../../util/workers';
import { resolveOutDir } from '../../util/out-dir';
import { Output } from '../../util/output';
import { round } from '../../util/round';
import type { Run } from '../types';

/** Image side in pixels: the architectures downsample 4 times (16 = 1x1 at the end); 512 bounds memory. */
const SIZE: IntRange = { min: 16, max: 512 };
const WIDTH: NumberRange = { min: 0, max: 8, minExclusive: true };
const L2: NumberRange = { min: 0, max: 1 };
const DROPOUT: NumberRange = { min: 0, max: 1, maxExclusive: true };

interface ImagesFlags extends TrainingFlags {
  data?: string;
  size?: number;
  channels?: string;
  arch?: string;
  augment?: boolean;
  width?: number;
  l2?: number;
  dropout?: number;
}

export function registerTrainImages(train: Command, run: Run): void {
  const d = TRAIN_IMAGES_DEFAULTS;
  const command = train
    .command('images')
    .description(
      'train an image classifier on a folder of images, one sub-folder per class (DIR/<class>/*.png|jpg|jpeg|webp), on wasm',
    )
    .requiredOption('--data <dir>', 'image folder: one sub-folder per class', textFlag('--data'))
    .option(
      '--size <n>',
      `images are resized to N×N, ${describeInt(SIZE)} (default ${d.size})`,
      intFlag('--size', SIZE),
    )
    .option(
      '--channels <n>',
      `3 (RGB) or 1 (greyscale) (default ${d.channels})`,
      choiceFlag('--channels', ['1', '3'] as const),
    )
    .option('--arch <name>', `${IMAGE_ARCHS.join(' | ')} (default ${d.arch})`, choiceFlag('--arch', IMAGE_ARCHS))
    .option('--augment', 'training-time augmentation: flips, small rotations/shifts, brightness/contrast')
    .option(
      '--width <w>',
      `channel width multiplier, ${describeNumber(WIDTH)} (default ${d.width})`,
      numberFlag('--width', WIDTH),
    )
    .option(
      '--l2 <x>',
      `L2 penalty on conv/dense kernels, ${describeNumber(L2)} (default ${d.l2})`,
      numberFlag('--l2', L2),
    )
    .option(
      '--dropout <rate>',
      `dropout before the classifier, ${describeNumber(DROPOUT)} (default 0; runs with dropout are not exactly reproducible)`,
      numberFlag('--dropout', DROPOUT),
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
    {
      out: 'train-images',
      seeds: 'the split, init, shuffling and augmentation',
      learningRate: 'peak Adam learning rate, cosine-decayed',
      resume: true,
      workers: true,
    },
  )
    .addHelpText(
      'after',
      '\nWrites <out>/model (tfjs), <out>/images.onnx, <out>/labels.txt, <out>/confusion.png, <out>/misclassified.png,\n<out>/curves.png, <out>/history.json and <out>/checkpoint. Unreadable files are skipped and listed by name.\n' +
        'Example: dlkit train images --data pets --size 64 --arch resnet --augment --epochs 15 --json',
    )
    .action((flags: ImagesFlags) =>
      run(async () => {
        const out = new Output(flags);
        const dataDir = flags.data!;
        requireDir('--data', dataDir, 'DIR/<class>/*.png|jpg|jpeg|webp');
        const workers = checkWorkers(flags);
        const outDir = resolveOutDir(flags.out, 'train-images');
        const release = onInterrupt(() => interruptMessage({ command: 'dlkit train images', outDir, resumable: true }));
        let r;
        try {
          r = await trainImages({
            dataDir,
            outDir,
            size: flags.size,
            channels: flags.channels === undefined ? undefined : (Number(flags.channels) as 1 | 3),
            arch: flags.arch as ImageArch | undefined,
            augment: flags.augment ?? false,
            epochs: flags.epochs,
            batchSize: flags.batchSize,
            seed: flags.seed,
            learningRate: flags.learningRate,
            width: flags.width,
            l2: flags.l2,
            dropout: flags.dropout,
            resume: flags.resume,
            workers,
            progress: out.showProgress,
            onWarning: (w) => out.log(`warning: ${w}`),
            onEpochEnd: out.epochLogger(),
          });
        } catch (err) {
          // a folder with no class sub-folders, or fewer than 2 usable classes: found by reading the
          // folder, so a failure (exit 1) naming the flag and the path
          if (err instanceof ImageFolderError) throw new Error(`--data ${err.message}`);
          throw err;
        } finally {
          release();
        }
        const perClass = Object.fromEntries(
          Object.entries(r.perClass).map(([name, m]) => [
            name,
            { precision: round(m.precision, 4), recall: round(m.recall, 4), f1: round(m.f1, 4), support: m.support },
          ]),
        );
        const json = {
          task: r.task,
          classes: r.classes,
          testAccuracy: round(r.testAccuracy, 4),
          perClass,
          misclassified: r.misclassified,
          confusion: r.confusion,
          model: r.model,
          onnx: r.onnx,
          labels: r.labels,
          curves: r.curves,
          history: r.history,
          arch: r.arch,
          backend: r.backend,
          epochs: r.epochs,
          trainSamples: r.trainSamples,
          validationSamples: r.validationSamples,
          testSamples: r.testSamples,
          testLoss: round(r.testLoss, 4),
          confusionMatrix: r.confusionMatrix,
          skipped: r.skipped,
          emptyClasses: r.emptyClasses,
          samplesPerSec: round(r.samplesPerSec, 1),
          seconds: round(r.seconds, 1),
          resumedFromEpoch: r.resumedFromEpoch,
          workers: r.workers,
        };
        const width = Math.max(...r.classes.map((c) => c.length));
        out.result(
          json,
          [
            `test accuracy ${(r.testAccuracy * 100).toFixed(2)}% on ${r.testSamples} held-out images, ${r.classes.length} classes, ${r.arch}, ${r.epochs} epochs (${r.backend}, ${r.samplesPerSec.toFixed(0)} samples/s, ${r.seconds.toFixed(0)} s)`,
            `${'class'.padEnd(width)}  precision  recall  f1     support`,
            ...r.classes.map((c) => {
              const m = r.perClass[c];
              return `${c.padEnd(width)}  ${m.precision.toFixed(3).padStart(9)}  ${m.recall.toFixed(3).padStart(6)}  ${m.f1.toFixed(3)}  ${m.support}`;
            }),
            ...(r.skipped.length
              ? [`skipped ${r.skipped.length} unreadable file(s): ${r.skipped.map((s) => s.file).join(', ')}`]
              : []),
            `confusion:     ${r.confusion}`,
            `misclassified: ${r.misclassified}`,
            `model:         ${r.model}`,
            `onnx:          ${r.onnx}`,
            `curves:        ${r.curves}`,
          ].join('\n'),
        );
      }),
    );
}
