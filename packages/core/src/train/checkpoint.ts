/**
 * Training checkpoints: after every epoch, everything a run needs to continue exactly where it
 * stopped, written as ONE directory that replaces the previous one atomically
 * (`replaceDirAtomic`: filled in a temporary sibling, then renamed), so a process killed at any
 * moment leaves either the previous complete checkpoint or the new one:
 *
 * ```
 * dir/
 *   model/model.json, model/weights.bin   the model (tfjs layers format, `fileSystem`)
 *   optimizer.bin                         optimizer.getWeights(): iteration count + slots (Adam m, v, ...);
 *                                         Adam's beta^t products go in state.json (getOptimizerExtraState)
 *   callbacks.bin                         tensors of stateful callbacks (EarlyStopping's best weights)
 *   state.json                            written last: epoch, RNG state, learning rate, history,
 *                                         tensor specs of the two .bin files, callback JSON states
 * ```
 *
 * Resume with `new Trainer(model, { ..., callbacks: [new Checkpoint({ dir })], resume: true })`
 * (or `resumeFrom: dir`): the model's weights, the optimizer's state, the shuffling RNG, the
 * history and the callbacks' states are restored, and the run continues with the next epoch,
 * giving the same weights as a run that was never interrupted.
 *
 * @example
 * const trainer = new Trainer(model, { epochs: 20, callbacks: [new Checkpoint({ dir: 'out/checkpoint' })], resume: true });
 * await trainer.fit({ x, y }); // rerun after a crash: continues from the last completed epoch
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { replaceDirAtomic } from '../io/atomic';
import { fileSystem } from '../io/filesystem';
import { CALLBACK_PRIORITY, type Callback, type CallbackState, type TrainingContext } from './callback';
import type { EpochLogs } from './history';
import { getOptimizerExtraState } from './optimizers';

/** What optimizer.getWeights() returns: { name, tensor }[], iteration count first. */
export type OptimizerWeights = Awaited<ReturnType<tf.Optimizer['getWeights']>>;

export const CHECKPOINT_FORMAT = 'dlkit-checkpoint';
export const CHECKPOINT_VERSION = 1;

const STATE_JSON = 'state.json';
const MODEL_DIR = 'model';
const OPTIMIZER_BIN = 'optimizer.bin';
const CALLBACKS_BIN = 'callbacks.bin';

/** Contents of state.json. */
export interface CheckpointState {
  format: typeof CHECKPOINT_FORMAT;
  version: number;
  /** Epochs completed; the resumed run starts at this epoch index. */
  completedEpochs: number;
  /** What must match for an exact resume. */
  seed: number;
  batchSize: number;
  trainSize: number;
  rngState: number;
  learningRate: number;
  stopTraining: boolean;
  history: EpochLogs[];
  optimizer: { className: string; specs: tf.io.WeightsManifestEntry[]; extra: Record<string, number> };
  callbacks: { key: string; json: unknown; specs: tf.io.WeightsManifestEntry[] }[];
  savedAt: string;
}

export interface CheckpointOptions {
  /** The checkpoint directory (replaced as a whole after every epoch). */
  dir: string;
}

export class Checkpoint implements Callback {
  readonly name = 'checkpoint';
  /** Runs after every other callback, so their states are current. */
  readonly priority = CALLBACK_PRIORITY.checkpoint;
  readonly dir: string;

  constructor(options: CheckpointOptions) {
    if (!options || typeof options.dir !== 'string' || options.dir === '')
      throw new Error(`Checkpoint needs { dir: string }, got ${JSON.stringify(options)}`);
    this.dir = options.dir;
  }

  async onEpochEnd(_epoch: number, _logs: EpochLogs, ctx: TrainingContext): Promise<void> {
    await writeCheckpoint(this.dir, ctx);
  }
}

/** Writes the checkpoint of `ctx` to `dir` atomically, then removes stale temporary siblings left by killed runs. */
export async function writeCheckpoint(dir: string, ctx: TrainingContext): Promise<void> {
  const optimizerWeights = await ctx.optimizer.getWeights();
  const callbackStates = ctx.callbackStates();
  try {
    await replaceDirAtomic(dir, async (tmp) => {
      await ctx.model.save(fileSystem(path.join(tmp, MODEL_DIR)));
      const opt = await tf.io.encodeWeights(optimizerWeights);
      fs.writeFileSync(path.join(tmp, OPTIMIZER_BIN), Buffer.from(joinBuffers(opt.data)));
      const named = callbackStates.flatMap(({ key, state }) =>
        (state.tensors ?? []).map((tensor, i) => ({ name: `${key}/${i}`, tensor })),
      );
      const cbs = await tf.io.encodeWeights(named);
      fs.writeFileSync(path.join(tmp, CALLBACKS_BIN), Buffer.from(joinBuffers(cbs.data)));
      let offset = 0;
      const state: CheckpointState = {
        format: CHECKPOINT_FORMAT,
        version: CHECKPOINT_VERSION,
        completedEpochs: ctx.completedEpochs,
        seed: ctx.seed,
        batchSize: ctx.batchSize,
        trainSize: ctx.trainSize,
        rngState: ctx.rngState,
        learningRate: ctx.learningRate,
        stopTraining: ctx.stopTraining,
        history: ctx.history.toJSON(),
        optimizer: {
          className: ctx.optimizer.getClassName(),
          specs: opt.specs,
          extra: getOptimizerExtraState(ctx.optimizer),
        },
        callbacks: callbackStates.map(({ key, state: s }) => {
          const n = s.tensors?.length ?? 0;
          const specs = cbs.specs.slice(offset, offset + n);
          offset += n;
          return { key, json: s.json ?? null, specs };
        }),
        savedAt: new Date().toISOString(),
      };
      // Last: its presence marks the directory complete.
      fs.writeFileSync(path.join(tmp, STATE_JSON), JSON.stringify(state));
    });
  } finally {
    // getWeights() makes a new scalar for the iteration count (element 0); the rest are the optimizer's own variables.
    optimizerWeights[0]?.tensor.dispose();
  }
  removeStaleTemporaries(dir);
}

/** A checkpoint read into memory, ready to be applied; `dispose()` frees its tensors. */
export interface LoadedCheckpoint {
  /** The directory it was read from. */
  dir: string;
  state: CheckpointState;
  /** In `model.weights` order. */
  modelWeights: tf.Tensor[];
  /** In `optimizer.getWeights()` order (iterations first). */
  optimizerWeights: OptimizerWeights;
  callbackStates: Map<string, CallbackState>;
  dispose(): void;
}

/**
 * Reads the checkpoint in `dir`, or returns null when there is none. Temporary directories of
 * an interrupted write are ignored; if `dir` itself is missing because a run was killed between
 * the two renames of `replaceDirAtomic`, the complete temporary sibling is used instead.
 */
export async function loadCheckpoint(dir: string): Promise<LoadedCheckpoint | null> {
  if (fs.existsSync(dir)) {
    if (!isComplete(dir))
      throw new Error(
        `${dir}: not a complete checkpoint (no valid ${STATE_JSON} and ${MODEL_DIR}/model.json); delete it or resume from another directory`,
      );
    return readCheckpointDir(dir);
  }
  // Killed between the renames: the newest complete temporary wins; a half-deleted one is skipped.
  for (const candidate of temporarySiblings(dir).filter(isComplete)) {
    try {
      return await readCheckpointDir(candidate);
    } catch {
      continue;
    }
  }
  return null;
}

async function readCheckpointDir(dir: string): Promise<LoadedCheckpoint> {
  const state = readState(dir);
  const tensors: tf.Tensor[] = [];
  try {
    const artifacts = await fileSystem(path.join(dir, MODEL_DIR)).load!();
    const modelWeights = decodeOrdered(
      artifacts.weightData as ArrayBuffer,
      artifacts.weightSpecs ?? [],
      path.join(dir, MODEL_DIR),
    );
    tensors.push(...modelWeights);
    const optTensors = decodeOrdered(
      readBin(path.join(dir, OPTIMIZER_BIN)),
      state.optimizer.specs,
      path.join(dir, OPTIMIZER_BIN),
    );
    tensors.push(...optTensors);
    const optimizerWeights = optTensors.map((tensor, i) => ({ name: state.optimizer.specs[i].name, tensor }));
    const cbSpecs = state.callbacks.flatMap((c) => c.specs);
    const cbTensors = decodeOrdered(readBin(path.join(dir, CALLBACKS_BIN)), cbSpecs, path.join(dir, CALLBACKS_BIN));
    tensors.push(...cbTensors);
    const callbackStates = new Map<string, CallbackState>();
    let offset = 0;
    for (const c of state.callbacks) {
      callbackStates.set(c.key, { json: c.json, tensors: cbTensors.slice(offset, offset + c.specs.length) });
      offset += c.specs.length;
    }
    return { dir, state, modelWeights, optimizerWeights, callbackStates, dispose: () => tf.dispose(tensors) };
  } catch (err) {
    tf.dispose(tensors);
    throw err;
  }
}

function readState(dir: string): CheckpointState {
  const file = path.join(dir, STATE_JSON);
  let state: CheckpointState;
  try {
    state = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: cannot read checkpoint state (${(err as Error).message})`);
  }
  if (state.format !== CHECKPOINT_FORMAT) throw new Error(`${file}: not a dlkit checkpoint (format '${state.format}')`);
  if (state.version !== CHECKPOINT_VERSION)
    throw new Error(`${file}: checkpoint version ${state.version}, this dlkit reads version ${CHECKPOINT_VERSION}`);
  return state;
}

function isComplete(dir: string): boolean {
  try {
    readState(dir);
    return fs.existsSync(path.join(dir, MODEL_DIR, 'model.json'));
  } catch {
    return false;
  }
}

/** Siblings named like replaceDirAtomic's temporaries of `dir`: `.<base>.<pid>.<time>.tmp[.old]`. */
function temporarySiblings(dir: string): string[] {
  const parent = path.dirname(path.resolve(dir));
  const prefix = `.${path.basename(dir)}.`;
  if (!fs.existsSync(parent)) return [];
  return fs
    .readdirSync(parent)
    .filter((f) => f.startsWith(prefix) && /\.\d+\.\d+\.tmp(\.old)?$/.test(f.slice(prefix.length - 1)))
    .map((f) => path.join(parent, f))
    .sort((a, b) => readEpochs(b) - readEpochs(a));
}

function readEpochs(dir: string): number {
  try {
    return readState(dir).completedEpochs;
  } catch {
    return -1;
  }
}

function removeStaleTemporaries(dir: string): void {
  for (const d of temporarySiblings(dir)) fs.rmSync(d, { recursive: true, force: true });
}

function readBin(file: string): ArrayBuffer {
  if (!fs.existsSync(file)) throw new Error(`${file}: missing from the checkpoint`);
  const buf = fs.readFileSync(file);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

function joinBuffers(data: tf.io.WeightData): ArrayBuffer {
  return tf.io.CompositeArrayBuffer.join(data as ArrayBuffer | ArrayBuffer[]);
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, float16: 2 };

/** Decodes tensors in spec order (tf.io.decodeWeights returns a map, which would merge equal names). */
function decodeOrdered(data: ArrayBuffer, specs: tf.io.WeightsManifestEntry[], label: string): tf.Tensor[] {
  const sizes = specs.map((s) => {
    const bytes = BYTES[s.dtype];
    if (!bytes || s.quantization)
      throw new Error(
        `${label}: unsupported weight dtype ${s.dtype}${s.quantization ? ' (quantized)' : ''} for ${s.name}`,
      );
    return s.shape.reduce((a, b) => a * b, 1) * bytes;
  });
  const total = sizes.reduce((a, b) => a + b, 0);
  if (data.byteLength !== total)
    throw new Error(
      `${label}: ${data.byteLength} bytes, expected ${total} from the checkpoint's specs (truncated or mismatched)`,
    );
  const out: tf.Tensor[] = [];
  let offset = 0;
  specs.forEach((spec, i) => {
    out.push(tf.io.decodeWeights(data.slice(offset, offset + sizes[i]), [spec])[spec.name]);
    offset += sizes[i];
  });
  return out;
}
