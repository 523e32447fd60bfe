/**
 * The options every training command shares (`--epochs`, `--batch-size`, `--learning-rate`,
 * `--seed`, `--out`, `--resume`, `--workers`/`--force-workers`, `--json`), with one help text, one
 * range and one parser each. The task's defaults object supplies the values shown in --help; what
 * differs between tasks (what the seed draws, how the learning rate is used) is a short phrase.
 *
 * @example
 * const d = TRAIN_MNIST_DEFAULTS;
 * addTrainingOptions(
 *   train.command('mnist').option('--no-augment', 'train without random affine jitter'),
 *   { epochs: d.epochs, batchSize: d.batchSize, learningRate: d.learningRate, seed: d.seed },
 *   { out: 'train-mnist', seeds: 'init, shuffling and augmentation', resume: true, workers: true },
 * ).action((flags: MnistFlags) => ...);
 */
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
} from './flags';
import type { Output } from './output';
import { parseWorkers, workersHelp, type WorkersFlags } from './workers';

/** The parsed shared flags; each is present only on the commands that add it. */
export interface TrainingFlags extends WorkersFlags {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  seed?: number;
  /** The output directory (checked by resolveOutDir before any work). */
  out?: string;
  /** Continue from the checkpoint in --out. */
  resume?: boolean;
  json?: boolean;
}

/**
 * The task's defaults, shown in --help. A flag is added only when its key is present; a key whose
 * value is undefined adds the flag without a default in its help.
 */
export interface TrainingDefaults {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  seed?: number;
}

/** What the shared flags mean for one task. */
export interface TrainingOptionsHelp {
  /** `--out <dir>`, defaulting to ./dlkit-out/<out> (the name passed to resolveOutDir); absent: no --out. */
  out?: string;
  /** What goes into --out, after its default: "the model goes to <out>/model". */
  outNote?: string;
  /** What --seed draws: "the split, init, shuffling and augmentation". */
  seeds?: string;
  /** How --learning-rate is used (default "Adam learning rate"): "peak Adam learning rate, cosine-decayed". */
  learningRate?: string;
  /** The help of --batch-size (default "mini-batch size"). */
  batchSize?: string;
  /** `--resume`: the task continues from <out>/checkpoint. */
  resume?: boolean;
  /** `--workers <n>` and `--force-workers`: the task trains data parallel. */
  workers?: boolean;
}

function withDefault(text: string, value: number | undefined): string {
  return value === undefined ? text : `${text} (default ${value})`;
}

/**
 * Adds the shared training options to `command` (after the options it already has, `--json` last)
 * and returns it, for chaining `.addHelpText(...)` and `.action(...)`.
 */
export function addTrainingOptions(command: Command, defaults: TrainingDefaults, help: TrainingOptionsHelp): Command {
  if ('epochs' in defaults) {
    command.option(
      '--epochs <n>',
      withDefault(`training epochs, ${describeInt(EPOCHS_RANGE)}`, defaults.epochs),
      intFlag('--epochs', EPOCHS_RANGE),
    );
  }
  if ('batchSize' in defaults) {
    command.option(
      '--batch-size <n>',
      withDefault(`${help.batchSize ?? 'mini-batch size'}, ${describeInt(BATCH_SIZE_RANGE)}`, defaults.batchSize),
      intFlag('--batch-size', BATCH_SIZE_RANGE),
    );
  }
  if ('learningRate' in defaults) {
    command.option(
      '--learning-rate <lr>',
      withDefault(
        `${help.learningRate ?? 'Adam learning rate'}, ${describeNumber(LEARNING_RATE_RANGE)}`,
        defaults.learningRate,
      ),
      numberFlag('--learning-rate', LEARNING_RATE_RANGE),
    );
  }
  if ('seed' in defaults) {
    command.option(
      '--seed <n>',
      withDefault(`seed for ${help.seeds ?? 'initialisation and shuffling'}`, defaults.seed),
      seedFlag(),
    );
  }
  if (help.out !== undefined) {
    const note = help.outNote ? `; ${help.outNote}` : '';
    command.option('--out <dir>', `output directory (default ./dlkit-out/${help.out})${note}`, textFlag('--out'));
  }
  if (help.resume) command.option('--resume', 'continue from the checkpoint in --out left by an interrupted run');
  if (help.workers) {
    command
      .option('--workers <n>', workersHelp(), parseWorkers)
      .option('--force-workers', 'allow --workers above the core count');
  }
  return command.option('--json', 'print one JSON object on stdout (progress goes to stderr)');
}

/** The TrainTaskOptions a `train` command passes on from the shared flags, with progress and one line per epoch. */
export function trainingRunOptions(flags: TrainingFlags, out: Output) {
  return {
    epochs: flags.epochs,
    batchSize: flags.batchSize,
    seed: flags.seed,
    learningRate: flags.learningRate,
    resume: flags.resume,
    progress: out.showProgress,
    onEpochEnd: out.epochLogger(),
  };
}
