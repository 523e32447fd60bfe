/**
 * The Trainer's callback protocol (after Keras callbacks): small objects with optional hooks,
 * given the running `TrainingContext`. Callbacks run in ascending `priority` (ties keep the
 * order given), named in `CALLBACK_PRIORITY`: the training timer first, then the progress display,
 * the data sets' epoch setters, user callbacks, and the Checkpoint last, so it saves the state
 * every other callback has just updated.
 *
 * A callback with state that must survive a resume implements `getState`/`setState`; the
 * Checkpoint stores it (JSON plus optional tensors) and the resumed Trainer hands it back.
 *
 * @example
 * const logLr: Callback = { name: 'logLr', onEpochBegin: (epoch, ctx) => console.log(epoch, ctx.learningRate) };
 */
import type * as tf from '@tensorflow/tfjs';
import type { EpochLogs, History } from './history';

/** Running values after one mini-batch: the batch's loss and metric means. */
export interface BatchLogs {
  /** 0-based batch index within the epoch. */
  batch: number;
  /** Number of batches in this epoch. */
  batches: number;
  /** Examples in this batch. */
  size: number;
  loss: number;
  [metric: string]: number;
}

/** JSON-serialisable state plus tensors (the callback keeps owning its tensors). */
export interface CallbackState {
  json: unknown;
  tensors?: tf.Tensor[];
}

export interface TrainingContext {
  readonly model: tf.LayersModel;
  readonly optimizer: tf.Optimizer;
  readonly history: History;
  /** Total epochs planned (options.epochs). */
  readonly epochs: number;
  /** Mini-batches per training epoch. */
  readonly batchesPerEpoch: number;
  readonly seed: number;
  readonly batchSize: number;
  /** Examples in the training set. */
  readonly trainSize: number;
  /** The optimizer's current learning rate; assigning it changes the next update. */
  learningRate: number;
  /** Set to true to stop after the current epoch. */
  stopTraining: boolean;
  /** State of the shuffling generator after the last completed epoch (for checkpoints). */
  readonly rngState: number;
  /** Epochs completed so far (the next epoch's index). */
  readonly completedEpochs: number;
  /** Every stateful callback's state, keyed by its unique name (what a Checkpoint stores). */
  callbackStates(): { key: string; state: CallbackState }[];
}

/** Where a callback runs among the others (ascending; ties keep the order given). */
export const CALLBACK_PRIORITY = {
  /** TrainingTimer: before every other callback, so their work is not counted as training time. */
  timer: -200,
  /** ProgressBar: the bar is drawn before user callbacks print. */
  progress: -100,
  /** Data sets' epoch setters (AugmentationEpoch): the epoch's data is set before anything reads it. */
  data: -50,
  /** Callbacks that give none: LearningRateScheduler, EarlyStopping, user callbacks. */
  default: 0,
  /** Checkpoint: after every other callback, so their states are current when saved. */
  checkpoint: 100,
} as const;

export interface Callback {
  /** Identifies the callback's state in a checkpoint; unique per list (a suffix is added for repeats). */
  readonly name: string;
  /** Ascending run order; see CALLBACK_PRIORITY (default CALLBACK_PRIORITY.default). */
  readonly priority?: number;
  onTrainBegin?(ctx: TrainingContext): void | Promise<void>;
  onEpochBegin?(epoch: number, ctx: TrainingContext): void | Promise<void>;
  onBatchEnd?(batch: number, logs: BatchLogs, ctx: TrainingContext): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: EpochLogs, ctx: TrainingContext): void | Promise<void>;
  /** Always called once at the end, with the error if training failed. */
  onTrainEnd?(ctx: TrainingContext, error?: unknown): void | Promise<void>;
  getState?(): CallbackState;
  setState?(state: CallbackState): void;
}

/** Callbacks sorted by priority (stable), each with a unique state key: name, name#2, ... */
export function orderCallbacks(callbacks: readonly Callback[]): { callback: Callback; key: string }[] {
  const seen = new Map<string, number>();
  const keyed = callbacks.map((callback, index) => {
    if (!callback || typeof callback.name !== 'string')
      throw new Error(`callbacks[${index}] must be an object with a name`);
    const n = (seen.get(callback.name) ?? 0) + 1;
    seen.set(callback.name, n);
    return { callback, key: n === 1 ? callback.name : `${callback.name}#${n}`, index };
  });
  keyed.sort(
    (a, b) =>
      (a.callback.priority ?? CALLBACK_PRIORITY.default) - (b.callback.priority ?? CALLBACK_PRIORITY.default) ||
      a.index - b.index,
  );
  return keyed.map(({ callback, key }) => ({ callback, key }));
}
