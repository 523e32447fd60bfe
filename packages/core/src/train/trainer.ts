/**
 * The training loop for tfjs layers models, run by dlkit itself rather than `model.fit`:
 * seeded per-epoch shuffling (reproducible and resumable), mini-batches gathered from a
 * `Dataset`, one `tf.variableGrads` + `applyGradients` step per batch inside `tf.tidy`, a
 * NaN/Inf loss check before each update, per-epoch train and (batched) validation metrics,
 * callbacks, checkpoints and exact resume.
 *
 * @example
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 10, inputShape: [784], activation: 'softmax' })] });
 * const trainer = new Trainer(model, {
 *   epochs: 5, batchSize: 64, seed: 1, learningRate: 1e-3, // Adam by default
 *   loss: 'categoricalCrossentropy', validationSplit: 0.1,
 *   callbacks: [new EarlyStopping({ patience: 2 }), new Checkpoint({ dir: 'out/checkpoint' })],
 *   resume: true,
 *   onEpochEnd: (logs, ctx) => process.stderr.write(formatEpochLogs(logs, ctx.epochs) + '\n'),
 * });
 * const history = await trainer.fit({ x, y }); // x [m, 784], y [m, 10] one-hot
 * const { loss, acc } = await trainer.evaluate({ x: xTest, y: yTest });
 * trainer.dispose();
 */
import * as tf from '@tensorflow/tfjs';
import { miniBatches } from '../data/batches';
import { Batch, Dataset, ModelInputs, disposeBatch, isDataset, tensorDataset } from '../data/dataset';
import { Rng, seedFor } from '../data/rng';
import { splitDataset } from '../data/split';
import type { BatchLogs, Callback, CallbackState, TrainingContext } from './callback';
import { orderCallbacks } from './callback';
import { Checkpoint, LoadedCheckpoint, loadCheckpoint } from './checkpoint';
import { NonFiniteLossError } from './errors';
import { EpochLogs, History } from './history';
import { LossEntry, LossSpec, resolveLoss } from './losses';
import { MetricSpec, TrainerMetric, resolveMetrics, valKey } from './metrics';
import { OptimizerName, createOptimizer, getLearningRate, setLearningRate, setOptimizerExtraState } from './optimizers';
import { ProgressBar, shouldShowProgress } from './progress-bar';
import { stripUndefined } from '../util/options';
import { DataParallel } from './parallel';

/** Tensors in memory (x [m, ...] or one per model input, y [m, ...]), or any `Dataset`. */
export type TrainData = { x: ModelInputs; y: tf.Tensor } | Dataset;

export interface TrainerOptions {
  epochs?: number;
  batchSize?: number;
  /** Seeds the per-epoch shuffle and the validation split. */
  seed?: number;
  /** Shuffle the training examples every epoch (seeded). */
  shuffle?: boolean;
  /** Fraction of the training data held out (a seeded random split), in [0, 1). */
  validationSplit?: number;
  /** Explicit validation data (exclusive with validationSplit). */
  validationData?: TrainData;
  /** Batch size for validation and `evaluate` (memory bound only; results do not depend on it). Defaults to batchSize. */
  validationBatchSize?: number;
  /** A tf.Optimizer (the caller keeps ownership) or a name from OPTIMIZERS. Defaults to the optimizer the model was compiled with, else 'adam'. */
  optimizer?: tf.Optimizer | OptimizerName;
  /** Initial learning rate; defaults to the named optimizer's default (OPTIMIZERS), or the instance's own. */
  learningRate?: number;
  /**
   * A loss name, function or { fn, kind }. Defaults to the loss name the model was compiled with.
   * A model with several outputs needs { fn, kind } (and no metrics): fn's yPred is then the list of
   * the outputs (yTrue, one tensor, packs whatever targets they need).
   */
  loss?: LossSpec;
  /** Defaults to ['accuracy'] for classification losses, [] otherwise. */
  metrics?: MetricSpec[];
  callbacks?: Callback[];
  /** false: never draw a progress bar. Otherwise a bar is drawn on an interactive stderr outside CI. */
  progress?: boolean;
  /** Called after every epoch (before the callbacks' onEpochEnd), e.g. to log one line in non-TTY mode. */
  onEpochEnd?: (logs: EpochLogs, ctx: TrainingContext) => void;
  /** Resume from the Checkpoint callback's directory when it holds a checkpoint (start fresh otherwise). */
  resume?: boolean;
  /** Resume from this checkpoint directory (which must exist). */
  resumeFrom?: string;
  /**
   * Threads computing each batch's gradients (data parallelism, see parallel/data-parallel.ts):
   * 1 (default) trains on the main thread; 2 splits every batch with a worker thread, which on
   * 2 cores trains ~1.7x faster. Needs a named loss and metrics, built-in layers and one input.
   */
  workers?: number;
}

/** Defaults of the plain options (the others derive from the model, loss or optimizer, see TrainerOptions). */
export const TRAINER_DEFAULTS = {
  epochs: 10,
  batchSize: 32,
  seed: 42,
  shuffle: true,
  validationSplit: 0,
  optimizer: 'adam' as OptimizerName,
  progress: true,
  resume: false,
  callbacks: [] as Callback[],
  workers: 1,
};

export class Trainer implements TrainingContext {
  readonly model: tf.LayersModel;
  readonly optimizer: tf.Optimizer;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly options: Readonly<TrainerOptions>;
  history = new History();
  stopTraining = false;
  completedEpochs = 0;
  trainSize = 0;
  batchesPerEpoch = 0;

  private readonly loss: LossEntry & { name: string };
  private readonly metrics: TrainerMetric[];
  private readonly callbackList: { callback: Callback; key: string }[];
  private readonly ownsOptimizer: boolean;
  private readonly validationBatchSize: number;
  private rng: Rng;
  private running = false;
  private readonly workers: number;
  private parallel?: DataParallel;

  constructor(model: tf.LayersModel, options: TrainerOptions = {}) {
    if (!(model instanceof tf.LayersModel))
      throw new Error('Trainer needs a tf.LayersModel (tf.sequential or tf.model)');
    const o = { ...TRAINER_DEFAULTS, ...stripUndefined(options) };
    this.options = o;
    this.model = model;
    this.epochs = positiveInt(o.epochs, 'epochs', true);
    this.batchSize = positiveInt(o.batchSize, 'batchSize');
    this.validationBatchSize = positiveInt(o.validationBatchSize ?? this.batchSize, 'validationBatchSize');
    if (!Number.isFinite(o.seed)) throw new Error(`seed must be a finite number, got ${o.seed}`);
    this.seed = o.seed;
    this.rng = new Rng(this.seed);
    if (!(o.validationSplit >= 0 && o.validationSplit < 1))
      throw new Error(`validationSplit must be in [0, 1), got ${o.validationSplit}`);
    if (o.validationSplit > 0 && o.validationData)
      throw new Error('give either validationSplit or validationData, not both');

    const compiledLoss = (model as unknown as { loss?: unknown }).loss;
    const loss = o.loss ?? (typeof compiledLoss === 'string' ? (compiledLoss as LossSpec) : undefined);
    if (loss === undefined)
      throw new Error(
        `loss is required (e.g. 'categoricalCrossentropy'), since the model was not compiled with a loss name`,
      );
    this.loss = resolveLoss(loss);
    this.metrics = resolveMetrics(
      o.metrics ?? (this.loss.kind === 'regression' ? [] : ['accuracy']),
      this.loss.kind,
      this.loss.name,
    );

    const multiOutput = model.outputs.length !== 1;
    if (multiOutput && (o.loss === undefined || typeof o.loss === 'string' || this.metrics.length > 0 || o.workers > 1))
      throw new Error(
        `this model has ${model.outputs.length} outputs: the Trainer needs a loss function of them all (yPred is the list of outputs), no metrics and one worker`,
      );

    const compiledOptimizer =
      options.optimizer === undefined ? (model as unknown as { optimizer_?: tf.Optimizer }).optimizer_ : undefined;
    const opt = compiledOptimizer ?? o.optimizer;
    this.ownsOptimizer = typeof opt === 'string';
    this.optimizer = typeof opt === 'string' ? createOptimizer(opt, o.learningRate) : opt;
    if (!(this.optimizer instanceof tf.Optimizer))
      throw new Error(`optimizer must be a name or a tf.Optimizer, got ${String(opt)}`);
    if (!this.ownsOptimizer && o.learningRate !== undefined) setLearningRate(this.optimizer, o.learningRate);

    this.workers = positiveInt(o.workers, 'workers');
    if (this.workers > 1) {
      if (typeof loss !== 'string')
        throw new Error('workers > 1 needs a loss given by name (the worker threads rebuild it from the loss table)');
      const custom = (o.metrics ?? []).find((m) => typeof m !== 'string');
      if (custom)
        throw new Error(`workers > 1 supports the built-in metrics only, not '${(custom as TrainerMetric).name}'`);
      if (model.inputs.length !== 1)
        throw new Error(`workers > 1 supports single-input models; this model has ${model.inputs.length} inputs`);
    }

    const callbacks = [...o.callbacks];
    if (shouldShowProgress(o.progress)) callbacks.push(new ProgressBar());
    this.callbackList = orderCallbacks(callbacks);
  }

  get learningRate(): number {
    return getLearningRate(this.optimizer);
  }

  set learningRate(lr: number) {
    setLearningRate(this.optimizer, lr);
  }

  get rngState(): number {
    return this.rng.getState();
  }

  callbackStates(): { key: string; state: CallbackState }[] {
    return this.callbackList
      .filter(({ callback }) => callback.getState)
      .map(({ callback, key }) => ({ key, state: callback.getState!() }));
  }

  /**
   * Trains for `options.epochs` epochs (or continues a checkpointed run up to them) and returns
   * the history. Throws NonFiniteLossError on a NaN/Inf loss, before applying that update.
   * Each call is a new run (history, shuffling RNG and epoch count restart, unless resuming from
   * a checkpoint); the model keeps whatever weights it has.
   */
  async fit(data: TrainData): Promise<History> {
    if (this.running) throw new Error('Trainer.fit is already running');
    this.running = true;
    let error: unknown;
    try {
      const { train, validation } = this.prepareData(data);
      this.trainSize = train.size;
      this.batchesPerEpoch = Math.ceil(train.size / this.batchSize);
      this.rng = new Rng(this.seed);
      this.history = new History();
      this.completedEpochs = 0;
      this.stopTraining = false;
      await this.maybeResume();
      if (this.workers > 1) this.parallel = await this.startParallel(train);
      for (const { callback } of this.callbackList) await callback.onTrainBegin?.(this);
      for (let epoch = this.completedEpochs; epoch < this.epochs && !this.stopTraining; epoch++) {
        await this.runEpoch(epoch, train, validation);
      }
      return this.history;
    } catch (err) {
      error = err;
      throw err;
    } finally {
      this.running = false;
      await this.parallel?.dispose();
      this.parallel = undefined;
      for (const { callback } of this.callbackList) {
        try {
          await callback.onTrainEnd?.(this, error);
        } catch (endErr) {
          if (!error) throw endErr;
        }
      }
    }
  }

  /**
   * Loss and metrics over a whole data set, in batches of `batchSize` (inference mode: dropout
   * off, batch-norm moving statistics), as example-weighted means.
   */
  async evaluate(
    data: TrainData,
    { batchSize = this.validationBatchSize }: { batchSize?: number } = {},
  ): Promise<{ loss: number; [metric: string]: number }> {
    const ds = toDataset(data, 'evaluate data');
    positiveInt(batchSize, 'batchSize');
    if (ds.size === 0) throw new Error('evaluate data is empty');
    const sums = new Array<number>(1 + this.metrics.length).fill(0);
    for (let start = 0; start < ds.size; start += batchSize) {
      const indices = range(start, Math.min(ds.size, start + batchSize));
      const batch = ds.batch(indices);
      try {
        const values = tf.tidy(() => {
          const pred = this.forward(batch.x, false); // [b, ...outputShape]
          return [this.totalLoss(batch.y, pred), ...this.metrics.map((m) => m.fn(batch.y, pred))];
        });
        const nums = values.map((v) => v.dataSync()[0]);
        tf.dispose(values);
        nums.forEach((v, i) => (sums[i] += v * indices.length));
      } finally {
        disposeBatch(batch);
      }
    }
    const out: { loss: number; [metric: string]: number } = { loss: sums[0] / ds.size };
    this.metrics.forEach((m, i) => (out[m.name] = sums[i + 1] / ds.size));
    return out;
  }

  /** Disposes the optimizer if the Trainer created it (a passed-in or compiled optimizer stays the caller's). */
  dispose(): void {
    if (this.ownsOptimizer) this.optimizer.dispose();
  }

  private async runEpoch(epoch: number, train: Dataset, validation: Dataset | undefined): Promise<void> {
    for (const { callback } of this.callbackList) await callback.onEpochBegin?.(epoch, this);
    const lr = this.learningRate;
    const start = performance.now();
    // One permutation per epoch from the run's generator: the order depends only on seed and epoch.
    const batches = miniBatches(train.size, this.batchSize, this.options.shuffle ? this.rng : null);
    const sums = new Array<number>(1 + this.metrics.length).fill(0);
    for (let b = 0; b < batches.length; b++) {
      const batch = train.batch(batches[b]);
      let values: number[];
      try {
        values = await this.trainStep(batch, epoch, b);
      } finally {
        disposeBatch(batch);
      }
      const size = batches[b].length;
      values.forEach((v, i) => (sums[i] += v * size));
      const logs: BatchLogs = { batch: b, batches: batches.length, size, loss: values[0] };
      this.metrics.forEach((m, i) => (logs[m.name] = values[i + 1]));
      for (const { callback } of this.callbackList) await callback.onBatchEnd?.(b, logs, this);
      // Let the event loop turn once per batch: on one thread every await above resolves as a
      // microtask, so without this a SIGINT handler (the CLI's "what was saved" message) or a
      // timer would wait for the whole run. Costs microseconds per batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Built in display order: epoch, loss, metrics, validation values, lr, seconds.
    const logs = { epoch, loss: sums[0] / train.size } as EpochLogs;
    this.metrics.forEach((m, i) => (logs[m.name] = sums[i + 1] / train.size));
    if (validation) {
      const v = await this.evaluate(validation);
      logs.valLoss = v.loss;
      for (const m of this.metrics) logs[valKey(m.name)] = v[m.name];
    }
    logs.lr = lr;
    logs.seconds = (performance.now() - start) / 1000;
    this.history.push(logs);
    this.completedEpochs = epoch + 1;
    this.options.onEpochEnd?.(logs, this);
    for (const { callback } of this.callbackList) await callback.onEpochEnd?.(epoch, logs, this);
  }

  /** One optimisation step; returns [loss, ...metrics] of the batch (measured before the update). */
  private async trainStep(batch: Batch, epoch: number, b: number): Promise<number[]> {
    const variables = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { loss, metrics, grads } =
      this.parallel && !Array.isArray(batch.x)
        ? await this.parallel.gradients(batch.x, batch.y, variables, (x, y) => this.batchGradients(x, y, variables))
        : this.batchGradients(batch.x, batch.y, variables);
    try {
      if (!Number.isFinite(loss)) {
        throw new NonFiniteLossError({
          epoch,
          epochs: this.epochs,
          batch: b,
          batches: this.batchesPerEpoch,
          loss,
          learningRate: this.learningRate,
        });
      }
      // Array form keeps the optimizer's slots in model.trainableWeights order (Adam indexes them by position).
      tf.tidy(() => this.optimizer.applyGradients(variables.map((v) => ({ name: v.name, tensor: grads[v.name] }))));
    } finally {
      tf.dispose(Object.values(grads));
    }
    return [loss, ...metrics];
  }

  /** Loss, metrics (numbers) and gradients (new tensors, the caller's) of one batch on this thread. */
  private batchGradients(
    x: ModelInputs,
    y: tf.Tensor,
    variables: tf.Variable[],
  ): { loss: number; metrics: number[]; grads: tf.NamedTensorMap } {
    const metricValues: tf.Tensor[] = [];
    const { value, grads } = tf.tidy(() =>
      tf.variableGrads(() => {
        const pred = this.forward(x, true); // [b, ...outputShape]
        // Metrics of the same forward pass; kept out of the gradient tidy, freed below.
        for (const m of this.metrics) metricValues.push(tf.keep(m.fn(y, pred)));
        return this.totalLoss(y, pred);
      }, variables),
    );
    const loss = value.dataSync()[0];
    const metrics = metricValues.map((t) => t.dataSync()[0]);
    tf.dispose([value, ...metricValues]);
    return { loss, metrics, grads };
  }

  /** Starts the gradient workers with the model as it is now (after any resume). */
  private async startParallel(train: Dataset): Promise<DataParallel> {
    const sample = train.batch([0]);
    try {
      if (Array.isArray(sample.x)) throw new Error('workers > 1 supports single-input data');
      return await DataParallel.start(this.model, {
        workers: this.workers,
        loss: this.loss.name,
        metrics: this.metrics.map((m) => m.name),
        x: sample.x,
        y: sample.y,
        batchSize: this.batchSize,
      });
    } finally {
      disposeBatch(sample);
    }
  }

  /** x [b, ...inputShape] -> y [b, ...outputShape] (a multi-output model: the list of outputs, which only the loss reads). */
  private forward(x: ModelInputs, training: boolean): tf.Tensor {
    return this.model.apply(x, { training }) as tf.Tensor;
  }

  /** Batch-mean loss plus the layers' regularization penalties (as tfjs-layers' fit). */
  private totalLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
    let loss = this.loss.fn(yTrue, yPred);
    if (loss.rank !== 0)
      throw new Error(`loss '${this.loss.name}' must return a scalar (the batch mean), got shape [${loss.shape}]`);
    for (const penalty of this.model.calculateLosses()) loss = tf.add(loss, penalty);
    return loss;
  }

  private prepareData(data: TrainData): { train: Dataset; validation?: Dataset } {
    let train = toDataset(data, 'training data');
    let validation = this.options.validationData ? toDataset(this.options.validationData, 'validationData') : undefined;
    const fraction = this.options.validationSplit ?? 0;
    if (fraction > 0) {
      // Its own stream, so the validation split does not reuse the shuffle's random numbers.
      ({ train, validation } = splitDataset(train, {
        validationFraction: fraction,
        seed: seedFor(this.seed, 'validationSplit'),
      }));
    }
    if (train.size === 0) throw new Error('training data is empty');
    if (validation && validation.size === 0) throw new Error('validation data is empty');
    return { train, validation };
  }

  private async maybeResume(): Promise<void> {
    let dir = this.options.resumeFrom;
    const required = dir !== undefined;
    if (!dir && this.options.resume) {
      const checkpoint = this.callbackList.map((c) => c.callback).find((c): c is Checkpoint => c instanceof Checkpoint);
      if (!checkpoint) throw new Error('resume: true needs a Checkpoint callback (or use resumeFrom: dir)');
      dir = checkpoint.dir;
    }
    if (!dir) return;
    const loaded = await loadCheckpoint(dir);
    if (!loaded) {
      if (required) throw new Error(`resumeFrom: no checkpoint found in ${dir}`);
      return;
    }
    try {
      await this.restore(loaded);
    } finally {
      loaded.dispose();
    }
  }

  private async restore(cp: LoadedCheckpoint): Promise<void> {
    const s = cp.state;
    const mismatch = (['seed', 'batchSize', 'trainSize'] as const).filter((k) => s[k] !== this[k]);
    if (mismatch.length > 0) {
      throw new Error(
        `cannot resume from ${cp.dir}: it was written with ${mismatch.map((k) => `${k} ${s[k]}`).join(', ')}, ` +
          `but this run has ${mismatch.map((k) => `${k} ${this[k]}`).join(', ')}; an exact resume needs the same seed, batch size and training set`,
      );
    }
    const className = this.optimizer.getClassName();
    if (s.optimizer.className !== className)
      throw new Error(
        `cannot resume from ${cp.dir}: its optimizer is ${s.optimizer.className}, this run uses ${className}`,
      );
    const weights = this.model.weights;
    if (cp.modelWeights.length !== weights.length) {
      throw new Error(
        `cannot resume from ${cp.dir}: the checkpoint has ${cp.modelWeights.length} model weights, this model has ${weights.length}`,
      );
    }
    weights.forEach((w, i) => {
      const shape = cp.modelWeights[i].shape;
      if (shape.join(',') !== w.shape.join(','))
        throw new Error(
          `cannot resume from ${cp.dir}: weight ${i} (${w.name}) has shape [${shape}] in the checkpoint, [${w.shape}] in the model`,
        );
    });
    this.model.setWeights(cp.modelWeights);
    await this.optimizer.setWeights(cp.optimizerWeights);
    setOptimizerExtraState(this.optimizer, s.optimizer.extra ?? {});
    this.rng.setState(s.rngState);
    this.history = History.fromJSON(s.history);
    this.completedEpochs = s.completedEpochs;
    this.stopTraining = s.stopTraining;
    this.learningRate = s.learningRate;
    for (const { callback, key } of this.callbackList) {
      const state = cp.callbackStates.get(key);
      if (state && callback.setState) callback.setState(state);
    }
  }
}

/**
 * Trains `model` on `data` with a temporary Trainer and returns the history (the optimizer it
 * created is disposed afterwards).
 * @example
 * const history = await fit(model, { x, y }, { epochs: 3, loss: 'binaryCrossentropy' });
 */
export async function fit(model: tf.LayersModel, data: TrainData, options: TrainerOptions = {}): Promise<History> {
  const trainer = new Trainer(model, options);
  try {
    return await trainer.fit(data);
  } finally {
    trainer.dispose();
  }
}

function toDataset(data: TrainData, label: string): Dataset {
  if (isDataset(data)) return data;
  if (!data || typeof data !== 'object' || !('x' in data) || !('y' in data))
    throw new Error(`${label} must be { x, y } tensors or a Dataset`);
  return tensorDataset(data.x, data.y, label);
}

function positiveInt(v: number, name: string, allowZero = false): number {
  if (!(Number.isInteger(v) && (allowZero ? v >= 0 : v > 0)))
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${v}`);
  return v;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
