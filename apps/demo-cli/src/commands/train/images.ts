import * as fs from 'fs';
import { IMAGE_ARCHS, ImageArch, ImageFolderError, TRAIN_IMAGES_DEFAULTS, trainImages } from '@dlkit/vision';
import type { Command } from 'commander';
import { UsageError, nonNegativeInt, positiveInt, positiveNumber } from '../../util/errors';
import { resolveOutDir } from '../../util/out-dir';
import { Output } from '../../util/output';
import { round } from '../../util/round';

interface ImagesFlags {
  data?: string;
  size?: number;
  channels?: number;
  arch?: string;
  augment?: boolean;
  epochs?: number;
  batchSize?: number;
  seed?: number;
  learningRate?: number;
  width?: number;
  l2?: number;
  dropout?: number;
  out?: string;
  resume?: boolean;
  workers?: number;
  json?: boolean;
}

export function registerTrainImages(train: Command, run: (action: () => Promise<number | void>) => Promise<void>): void {
  const d = TRAIN_IMAGES_DEFAULTS;
  train
    .command('images')
    .description('train an image classifier on a folder of images, one sub-folder per class (DIR/<class>/*.png|jpg|jpeg|webp), on wasm')
    .requiredOption('--data <dir>', 'image folder: one sub-folder per class')
    .option('--size <n>', `images are resized to N×N (default ${d.size})`, positiveInt('--size'))
    .option('--channels <n>', `3 (RGB) or 1 (greyscale) (default ${d.channels})`, positiveInt('--channels'))
    .option('--arch <name>', `${IMAGE_ARCHS.join(' | ')} (default ${d.arch})`)
    .option('--augment', 'training-time augmentation: flips, small rotations/shifts, brightness/contrast')
    .option('--epochs <n>', `training epochs (default ${d.epochs})`, positiveInt('--epochs'))
    .option('--batch-size <n>', `mini-batch size (default ${d.batchSize})`, positiveInt('--batch-size'))
    .option('--seed <n>', `seed for the split, init, shuffling and augmentation (default ${d.seed})`, nonNegativeInt('--seed'))
    .option('--learning-rate <lr>', `peak Adam learning rate, cosine-decayed (default ${d.learningRate})`, positiveNumber('--learning-rate'))
    .option('--width <w>', `channel width multiplier (default ${d.width})`, positiveNumber('--width'))
    .option('--l2 <x>', `L2 penalty on conv/dense kernels (default ${d.l2})`, positiveNumber('--l2'))
    .option('--dropout <rate>', 'dropout before the classifier (default 0; runs with dropout are not exactly reproducible)', positiveNumber('--dropout'))
    .option('--out <dir>', 'output directory (default ./dlkit-out/train-images)')
    .option('--resume', 'continue from the checkpoint in --out left by an interrupted run')
    .option('--workers <n>', 'threads computing each batch (data parallel; default 2 on 2+ cores, or DLKIT_WORKERS)', positiveInt('--workers'))
    .option('--json', 'print one JSON object on stdout (progress goes to stderr)')
    .addHelpText(
      'after',
      '\nWrites <out>/model (tfjs), <out>/images.onnx, <out>/labels.txt, <out>/confusion.png, <out>/misclassified.png,\n<out>/curves.png, <out>/history.json and <out>/checkpoint. Unreadable files are skipped and listed by name.\n' +
        'Example: dlkit train images --data pets --size 64 --arch resnet --augment --epochs 15 --json',
    )
    .action((flags: ImagesFlags) =>
      run(async () => {
        const out = new Output(flags);
        const dataDir = flags.data!;
        if (!fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) throw new UsageError(`--data ${dataDir}: no such directory (expected DIR/<class>/*.png|jpg|jpeg|webp)`);
        if (flags.arch !== undefined && !(IMAGE_ARCHS as readonly string[]).includes(flags.arch)) throw new UsageError(`--arch must be one of ${IMAGE_ARCHS.join(', ')}, got '${flags.arch}'`);
        if (flags.channels !== undefined && flags.channels !== 1 && flags.channels !== 3) throw new UsageError(`--channels must be 1 or 3, got '${flags.channels}'`);
        if (flags.size !== undefined && flags.size < 16) throw new UsageError(`--size must be at least 16, got '${flags.size}'`);
        if (flags.dropout !== undefined && flags.dropout >= 1) throw new UsageError(`--dropout must be in [0, 1), got '${flags.dropout}'`);
        const outDir = resolveOutDir(flags.out, 'train-images');
        let r;
        try {
          r = await trainImages({
            dataDir,
            outDir,
            size: flags.size,
            channels: flags.channels as 1 | 3 | undefined,
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
            workers: flags.workers,
            progress: out.showProgress,
            onWarning: (w) => out.log(`warning: ${w}`),
            onEpochEnd: out.epochLogger(),
          });
        } catch (err) {
          // a folder with no class sub-folders, or fewer than 2 usable classes: a usage error naming the path
          if (err instanceof ImageFolderError) throw new UsageError(`--data ${err.message}`);
          throw err;
        }
        const perClass = Object.fromEntries(
          Object.entries(r.perClass).map(([name, m]) => [name, { precision: round(m.precision, 4), recall: round(m.recall, 4), f1: round(m.f1, 4), support: m.support }]),
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
            ...(r.skipped.length ? [`skipped ${r.skipped.length} unreadable file(s): ${r.skipped.map((s) => s.file).join(', ')}`] : []),
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
