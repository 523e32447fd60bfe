import { TRAIN_DETECTOR_DEFAULTS, trainDetector } from '@dlkit/vision';
import type { Command } from 'commander';
import { describeInt, intFlag, type IntRange } from '../../util/flags';
import { interruptMessage, onInterrupt } from '../../util/interrupt';
import { addTrainingOptions, trainingRunOptions, type TrainingFlags } from '../../util/training-options';
import { resolveOutDir } from '../../util/out-dir';
import { Output } from '../../util/output';
import { round } from '../../util/round';
import type { Run } from '../types';

/** Generated scenes: all held in memory (64×64×3 floats, 49 KB each), so at most ~1 GB of them. */
const SCENES: IntRange = { min: 1, max: 20_000 };

interface DetectorFlags extends TrainingFlags {
  scenes?: number;
  testScenes?: number;
}

export function registerTrainDetector(train: Command, run: Run): void {
  const d = TRAIN_DETECTOR_DEFAULTS;
  const command = train
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
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
    {
      out: 'train-detector',
      seeds: 'the scenes, initialisation and shuffling',
      learningRate: 'peak Adam learning rate',
      resume: true,
    },
  )
    .addHelpText(
      'after',
      '\nWrites <out>/model (tfjs + detector.json), <out>/detector.onnx (+ detector.onnx.json), <out>/examples.png,\n' +
        '<out>/curves.png, <out>/history.json and <out>/checkpoint.\nThen: dlkit detect --model <out>/detector.onnx IMAGE...',
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
          ...trainingRunOptions(flags, out),
        }).finally(release);
        const json = {
          task: r.task,
          map50: round(r.map50),
          perClassAp: Object.fromEntries(Object.entries(r.perClassAp).map(([k, v]) => [k, round(v)])),
          testScenes: r.testScenes,
          model: r.model,
          onnx: r.onnx,
          examples: r.examples,
          curves: r.curves,
          history: r.history,
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
