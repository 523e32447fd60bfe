/**
 * Stops training when a monitored value has not improved for `patience` epochs (Keras'
 * EarlyStopping; course 2 week 1 "early stopping" as a regularizer). Improvement means
 * better than the best so far by more than `minDelta`. With `restoreBestWeights`, the model
 * ends training (stopped early or not) with the weights of its best epoch.
 *
 * @example
 * new Trainer(model, { validationSplit: 0.1, callbacks: [new EarlyStopping({ monitor: 'valLoss', patience: 3, restoreBestWeights: true })] });
 */
import * as tf from '@tensorflow/tfjs';
import type { Callback, CallbackState, TrainingContext } from './callback';
import type { EpochLogs } from './history';

export interface EarlyStoppingOptions {
  /** Epoch-log key to watch, e.g. 'valLoss', 'valAcc', 'loss'. */
  monitor?: string;
  /** 'auto' = 'max' for keys containing acc, else 'min'. */
  mode?: 'min' | 'max' | 'auto';
  /** Training stops after this many epochs in a row without improvement (Keras semantics). */
  patience?: number;
  /** Smallest change that counts as an improvement. */
  minDelta?: number;
  restoreBestWeights?: boolean;
}

const DEFAULTS: Required<EarlyStoppingOptions> = {
  monitor: 'valLoss',
  mode: 'auto',
  patience: 3,
  minDelta: 0,
  restoreBestWeights: false,
};

interface EarlyStoppingJson {
  best: number | null;
  bestEpoch: number;
  wait: number;
  stoppedEpoch: number;
}

export class EarlyStopping implements Callback {
  readonly name = 'earlyStopping';
  readonly options: Required<EarlyStoppingOptions>;
  /** Best monitored value so far (null before the first epoch). */
  best: number | null = null;
  bestEpoch = -1;
  /** Epochs since the last improvement. */
  wait = 0;
  /** Epoch at which training was stopped, or -1. */
  stoppedEpoch = -1;
  private bestWeights: tf.Tensor[] | undefined;
  private readonly direction: 'min' | 'max';

  constructor(options: EarlyStoppingOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    const { patience, minDelta, mode, monitor } = this.options;
    if (!(Number.isInteger(patience) && patience >= 0))
      throw new Error(`EarlyStopping: patience must be an integer >= 0, got ${patience}`);
    if (!(minDelta >= 0)) throw new Error(`EarlyStopping: minDelta must be >= 0, got ${minDelta}`);
    if (!['min', 'max', 'auto'].includes(mode))
      throw new Error(`EarlyStopping: mode must be 'min', 'max' or 'auto', got '${mode}'`);
    this.direction = mode === 'auto' ? (/acc/i.test(monitor) ? 'max' : 'min') : mode;
  }

  onTrainBegin(): void {
    // Resumed state (setState) is kept; a fresh fit() starts from scratch.
    if (!this.restored) this.reset();
    this.restored = false;
  }

  onEpochEnd(epoch: number, logs: EpochLogs, ctx: TrainingContext): void {
    const { monitor, minDelta, patience, restoreBestWeights } = this.options;
    const current = logs[monitor];
    if (current === undefined) {
      const have = Object.keys(logs)
        .filter((k) => logs[k] !== undefined)
        .join(', ');
      throw new Error(
        `EarlyStopping monitors '${monitor}' but the epoch logs have only ${have}${monitor.startsWith('val') ? '; give the Trainer validationData or a validationSplit' : ''}`,
      );
    }
    const improved =
      this.best === null ||
      (this.direction === 'min' ? current < this.best - minDelta : current > this.best + minDelta);
    if (improved) {
      this.best = current;
      this.bestEpoch = epoch;
      this.wait = 0;
      if (restoreBestWeights) this.keepWeights(ctx.model);
    } else {
      this.wait += 1;
      if (this.wait >= patience) {
        this.stoppedEpoch = epoch;
        ctx.stopTraining = true;
      }
    }
  }

  onTrainEnd(ctx: TrainingContext, error?: unknown): void {
    if (!error && this.options.restoreBestWeights && this.bestWeights && this.bestEpoch !== ctx.completedEpochs - 1) {
      ctx.model.setWeights(this.bestWeights);
    }
    // The run is over: the snapshot is no longer needed (a new fit starts from reset()).
    this.dispose();
  }

  getState(): CallbackState {
    const json: EarlyStoppingJson = {
      best: this.best,
      bestEpoch: this.bestEpoch,
      wait: this.wait,
      stoppedEpoch: this.stoppedEpoch,
    };
    return { json, tensors: this.bestWeights ?? [] };
  }

  setState(state: CallbackState): void {
    const json = state.json as EarlyStoppingJson;
    this.reset();
    this.best = json.best;
    this.bestEpoch = json.bestEpoch;
    this.wait = json.wait;
    this.stoppedEpoch = json.stoppedEpoch;
    // The checkpoint reader disposes its tensors after setState, so keep copies.
    if (state.tensors && state.tensors.length > 0) this.bestWeights = state.tensors.map((t) => t.clone());
    this.restored = true;
  }

  /** Frees the saved best weights. */
  dispose(): void {
    if (this.bestWeights) tf.dispose(this.bestWeights);
    this.bestWeights = undefined;
  }

  private restored = false;

  private reset(): void {
    this.dispose();
    this.best = null;
    this.bestEpoch = -1;
    this.wait = 0;
    this.stoppedEpoch = -1;
  }

  private keepWeights(model: tf.LayersModel): void {
    this.dispose();
    // clone() shares the data until the variable is reassigned, which gives it new data.
    this.bestWeights = model.weights.map((w) => w.read().clone());
  }
}
