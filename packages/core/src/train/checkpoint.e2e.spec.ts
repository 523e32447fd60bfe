// Kill and resume for real: a child process training with a Checkpoint is SIGKILLed mid-epoch, at a
// point it announces, and the resumed run ends with the same weights and history as an
// uninterrupted one.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { expectClose, maxAbsDiff } from '../testing';
import { blobs, flatWeights, tinyClassifier } from './__fixtures__/tiny';
import { killRunOptions } from './__fixtures__/kill-run';
import { Checkpoint, CheckpointState } from './checkpoint';
import type { EpochLogs, History } from './history';
import { Trainer } from './trainer';

beforeAll(() => initBackend());

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-ckpt-kill-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
const freshDir = () => path.join(tmpRoot, 'run', 'checkpoint');

/** History without wall-clock times, which differ between runs. */
const timeless = (h: History | EpochLogs[]) =>
  (Array.isArray(h) ? h : h.epochs).map(({ seconds: _s, ...rest }) => rest);

describe('Checkpoint across a killed process', () => {
  // Slow (~10-30 s): a child process loads the sources and trains 2+ epochs; then 8 epochs twice here.
  it('resumes a real process killed with SIGKILL to the same result as an uninterrupted run', async () => {
    const epochs = 8;
    const dir = freshDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    // The child pauses after batch 5 of epoch 3 (the checkpoint of epoch 2 is on disk) and says so.
    const child = spawn(
      process.execPath,
      [path.join(__dirname, '__fixtures__', 'kill-child.js'), dir, String(epochs), '2', '5'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('paused\n')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before it paused: ${stderr || stdout}`)));
    });
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    expect(stdout).toBe('epoch 0\nepoch 1\npaused\n'); // logs.epoch is 0-based
    expect((JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as CheckpointState).completedEpochs).toBe(
      2,
    );

    const { x, y } = blobs(killRunOptions.examples, killRunOptions.dataSeed);
    const straightModel = tinyClassifier(killRunOptions.modelSeed);
    const straight = new Trainer(straightModel, { ...killRunOptions.trainer, epochs });
    const straightHistory = await straight.fit({ x, y });
    straight.dispose();

    const model = tinyClassifier(999);
    const resumed = new Trainer(model, {
      ...killRunOptions.trainer,
      epochs,
      callbacks: [new Checkpoint({ dir })],
      resume: true,
    });
    const history = await resumed.fit({ x, y });
    resumed.dispose();
    expectClose(flatWeights(model), flatWeights(straightModel), {
      atol: 1e-6,
      rtol: 0,
      label: 'weights after SIGKILL + resume',
    });
    expect(timeless(history)).toEqual(timeless(straightHistory));
    expect(maxAbsDiff(flatWeights(model), flatWeights(tinyClassifier(killRunOptions.modelSeed)))).toBeGreaterThan(1e-3);
    tf.dispose([x, y]);
  }, 60_000);
});
