import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { loadModel } from '../io/filesystem';
import { loadOnnx } from '../io/onnx/session';
import { cosineWithWarmup } from '../optim/schedules';
import { expectNoLeak, maxAbsDiff } from '../testing';
import { blobs, flatWeights, tinyClassifier } from './__fixtures__/tiny';
import type { History } from './history';
import { runTraining, type TrainingRunOptions } from './training-run';

beforeAll(() => initBackend());

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-run-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));
let dirCount = 0;
const freshDir = () => path.join(tmpRoot, `run${++dirCount}`);
const timeless = (h: History) => h.epochs.map(({ seconds: _s, ...rest }) => rest);

describe('runTraining', () => {
  let data: ReturnType<typeof blobs>;
  beforeAll(() => {
    data = blobs(60, 4);
  });
  afterAll(() => tf.dispose([data.x, data.y]));

  const options = (
    model: tf.LayersModel,
    outDir: string,
    epochs: number,
    extra: Partial<TrainingRunOptions<{ loss: number; acc: number }>> = {},
  ): TrainingRunOptions<{ loss: number; acc: number }> => ({
    model,
    data: { x: data.x, y: data.y },
    outDir,
    trainer: {
      epochs,
      batchSize: 16,
      seed: 3,
      learningRate: 0.05,
      loss: 'categoricalCrossentropy',
      validationData: { x: data.x, y: data.y },
      progress: false,
    },
    schedule: cosineWithWarmup(0.05, { totalEpochs: 4 }),
    evaluate: (trainer) => trainer.evaluate({ x: data.x, y: data.y }) as Promise<{ loss: number; acc: number }>,
    onnx: 'tiny.onnx',
    ...extra,
  });

  it('trains, evaluates and writes the model, ONNX export, curves, history and checkpoint', async () => {
    const outDir = freshDir();
    const model = tinyClassifier(1);
    const run = await runTraining(
      options(model, outDir, 3, {
        modelFiles: ({ evaluation }) => ({ 'labels.txt': 'a\nb\nc\n', 'metrics.json': JSON.stringify(evaluation) }),
        artifacts: ({ files }) => ({
          note: (writeNote(path.join(outDir, 'note.txt'), files.onnx!), path.join(outDir, 'note.txt')),
        }),
      }),
    );
    expect(run.history.length).toBe(3);
    expect(run.history.epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
    expect(run.evaluation.acc).toBeGreaterThan(0.5);
    expect(run.resumedFromEpoch).toBe(0);
    expect(run.samplesPerSec).toBeGreaterThan(0);
    expect(run.files).toEqual({
      checkpoint: path.join(outDir, 'checkpoint'),
      model: path.join(outDir, 'model'),
      onnx: path.join(outDir, 'tiny.onnx'),
      curves: path.join(outDir, 'curves.png'),
      history: path.join(outDir, 'history.json'),
      note: path.join(outDir, 'note.txt'),
    });
    for (const f of [
      'model/model.json',
      'model/weights.bin',
      'model/labels.txt',
      'model/metrics.json',
      'tiny.onnx',
      'curves.png',
      'history.json',
      'checkpoint/state.json',
      'note.txt',
    ]) {
      expect({ f, exists: fs.existsSync(path.join(outDir, f)) }).toEqual({ f, exists: true });
    }
    expect(fs.readFileSync(run.files.curves!).subarray(1, 4).toString()).toBe('PNG');
    expect(JSON.parse(fs.readFileSync(run.files.history!, 'utf8'))).toHaveLength(3);
    expect(JSON.parse(fs.readFileSync(path.join(run.files.model!, 'metrics.json'), 'utf8')).acc).toBe(
      run.evaluation.acc,
    );

    // The saved tfjs model and the ONNX export compute what the trained model computes.
    const saved = await loadModel(run.files.model!);
    const session = await loadOnnx(run.files.onnx!, { intraOpNumThreads: 1 });
    const expected = model.predict(data.x) as tf.Tensor;
    const fromDisk = saved.predict(data.x) as tf.Tensor;
    const onnx = await session.predict(data.x.dataSync() as Float32Array, data.x.shape);
    await session.dispose();
    expect(onnx.shape).toEqual([60, 3]);
    expect(maxAbsDiff(onnx.data, expected)).toBeLessThanOrEqual(1e-5);
    expect(maxAbsDiff(fromDisk, expected)).toBe(0);
    tf.dispose([expected, fromDisk]);
    saved.dispose();
    model.dispose();
  });

  it('skips the steps set to false and renames the others', async () => {
    const outDir = freshDir();
    const model = tinyClassifier(1);
    const run = await runTraining(
      options(model, outDir, 1, {
        onnx: false,
        curves: false,
        checkpoint: false,
        modelDir: 'saved',
        history: 'logs.json',
        evaluate: undefined,
      }),
    );
    expect(run.files).toEqual({ model: path.join(outDir, 'saved'), history: path.join(outDir, 'logs.json') });
    expect(fs.readdirSync(outDir).sort()).toEqual(['logs.json', 'saved']);
    expect(run.evaluation).toBeUndefined();
    model.dispose();
  });

  it('resumes from its checkpoint: 2 epochs, then 2 more, equal 4 straight', async () => {
    const straightModel = tinyClassifier(1);
    const straight = await runTraining(options(straightModel, freshDir(), 4));
    const outDir = freshDir();
    const first = tinyClassifier(1);
    await runTraining(options(first, outDir, 2));
    first.dispose();
    const resumedModel = tinyClassifier(1);
    const resumed = await runTraining(
      options(resumedModel, outDir, 4, { trainer: { ...options(resumedModel, outDir, 4).trainer, resume: true } }),
    );
    expect(resumed.resumedFromEpoch).toBe(2);
    expect(timeless(resumed.history)).toEqual(timeless(straight.history));
    expect(maxAbsDiff(flatWeights(resumedModel), flatWeights(straightModel))).toBe(0);
    expect(resumed.evaluation).toEqual(straight.evaluation);
    straightModel.dispose();
    resumedModel.dispose();
  });

  it('sets the epoch of an epoch-aware data set at every epoch, and leaks no tensor', async () => {
    const epochs: number[] = [];
    const epochAware = {
      size: 60,
      setEpoch: (e: number) => epochs.push(e),
      batch: (indices: readonly number[]) =>
        tf.tidy(() => ({ x: tf.gather(data.x, indices as number[]), y: tf.gather(data.y, indices as number[]) })),
    };
    const model = tinyClassifier(2);
    await runTraining({ ...options(model, freshDir(), 3), data: epochAware, onnx: false, curves: false });
    expect(epochs).toEqual([0, 1, 2]);
    await expectNoLeak(() => runTraining({ ...options(model, freshDir(), 2), onnx: false }), 2);
    model.dispose();
  });
});

function writeNote(file: string, onnx: string): void {
  fs.writeFileSync(file, `exported ${path.basename(onnx)}\n`);
}
