import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { loadModel } from '../io/filesystem';
import { exponentialDecay } from '../optim/schedules';
import { expectClose, expectNoLeak } from '../testing';
import { blobs, flatWeights, tinyClassifier } from './__fixtures__/tiny';
import type { Callback } from './callback';
import { Checkpoint, CheckpointState, loadCheckpoint } from './checkpoint';
import { EarlyStopping } from './early-stopping';
import type { EpochLogs, History } from './history';
import { LearningRateScheduler } from './learning-rate-scheduler';
import { Trainer, TrainerOptions } from './trainer';

beforeAll(() => initBackend());

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-ckpt-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
let dirCount = 0;
const freshDir = () => path.join(tmpRoot, `run${++dirCount}`, 'checkpoint');

/** History without wall-clock times, which differ between runs. */
const timeless = (h: History | EpochLogs[]) =>
  (Array.isArray(h) ? h : h.epochs).map(({ seconds: _s, ...rest }) => rest);

describe('Checkpoint and resume', () => {
  let data: ReturnType<typeof blobs>;
  beforeAll(() => {
    data = blobs(90, 4);
  });
  afterAll(() => tf.dispose([data.x, data.y]));

  // Adam (slots + iteration count), a schedule, a validation split and a stateful callback with
  // tensors (EarlyStopping keeping its best weights): everything a resume must restore.
  const options = (extra: TrainerOptions = {}): TrainerOptions => ({
    epochs: 4,
    batchSize: 16,
    seed: 9,
    learningRate: 0.02,
    loss: 'categoricalCrossentropy',
    validationSplit: 0.2,
    progress: false,
    ...extra,
    callbacks: [
      new EarlyStopping({ monitor: 'valAcc', patience: 10, restoreBestWeights: true }),
      new LearningRateScheduler(exponentialDecay(0.02, { rate: 0.7 })),
      ...(extra.callbacks ?? []),
    ],
  });

  async function straightRun(epochs = 4): Promise<{ weights: Float32Array; history: History }> {
    const model = tinyClassifier(1);
    const trainer = new Trainer(model, options({ epochs }));
    const history = await trainer.fit({ x: data.x, y: data.y });
    trainer.dispose();
    return { weights: flatWeights(model), history };
  }

  it('2 epochs + a new Trainer and model resuming to 4 equals 4 epochs straight', async () => {
    const straight = await straightRun();
    const dir = freshDir();
    const first = new Trainer(tinyClassifier(1), options({ epochs: 2, callbacks: [new Checkpoint({ dir })] }));
    await first.fit({ x: data.x, y: data.y });
    first.dispose();
    expect(fs.readdirSync(dir).sort()).toEqual(['callbacks.bin', 'model', 'optimizer.bin', 'state.json']);

    // A different initialisation: everything must come from the checkpoint.
    const model = tinyClassifier(123);
    const resumed = new Trainer(model, options({ epochs: 4, callbacks: [new Checkpoint({ dir })], resume: true }));
    const history = await resumed.fit({ x: data.x, y: data.y });
    resumed.dispose();
    expectClose(flatWeights(model), straight.weights, { atol: 1e-6, rtol: 0, label: 'resumed weights' });
    expect(timeless(history)).toEqual(timeless(straight.history));
    expectClose(history.series('lr') as number[], [0.02, 0.014, 0.0098, 0.00686], {
      atol: 1e-12,
      label: 'scheduled lr',
    });
  });

  it('writes a complete, loadable checkpoint after every epoch', async () => {
    const dir = freshDir();
    const seen: number[] = [];
    // Runs after the Checkpoint (priority 100): reads what was just written.
    const probe: Callback = {
      name: 'probe',
      priority: 200,
      onEpochEnd: () =>
        void seen.push(
          (JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as CheckpointState).completedEpochs,
        ),
    };
    const model = tinyClassifier(2);
    const trainer = new Trainer(model, options({ epochs: 3, callbacks: [probe, new Checkpoint({ dir })] }));
    await trainer.fit({ x: data.x, y: data.y });
    expect(seen).toEqual([1, 2, 3]);
    trainer.dispose();
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as CheckpointState;
    expect(state).toMatchObject({
      format: 'dlkit-checkpoint',
      version: 1,
      completedEpochs: 3,
      seed: 9,
      batchSize: 16,
      trainSize: 72,
      stopTraining: false,
    });
    expect(state.history).toHaveLength(3);
    expect(state.optimizer.className).toBe('Adam');
    // Adam: iteration count + m and v for 4 weights; iterations = 3 epochs x ceil(72 / 16) steps.
    expect(state.optimizer.specs.map((s) => s.name)[0]).toBe('iter');
    expect(state.optimizer.specs).toHaveLength(1 + 2 * 4);
    const loaded = (await loadCheckpoint(dir))!;
    expect(loaded.optimizerWeights[0].tensor.dataSync()[0]).toBe(15);
    expect(loaded.callbackStates.get('earlyStopping')!.tensors).toHaveLength(4);
    loaded.dispose();
    // The model folder is an ordinary tfjs model.
    const again = await loadModel(path.join(dir, 'model'));
    const ckptWeights = tf.tidy(() => again.weights.map((w) => w.read().clone()));
    expect(ckptWeights.map((t) => t.shape)).toEqual(model.weights.map((w) => w.shape));
    tf.dispose(ckptWeights);
  });

  it('survives an interruption mid-epoch, ignoring a half-written temporary directory', async () => {
    const straight = await straightRun();
    const dir = freshDir();
    // Crash in the middle of epoch 2 (0-based), after the checkpoint of epoch 1 was written...
    const crash: Callback = {
      name: 'crash',
      onBatchEnd: (batch, _logs, ctx) => {
        if (ctx.completedEpochs === 2 && batch === 2) throw new Error('simulated crash');
      },
    };
    const first = new Trainer(tinyClassifier(1), options({ callbacks: [new Checkpoint({ dir }), crash] }));
    await expect(first.fit({ x: data.x, y: data.y })).rejects.toThrow('simulated crash');
    first.dispose();
    // ...and as if an earlier process died while filling its temporary checkpoint directory.
    const stale = path.join(path.dirname(dir), `.${path.basename(dir)}.99999.1700000000000.tmp`);
    fs.mkdirSync(path.join(stale, 'model'), { recursive: true });
    fs.writeFileSync(path.join(stale, 'model', 'weights.bin'), Buffer.alloc(10));
    fs.writeFileSync(path.join(stale, 'optimizer.bin'), Buffer.alloc(3));

    const model = tinyClassifier(55);
    const resumed = new Trainer(model, options({ callbacks: [new Checkpoint({ dir })], resume: true }));
    const history = await resumed.fit({ x: data.x, y: data.y });
    resumed.dispose();
    expectClose(flatWeights(model), straight.weights, { atol: 1e-6, rtol: 0, label: 'weights after crash + resume' });
    expect(timeless(history)).toEqual(timeless(straight.history));
    expect(fs.existsSync(stale)).toBe(false); // cleaned up by the next successful write
  });

  it('uses the complete temporary directory when a run died between the two renames', async () => {
    const dir = freshDir();
    const trainer = new Trainer(tinyClassifier(1), options({ epochs: 2, callbacks: [new Checkpoint({ dir })] }));
    await trainer.fit({ x: data.x, y: data.y });
    trainer.dispose();
    const moved = path.join(path.dirname(dir), `.${path.basename(dir)}.4242.1700000000001.tmp`);
    fs.renameSync(dir, moved);
    const loaded = (await loadCheckpoint(dir))!;
    expect(loaded.dir).toBe(moved);
    expect(loaded.state.completedEpochs).toBe(2);
    loaded.dispose();
    expect(await loadCheckpoint(path.join(tmpRoot, 'nothing-here'))).toBeNull();
  });

  it('resume: true starts fresh without a checkpoint; a finished or stopped run does not train again', async () => {
    const dir = freshDir();
    const fresh = new Trainer(
      tinyClassifier(1),
      options({ epochs: 2, callbacks: [new Checkpoint({ dir })], resume: true }),
    );
    expect((await fresh.fit({ x: data.x, y: data.y })).length).toBe(2);
    fresh.dispose();
    let batches = 0;
    const count: Callback = { name: 'count', onBatchEnd: () => void batches++ };
    const again = new Trainer(
      tinyClassifier(1),
      options({ epochs: 2, callbacks: [new Checkpoint({ dir }), count], resume: true }),
    );
    expect((await again.fit({ x: data.x, y: data.y })).length).toBe(2);
    expect(batches).toBe(0);
    again.dispose();

    // Stopped early: the stop is part of the checkpoint.
    const dir2 = freshDir();
    const stopper = new EarlyStopping({ monitor: 'loss', patience: 1, minDelta: 100 });
    const stopped = new Trainer(tinyClassifier(1), {
      ...options({ epochs: 6 }),
      callbacks: [stopper, new Checkpoint({ dir: dir2 })],
    });
    expect((await stopped.fit({ x: data.x, y: data.y })).length).toBe(2);
    stopped.dispose();
    const resumed = new Trainer(tinyClassifier(1), {
      ...options({ epochs: 6 }),
      callbacks: [
        new EarlyStopping({ monitor: 'loss', patience: 1, minDelta: 100 }),
        new Checkpoint({ dir: dir2 }),
        count,
      ],
      resume: true,
    });
    expect((await resumed.fit({ x: data.x, y: data.y })).length).toBe(2);
    expect(batches).toBe(0);
    resumed.dispose();
  });

  it('refuses to resume a different run, naming what differs', async () => {
    const dir = freshDir();
    const trainer = new Trainer(tinyClassifier(1), options({ epochs: 1, callbacks: [new Checkpoint({ dir })] }));
    await trainer.fit({ x: data.x, y: data.y });
    trainer.dispose();
    const other = new Trainer(tinyClassifier(1), options({ seed: 10, resumeFrom: dir }));
    await expect(other.fit({ x: data.x, y: data.y })).rejects.toThrow(
      /cannot resume from .*: it was written with seed 9, but this run has seed 10/,
    );
    other.dispose();
    const sgd = new Trainer(tinyClassifier(1), options({ optimizer: 'sgd', resumeFrom: dir }));
    await expect(sgd.fit({ x: data.x, y: data.y })).rejects.toThrow(/its optimizer is Adam, this run uses SGD/);
    sgd.dispose();
    const bigger = new Trainer(tinyClassifier(1, { hidden: 9 }), options({ resumeFrom: dir }));
    await expect(bigger.fit({ x: data.x, y: data.y })).rejects.toThrow(
      /weight 0 \(.*\) has shape \[2,8\] in the checkpoint, \[2,9\] in the model/,
    );
    bigger.dispose();
    const missing = new Trainer(tinyClassifier(1), options({ resumeFrom: path.join(tmpRoot, 'missing') }));
    await expect(missing.fit({ x: data.x, y: data.y })).rejects.toThrow(/resumeFrom: no checkpoint found in/);
    missing.dispose();
    await expect(
      new Trainer(tinyClassifier(1), options({ resume: true })).fit({ x: data.x, y: data.y }),
    ).rejects.toThrow(/needs a Checkpoint callback/);
  });

  it('saving a checkpoint and resuming from it leak no tensors', async () => {
    await expectNoLeak(async () => {
      const dir = freshDir();
      for (const [epochs, resume] of [
        [1, false],
        [2, true],
      ] as const) {
        const model = tinyClassifier(1);
        const trainer = new Trainer(model, options({ epochs, callbacks: [new Checkpoint({ dir })], resume }));
        await trainer.fit({ x: data.x, y: data.y });
        trainer.dispose();
        model.dispose();
      }
    }, 1);
  });
});
