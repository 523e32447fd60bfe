import { TRAIN_MNIST_DEFAULTS, trainMnist } from '@dlkit/vision';
import type { Command } from 'commander';
import { nonNegativeInt, positiveInt, positiveNumber } from '../../util/errors';
import { resolveOutDir } from '../../util/out-dir';
import { Output } from '../../util/output';
import { round } from '../../util/round';

interface MnistFlags {
  epochs?: number;
  batchSize?: number;
  seed?: number;
  learningRate?: number;
  augment: boolean;
  out?: string;
  resume?: boolean;
  trainSamples?: number;
  workers?: number;
  json?: boolean;
}

export function registerTrainMnist(train: Command, run: (action: () => Promise<number | void>) => Promise<void>): void {
  train
    .command('mnist')
    .description('train the MNIST CNN on the ~10,000 real digits shipped in the mnist package (8,000 train / 2,000 test), on wasm')
    .option('--epochs <n>', `training epochs (default ${TRAIN_MNIST_DEFAULTS.epochs})`, positiveInt('--epochs'))
    .option('--batch-size <n>', `mini-batch size (default ${TRAIN_MNIST_DEFAULTS.batchSize})`, positiveInt('--batch-size'))
    .option('--seed <n>', `seed for init, shuffling and augmentation (default ${TRAIN_MNIST_DEFAULTS.seed})`, nonNegativeInt('--seed'))
    .option('--learning-rate <lr>', `peak Adam learning rate (default ${TRAIN_MNIST_DEFAULTS.learningRate})`, positiveNumber('--learning-rate'))
    .option('--no-augment', 'train without random affine jitter')
    .option('--train-samples <n>', 'train on only the first N training digits (quick runs; default all)', positiveInt('--train-samples'))
    .option('--out <dir>', 'output directory (default ./dlkit-out/train-mnist)')
    .option('--workers <n>', 'threads computing each batch (data parallel; default 2 on 2+ cores, or DLKIT_WORKERS)', positiveInt('--workers'))
    .option('--resume', 'continue from the checkpoint in --out left by an interrupted run')
    .option('--json', 'print one JSON object on stdout (progress goes to stderr)')
    .addHelpText('after', '\nWrites <out>/model (tfjs), <out>/mnist.onnx, <out>/curves.png, <out>/history.json and <out>/checkpoint.')
    .action((flags: MnistFlags) =>
      run(async () => {
        const out = new Output(flags);
        const outDir = resolveOutDir(flags.out, 'train-mnist');
        const r = await trainMnist({
          outDir,
          epochs: flags.epochs,
          batchSize: flags.batchSize,
          seed: flags.seed,
          learningRate: flags.learningRate,
          augment: flags.augment,
          resume: flags.resume,
          workers: flags.workers,
          trainSamples: flags.trainSamples,
          progress: out.showProgress,
          onEpochEnd: out.epochLogger(),
        });
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
