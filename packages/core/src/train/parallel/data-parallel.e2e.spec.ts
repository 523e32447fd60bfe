import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../backend/init';
import { expectClose, expectNoLeak } from '../../testing';
import { blobs, flatWeights, tinyClassifier } from '../__fixtures__/tiny';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Checkpoint } from '../checkpoint';
import { Trainer, TrainerOptions } from '../trainer';
import { DataParallel } from './data-parallel';

// Oracle: the same Trainer on one thread. For a batch-mean loss, the row-weighted mean of the
// per-thread gradients IS the batch gradient, so without batch norm the two runs agree up to
// float32 rounding of differently ordered sums (measured < 1e-6 after 3 epochs; atol 1e-5).
// The worker runs the compiled dist/ code: `npm run build` first (CI's npm ci does).

beforeAll(() => initBackend());

async function train(workers: number, batchSize: number, model = tinyClassifier(3, { l2: 1e-3 })) {
  const data = blobs(50, 4); // 50 rows: batches of 16 end with a partial batch of 2
  const trainer = new Trainer(model, {
    epochs: 3,
    batchSize,
    seed: 9,
    learningRate: 0.02,
    loss: 'categoricalCrossentropy',
    progress: false,
    workers,
  });
  const history = await trainer.fit({ x: data.x, y: data.y });
  trainer.dispose();
  tf.dispose([data.x, data.y]);
  return { weights: flatWeights(model), history };
}

describe('data-parallel training (Trainer workers: 2)', () => {
  // Slow (~2-15 s): worker threads start, load the sources and train; the single-threaded reference trains too.
  it.each([16, 7])(
    'equals single-threaded training, batch %i (odd splits and a partial last batch)',
    async (batchSize) => {
      const one = await train(1, batchSize);
      const two = await train(2, batchSize);
      expectClose(two.weights, one.weights, { atol: 1e-5, label: 'weights after 3 epochs' });
      expectClose(two.history.series('loss') as number[], one.history.series('loss') as number[], {
        atol: 1e-5,
        label: 'epoch loss',
      });
      expectClose(two.history.series('acc') as number[], one.history.series('acc') as number[], {
        atol: 1e-6,
        label: 'epoch accuracy',
      });
      expect(two.history.series('loss')[2]).toBeLessThan(two.history.series('loss')[0] as number); // it learns
    },
    120_000,
  );

  // Slow (~2-15 s): worker threads start, load the sources and train; the single-threaded reference trains too.
  it('resumes exactly: 2 epochs + a resumed run to 4 equals 4 epochs straight', async () => {
    const data = blobs(40, 6);
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-dp-')), 'checkpoint');
    const options = (epochs: number, extra: TrainerOptions = {}): TrainerOptions => ({
      epochs,
      batchSize: 12,
      seed: 2,
      learningRate: 0.02,
      loss: 'categoricalCrossentropy',
      progress: false,
      workers: 2,
      ...extra,
    });
    const straightModel = tinyClassifier(8);
    const straight = new Trainer(straightModel, options(4));
    await straight.fit({ x: data.x, y: data.y });
    straight.dispose();
    const first = new Trainer(tinyClassifier(8), options(2, { callbacks: [new Checkpoint({ dir })] }));
    await first.fit({ x: data.x, y: data.y });
    first.dispose();
    const resumedModel = tinyClassifier(99); // a different init: the weights must come from the checkpoint
    const resumed = new Trainer(resumedModel, options(4, { callbacks: [new Checkpoint({ dir })], resume: true }));
    await resumed.fit({ x: data.x, y: data.y });
    resumed.dispose();
    expectClose(flatWeights(resumedModel), flatWeights(straightModel), {
      atol: 1e-6,
      rtol: 0,
      label: 'resumed weights',
    });
    tf.dispose([data.x, data.y]);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }, 120_000);

  // Slow (~2-15 s): worker threads start, load the sources and train; the single-threaded reference trains too.
  it('trains int32 inputs (Embedding) the same way', async () => {
    const build = () =>
      tf.sequential({
        layers: [
          tf.layers.embedding({
            inputDim: 6,
            outputDim: 3,
            inputLength: 4,
            embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: 2 }),
          }),
          tf.layers.flatten(),
          tf.layers.dense({
            units: 2,
            activation: 'softmax',
            kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
          }),
        ],
      });
    const ids = tf.tensor2d(
      Array.from({ length: 40 }, (_, i) => (i * 7) % 6),
      [10, 4],
      'int32',
    );
    const y = tf.oneHot(tf.tensor1d([0, 1, 0, 1, 1, 0, 0, 1, 1, 0], 'int32'), 2).toFloat();
    const run = async (workers: number) => {
      const model = build();
      const trainer = new Trainer(model, {
        epochs: 2,
        batchSize: 5,
        shuffle: false,
        optimizer: 'sgd',
        learningRate: 0.5,
        loss: 'categoricalCrossentropy',
        progress: false,
        workers,
      });
      await trainer.fit({ x: ids, y });
      trainer.dispose();
      return flatWeights(model);
    };
    expectClose(await run(2), await run(1), { atol: 1e-5, label: 'embedding model weights' });
    tf.dispose([ids, y]);
  }, 120_000);

  // Slow (~2-15 s): worker threads start, load the sources and train; the single-threaded reference trains too.
  it('leaks no tensor across fits and stops its threads', async () => {
    const data = blobs(24, 1);
    const model = tinyClassifier(5);
    await expectNoLeak(async () => {
      const trainer = new Trainer(model, {
        epochs: 1,
        batchSize: 8,
        loss: 'categoricalCrossentropy',
        progress: false,
        workers: 2,
      });
      await trainer.fit({ x: data.x, y: data.y });
      trainer.dispose();
    });
    tf.dispose([data.x, data.y]);
  }, 120_000);

  it('says why it cannot run in parallel', () => {
    const model = tinyClassifier(1);
    const custom = (a: tf.Tensor, b: tf.Tensor) => tf.mean(tf.square(tf.sub(a, b))) as tf.Scalar;
    expect(() => new Trainer(model, { loss: custom, workers: 2 })).toThrow(/workers > 1 needs a loss given by name/);
    expect(
      () =>
        new Trainer(model, { loss: 'categoricalCrossentropy', metrics: [{ name: 'mine', fn: custom }], workers: 2 }),
    ).toThrow(/built-in metrics only, not 'mine'/);
    expect(() => new Trainer(model, { loss: 'categoricalCrossentropy', workers: 0 })).toThrow(/workers/);
  });

  // Slow (~2-15 s): worker threads start, load the sources and train; the single-threaded reference trains too.
  it('reports a worker that cannot rebuild the model', async () => {
    class Doubler extends tf.layers.Layer {
      static className = 'DlkitTestDoubler';
      call(x: tf.Tensor | tf.Tensor[]): tf.Tensor {
        return tf.mul(Array.isArray(x) ? x[0] : x, 2);
      }
    }
    tf.serialization.registerClass(Doubler); // known here, unknown in the fresh worker thread
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 3, inputShape: [2], activation: 'softmax' }), new Doubler()],
    });
    await expect(
      DataParallel.start(model, {
        workers: 2,
        loss: 'categoricalCrossentropy',
        metrics: [],
        x: tf.zeros([1, 2]),
        y: tf.zeros([1, 3]),
        batchSize: 4,
      }),
    ).rejects.toThrow(/data-parallel worker 1 could not start: .*DlkitTestDoubler/);
  }, 120_000);
});
