import { TRAIN_VOXELS_DEFAULTS, trainVoxels } from '@dlkit/vision';
import type { Command } from 'commander';
import { describeInt, intFlag, type IntRange } from '../../util/flags';
import { interruptMessage, onInterrupt } from '../../util/interrupt';
import { resolveOutDir } from '../../util/out-dir';
import { Output } from '../../util/output';
import { round } from '../../util/round';
import type { Run } from '../types';
import { addTrainingOptions, type TrainingFlags } from '../../util/training-options';

/** Generated scenes: all held in memory (16³ floats, 16 KB each), so at most ~1 GB of them. */
const SCENES: IntRange = { min: 1, max: 50_000 };

interface VoxelsFlags extends TrainingFlags {
  scenes?: number;
  testScenes?: number;
}

export function registerTrainVoxels(train: Command, run: Run): void {
  const d = TRAIN_VOXELS_DEFAULTS;
  const command = train
    .command('voxels')
    .description(
      'train a Conv3D network on synthetic 3D voxel scenes: which shape (sphere, cube, rod, cone, torus) and where its centre is, on wasm',
    )
    .option(
      '--scenes <n>',
      `training scenes, ${describeInt(SCENES)} (default ${d.scenes})`,
      intFlag('--scenes', SCENES),
    )
    .option(
      '--test-scenes <n>',
      `held-out scenes from a disjoint seed, ${describeInt(SCENES)} (default ${d.testScenes})`,
      intFlag('--test-scenes', SCENES),
    );
  addTrainingOptions(
    command,
    { epochs: d.epochs, seed: d.seed },
    { out: 'train-voxels', seeds: 'scenes, init and shuffling', resume: true },
  )
    .addHelpText(
      'after',
      '\nWrites <out>/model (tfjs), <out>/voxels.onnx (input voxels [B, D, D, D, 1], output heads [B, classes + 3]),\n' +
        '<out>/scenes.png (max-intensity projections, true vs predicted), <out>/curves.png, <out>/history.json and <out>/checkpoint.',
    )
    .action((flags: VoxelsFlags) =>
      run(async () => {
        const out = new Output(flags);
        const outDir = resolveOutDir(flags.out, 'train-voxels');
        const release = onInterrupt(() => interruptMessage({ command: 'dlkit train voxels', outDir, resumable: true }));
        const r = await trainVoxels({
          outDir,
          scenes: flags.scenes,
          testScenes: flags.testScenes,
          epochs: flags.epochs,
          seed: flags.seed,
          resume: flags.resume,
          onEpochEnd: (epoch, epochs, loss, seconds) =>
            out.log(`epoch ${epoch}/${epochs} loss ${loss.toFixed(4)} (${seconds.toFixed(1)} s)`),
        }).finally(release);
        const json = {
          task: r.task,
          testAccuracy: round(r.testAccuracy, 4),
          centreError: round(r.centreError, 3),
          classes: r.classes,
          trainScenes: r.trainScenes,
          testScenes: r.testScenes,
          epochs: r.epochs,
          backend: r.backend,
          seconds: round(r.seconds, 1),
          model: r.model,
          onnx: r.onnx,
          scenes: r.scenesPng,
          history: r.history,
          curves: r.curves,
          resumedFromEpoch: r.resumedFromEpoch,
        };
        out.result(
          json,
          [
            `test accuracy ${(r.testAccuracy * 100).toFixed(2)}%, mean centre error ${r.centreError.toFixed(2)} voxels on ${r.testScenes} held-out scenes (${r.backend}, ${r.seconds.toFixed(0)} s)`,
            `model:  ${r.model}`,
            `onnx:   ${r.onnx}`,
            `scenes: ${r.scenesPng}`,
          ].join('\n'),
        );
      }),
    );
}
