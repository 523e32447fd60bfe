import { TRAIN_MNIST_DEFAULTS, trainMnist } from '@dlkit/vision';
import type { Command } from 'commander';
import { describeInt, intFlag, type IntRange } from '../../util/flags';
import { interruptMessage, onInterrupt } from '../../util/interrupt';
import { addTrainingOptions, type TrainingFlags } from '../../util/training-options';
import { checkWorkers } from '../../util/workers';
import { resolveOutDir } from '../../util/out-dir';
import { Output } from '../../util/output';
import { round } from '../../util/round';
import type { Run } from '../types';

const TRAIN_SAMPLES: IntRange = { min: 1, max: 1_000_000 };

interface MnistFlags extends TrainingFlags {
  augment: boolean;
  trainSamples?: number;
}

export function registerTrainMnist(train: Command, run: Run): void {
  const d = TRAIN_MNIST_DEFAULTS;
  const command = train
    .command('mnist')
    .description(
      'train the MNIST CNN on the ~10,000 real digits shipped in the mnist package (8,000 train / 2,000 test), on wasm',
    )
    .option('--no-augment', 'train without random affine jitter')
    .option(
      '--train-samples <n>',
      `train on only the first N training digits (quick runs; default all), ${describeInt(TRAIN_SAMPLES)}`,
      intFlag('--train-samples', TRAIN_SAMPLES),
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
    {
      out: 'train-mnist',
      seeds: 'init, shuffling and augmentation',
      learningRate: 'peak Adam learning rate',
      resume: true,
      workers: true,
    },
  )
    .addHelpText(
      'after',
      '\nWrites <out>/model (tfjs), <out>/mnist.onnx, <out>/curves.png, <out>/history.json and <out>/checkpoint.',
    )
    .action((flags: MnistFlags) =>
      run(async () => {
        const out = new Output(flags);
        const workers = checkWorkers(flags);
        const outDir = resolveOutDir(flags.out, 'train-mnist');
        const release = onInterrupt(() => interruptMessage({ command: 'dlkit train mnist', outDir, resumable: true }));
        const r = await trainMnist({
          outDir,
          epochs: flags.epochs,
          batchSize: flags.batchSize,
          seed: flags.seed,
          learningRate: flags.learningRate,
          augment: flags.augment,
          resume: flags.resume,
          workers,
          trainSamples: flags.trainSamples,
          progress: out.showProgress,
          onEpochEnd: out.epochLogger(),
        }).finally(release);
        const json = {
          task: r.task,
          backend: r.backend,
          epochs: r.epochs,
          trainSamples: r.trainSamples,
          testSamples: r.testSamples,
          testAccuracy: round(r.testAccuracy, 4),
          samplesPerSec: round(r.samplesPerSec, 1),
          model: r.model,
          onnx: r.onnx,
          curves: r.curves,
          validationSamples: r.validationSamples,
          testLoss: round(r.testLoss, 4),
          seconds: round(r.seconds, 1),
          history: r.history,
          diagnosis: r.diagnosis,
          resumedFromEpoch: r.resumedFromEpoch,
          workers: r.workers,
        };
        out.result(
          json,
          [
            `test accuracy ${(r.testAccuracy * 100).toFixed(2)}% on ${r.testSamples} held-out digits after ${r.epochs} epochs (${r.backend}, ${r.workers} thread${r.workers > 1 ? 's' : ''}, ${
              r.samplesPerSec > 0 ? `${r.samplesPerSec.toFixed(0)} samples/s` : 'no epochs left to train'
            }, ${r.seconds.toFixed(0)} s${r.resumedFromEpoch > 0 ? `, resumed after epoch ${r.resumedFromEpoch}` : ''})`,
            r.diagnosis,
            `model:  ${r.model}`,
            `onnx:   ${r.onnx}`,
            `curves: ${r.curves}`,
          ].join('\n'),
        );
      }),
    );
}
