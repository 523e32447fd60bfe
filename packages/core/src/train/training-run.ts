/**
 * One training run, the sequence every task repeats: train with the Trainer (a TrainingTimer, an
 * optional learning-rate schedule, the data set's epoch setter, a checkpoint every epoch, exact
 * resume), evaluate while the Trainer is alive, then write the products under `outDir`:
 *
 * ```
 * <outDir>/model/         tfjs layers model (saveModel) with `modelFiles` beside model.json, replaced as one
 * <outDir>/<onnx>         the ONNX export, when `onnx` names a file
 * <outDir>/curves.png     learning curves (renderLearningCurves)
 * <outDir>/history.json   the per-epoch logs
 * <outDir>/checkpoint/    the last checkpoint, for `trainer.resume`
 * ```
 *
 * Each product is a step: `false` skips it, a string renames it, an object configures it, and
 * `artifacts` writes what is particular to a task (labels, confusion matrices, example pictures)
 * after the others; to replace a step (e.g. a Hugging Face folder instead of `model/` + one ONNX
 * file), skip it and write the replacement in `artifacts`. The run creates and disposes its
 * Trainer; the model stays the caller's.
 *
 * @example
 * const run = await runTraining({
 *   model, data: train, outDir: 'out/mnist',
 *   trainer: { epochs: 10, batchSize: 64, seed: 1, learningRate: 2e-3, loss: 'categoricalCrossentropy', resume: true },
 *   schedule: cosineWithWarmup(2e-3, { totalEpochs: 10 }),
 *   evaluate: (trainer) => trainer.evaluate(test),
 *   onnx: 'mnist.onnx',
 *   curves: { title: 'MNIST CNN' },
 * });
 * run.evaluation.acc; run.files.onnx; run.history.length; run.samplesPerSec;
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as tf from '@tensorflow/tfjs';
import { replaceDirAtomic, writeFileAtomic } from '../io/atomic';
import { saveModel } from '../io/filesystem';
import { saveOnnx, type OnnxExportOptions } from '../io/onnx/export';
import type { LearningRateSchedule } from '../optim/schedules';
import { AugmentationEpoch, isEpochAware } from './augmentation-epoch';
import type { Callback, TrainingContext } from './callback';
import { Checkpoint } from './checkpoint';
import type { EpochLogs, History } from './history';
import { renderLearningCurves, type LearningCurvesOptions } from './learning-curves';
import { LearningRateScheduler } from './learning-rate-scheduler';
import { Trainer, type TrainData, type TrainerOptions } from './trainer';
import { TrainingTimer } from './training-timer';
import { stripUndefined } from '../util/options';

export interface TrainingRunOptions<E = undefined> {
  model: tf.LayersModel;
  /** The training data; when it has `setEpoch(epoch)`, an AugmentationEpoch callback calls it every epoch. */
  data: TrainData;
  /** Where every product goes (created if missing). */
  outDir: string;
  /** The Trainer's options; its `callbacks` run with the run's own (timer, schedule, epoch setter, checkpoint). */
  trainer?: TrainerOptions;
  /** Learning rate per epoch (a LearningRateScheduler); none: the optimizer's rate throughout. */
  schedule?: LearningRateSchedule;
  /** Set the scheduled rate after every mini-batch too, from the fractional epoch (LearningRateScheduler's `everyBatch`). */
  scheduleEveryBatch?: boolean;
  /** Checkpoint directory under outDir, written after every epoch; false: none (then `resume` cannot work). */
  checkpoint?: string | false;
  /** Runs after training while the Trainer is alive (test metrics, predictions); its result is `evaluation`. */
  evaluate?: (trainer: Trainer, history: History) => E | Promise<E>;
  /** The tfjs model directory under outDir; false: not saved. */
  modelDir?: string | false;
  /** Files written into the model directory beside model.json (configs, vocabularies), in the same atomic replacement. */
  modelFiles?: (run: { history: History; evaluation: E }) => Record<string, string | Uint8Array>;
  /** The ONNX file under outDir, or the file with export options; false (the default): no export. */
  onnx?: string | false | ({ file: string } & OnnxExportOptions);
  /** The learning-curves PNG under outDir, or its options (`file` defaults to curves.png); false: none. */
  curves?: string | false | ({ file?: string } & LearningCurvesOptions);
  /** The history JSON under outDir; false: none. */
  history?: string | false;
  /** Task-specific products, written last; returns their paths by name (merged into `files`). */
  artifacts?: (run: {
    history: History;
    evaluation: E;
    files: TrainingRunFiles;
  }) => Record<string, string> | Promise<Record<string, string>>;
}

/**
 * The options every training task shares (vision's trainMnist, sequence's trainCharLm, ...): a
 * task's options interface extends it and adds its own; `taskTrainerOptions` passes them on.
 */
export interface TrainTaskOptions {
  /** Where the model, exports, curves, history and checkpoint go. */
  outDir: string;
  epochs?: number;
  batchSize?: number;
  /** Seeds initialisation, shuffling and the task's random draws. */
  seed?: number;
  /** Adam's (initial) learning rate. */
  learningRate?: number;
  /** Continue from `outDir/checkpoint` if a previous run left one. */
  resume?: boolean;
  /** Draw the Trainer's progress bar (on an interactive stderr outside CI). */
  progress?: boolean;
  /** Called after each epoch (e.g. to log a line). */
  onEpochEnd?: (logs: EpochLogs, ctx: TrainingContext) => void;
  /** Threads computing each batch's gradients (core's data-parallel Trainer; named losses only). */
  workers?: number;
}

/**
 * The Trainer options a task passes on as they are, from its options with defaults applied.
 * @example
 * runTraining({ ..., trainer: { ...taskTrainerOptions(o), loss: 'categoricalCrossentropy' } });
 */
export function taskTrainerOptions(o: Omit<TrainTaskOptions, 'outDir'>): TrainerOptions {
  const { epochs, batchSize, seed, learningRate, resume, progress, onEpochEnd, workers } = o;
  return stripUndefined({ epochs, batchSize, seed, learningRate, resume, progress, onEpochEnd, workers });
}

export const TRAINING_RUN_DEFAULTS = {
  checkpoint: 'checkpoint',
  modelDir: 'model',
  onnx: false,
  curves: 'curves.png',
  history: 'history.json',
} satisfies Pick<TrainingRunOptions, 'checkpoint' | 'modelDir' | 'onnx' | 'curves' | 'history'>;

/** Paths of the products written (absent: skipped), plus the `artifacts` by name. */
export interface TrainingRunFiles {
  model?: string;
  onnx?: string;
  curves?: string;
  history?: string;
  checkpoint?: string;
  [artifact: string]: string | undefined;
}

export interface TrainingRunResult<E = undefined> {
  history: History;
  evaluation: E;
  files: TrainingRunFiles;
  /** Training examples per second of training steps (TrainingTimer; validation excluded). */
  samplesPerSec: number;
  /** Seconds spent in training steps during this run. */
  trainSeconds: number;
  /** Epochs a resumed run found done in its checkpoint (0 for a fresh run). */
  resumedFromEpoch: number;
}

/** Trains, evaluates and writes the products of one run (see the file comment). */
export async function runTraining<E = undefined>(options: TrainingRunOptions<E>): Promise<TrainingRunResult<E>> {
  const o = {
    ...TRAINING_RUN_DEFAULTS,
    ...stripUndefined(options),
    model: options.model,
    data: options.data,
    outDir: options.outDir,
  };
  if (typeof o.outDir !== 'string' || o.outDir === '') throw new Error('runTraining needs an outDir');
  fs.mkdirSync(o.outDir, { recursive: true });
  const files: TrainingRunFiles = {};
  const timer = new TrainingTimer();
  // Ties in priority keep this order: the schedule sets the epoch's rate before user callbacks run.
  const callbacks: Callback[] = [timer];
  if (isEpochAware(o.data)) callbacks.push(new AugmentationEpoch(o.data));
  if (o.schedule) callbacks.push(new LearningRateScheduler(o.schedule, { everyBatch: o.scheduleEveryBatch }));
  callbacks.push(...(o.trainer?.callbacks ?? []));
  if (o.checkpoint !== false)
    callbacks.push(new Checkpoint({ dir: (files.checkpoint = path.join(o.outDir, o.checkpoint)) }));

  const trainer = new Trainer(o.model, { ...o.trainer, callbacks });
  let history: History;
  let evaluation: E;
  try {
    history = await trainer.fit(o.data);
    evaluation = (await o.evaluate?.(trainer, history)) as E;
  } finally {
    trainer.dispose();
  }

  if (o.modelDir !== false) {
    const dir = (files.model = path.join(o.outDir, o.modelDir));
    const side = o.modelFiles?.({ history, evaluation }) ?? {};
    await replaceDirAtomic(dir, async (tmp) => {
      await saveModel(o.model, tmp);
      for (const [name, data] of Object.entries(side)) writeFileAtomic(path.join(tmp, name), data);
    });
  }
  if (o.onnx !== false) {
    const { file, ...exportOptions } = typeof o.onnx === 'string' ? { file: o.onnx } : o.onnx;
    saveOnnx(o.model, (files.onnx = path.join(o.outDir, file)), exportOptions);
  }
  if (o.curves !== false) {
    const { file = TRAINING_RUN_DEFAULTS.curves, ...curveOptions } =
      typeof o.curves === 'string' ? { file: o.curves } : o.curves;
    await renderLearningCurves(history, (files.curves = path.join(o.outDir, file)), curveOptions);
  }
  if (o.history !== false)
    writeFileAtomic((files.history = path.join(o.outDir, o.history)), JSON.stringify(history, null, 1));
  if (o.artifacts) Object.assign(files, await o.artifacts({ history, evaluation, files: { ...files } }));
  return {
    history,
    evaluation,
    files,
    samplesPerSec: timer.samplesPerSec,
    trainSeconds: timer.seconds,
    resumedFromEpoch: timer.resumedFromEpoch,
  };
}
