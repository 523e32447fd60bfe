import { TRAIN_DETECTOR_DEFAULTS, trainDetector } from '@dlkit/vision';
import type { Command } from 'commander';
import {
  BATCH_SIZE_RANGE,
  describeInt,
  describeNumber,
  EPOCHS_RANGE,
  intFlag,
  LEARNING_RATE_RANGE,
  numberFlag,
  seedFlag,
  textFlag,
  type IntRange,
} from '../../util/flags';
import { interruptMessage, onInterrupt } from '../../util/interrupt';
import { resolveOutDir } from '../../util/out-dir';
import { Output } from '../../util/output';
import { round } from '../../util/round';

/** Generated scenes: all held in memory (64×64×3 floats, 49 KB each), so at most ~1 GB of them. */
const SCENES: IntRange = { min: 1, max: 20_000 };

interface DetectorFlags {
  scenes?: number;
  testScenes?: number;
  epochs?: number;
  batchSize?: number;
  seed?: number;
  learningRate?: number;
  out?: string;
  resume?: boolean;
  json?: boolean;
}

export function registerTrainDetector(
  train: Command,
  run: (action: () => Promise<number | void>) => Promise<void>,
): void {
  const d = TRAIN_DETECTOR_DEFAULTS;
  train
    .command('detector')
    .description(
      'train a YOLO-style detector from scratch on generated scenes (circles, squares, triangles), scored by mAP@0.5 on held-out scenes',
    )
    .option(
      '--scenes <n>',
      `training scenes, ${describeInt(SCENES)} (default ${d.scenes})`,
      intFlag('--scenes', SCENES),
    )
    .option(
      '--test-scenes <n>',
      `held-out scenes from a disjoint seed stream, ${describeInt(SCENES)} (default ${d.testScenes})`,
      intFlag('--test-scenes', SCENES),
    )
    .option(
      '--epochs <n>',
      `training epochs, ${describeInt(EPOCHS_RANGE)} (default ${d.epochs})`,
      intFlag('--epochs', EPOCHS_RANGE),
    )
    .option(
      '--batch-size <n>',
      `mini-batch size, ${describeInt(BATCH_SIZE_RANGE)} (default ${d.batchSize})`,
      intFlag('--batch-size', BATCH_SIZE_RANGE),
    )
    .option('--seed <n>', `seed of the scenes, initialisation and shuffling (default ${d.seed})`, seedFlag())
    .option(
      '--learning-rate <lr>',
      `peak Adam learning rate, ${describeNumber(LEARNING_RATE_RANGE)} (default ${d.learningRate})`,
      numberFlag('--learning-rate', LEARNING_RATE_RANGE),
    )
    .option('--out <dir>', 'output directory (default ./dlkit-out/train-detector)', textFlag('--out'))
    .option('--resume', 'continue from the checkpoint in --out left by an interrupted run')
    .option('--json', 'print one JSON object on stdout (progress goes to stderr)')
    .addHelpText(
      'after',
      '\nWrites <out>/model (tfjs + detector.json), <out>/detector.onnx (+ detector.onnx.json), <out>/examples.png and <out>/checkpoint.\nThen: dlkit detect --model <out>/detector.onnx IMAGE...',
    )
    .action((flags: DetectorFlags) =>
      run(async () => {
        const out = new Output(flags);
        const outDir = resolveOutDir(flags.out, 'train-detector');
        const release = onInterrupt(() =>
          interruptMessage({ command: 'dlkit train detector', outDir, resumable: true }),
        );
        const r = await trainDetector({
          outDir,
          scenes: flags.scenes,
          testScenes: flags.testScenes,
          epochs: flags.epochs,
          batchSize: flags.batchSize,
          seed: flags.seed,
          learningRate: flags.learningRate,
          resume: flags.resume,
          progress: out.showProgress,
          onEpochEnd: out.epochLogger(),
        }).finally(release);
        const json = {
          task: r.task,
          map50: round(r.map50),
          perClassAp: Object.fromEntries(Object.entries(r.perClassAp).map(([k, v]) => [k, round(v)])),
          testScenes: r.testScenes,
          model: r.model,
          onnx: r.onnx,
          examples: r.examples,
          trainScenes: r.trainScenes,
          epochs: r.epochs,
          loss: r.loss.map((v) => round(v)),
          seconds: Math.round(r.seconds * 10) / 10,
        };
        out.result(
          json,
          [
            `mAP@0.5 ${r.map50.toFixed(3)} on ${r.testScenes} held-out scenes (${Object.entries(r.perClassAp)
              .map(([k, v]) => `${k} ${v.toFixed(3)}`)
              .join(', ')}) after ${r.epochs} epochs, ${r.seconds.toFixed(0)} s`,
            `model:    ${r.model}`,
            `onnx:     ${r.onnx}`,
            `examples: ${r.examples}`,
          ].join('\n'),
        );
      }),
    );
}
