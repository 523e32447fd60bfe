import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { inverseTimeDecay } from '../optim/schedules';
import { expectNoLeak, maxAbsDiff } from '../testing';
import { blobs, flatWeights, tinyClassifier } from './__fixtures__/tiny';
import type { Callback } from './callback';
import { LearningRateScheduler } from './learning-rate-scheduler';
import { OPTIMIZERS, OptimizerName, createOptimizer, getLearningRate, setLearningRate } from './optimizers';
import { Trainer } from './trainer';

beforeAll(() => initBackend());

describe('setLearningRate', () => {
  // The first update of every optimizer in the table is linear in the learning rate
  // (SGD: -lr g; momentum: -lr g; Adam: -lr m^/(sqrt(v^)+eps); RMSprop: -lr g/sqrt(ms+eps); Adagrad, Adadelta likewise),
  // so after setLearningRate(2a) the step must be exactly twice the step at lr a, and zero at lr 0.
  it.each(Object.keys(OPTIMIZERS) as OptimizerName[])('changes the size of the next %s update', (name) => {
    const step = (lr: number) => {
      const v = tf.variable(tf.tensor1d([1, -2, 3]));
      const opt = createOptimizer(name, 123);
      setLearningRate(opt, lr);
      expect(getLearningRate(opt)).toBe(lr);
      opt.minimize(() => tf.sum(tf.mul(tf.tensor1d([0.5, 1, -2]), tf.square(v))) as tf.Scalar);
      const delta = tf.tidy(() => tf.sub(v, tf.tensor1d([1, -2, 3])).dataSync());
      opt.dispose();
      v.dispose();
      return Float32Array.from(delta);
    };
    const small = step(0.01);
    const big = step(0.02);
    expect(maxAbsDiff(step(0), [0, 0, 0])).toBe(0);
    expect(maxAbsDiff(small, [0, 0, 0])).toBeGreaterThan(1e-5);
    expect(
      maxAbsDiff(
        big,
        small.map((d) => 2 * d),
      ),
    ).toBeLessThan(1e-6);
  });

  it('rejects a negative or non-finite rate', () => {
    const opt = createOptimizer('sgd');
    expect(() => setLearningRate(opt, -1)).toThrow(/learning rate must be a finite number >= 0, got -1/);
    expect(() => setLearningRate(opt, Number.NaN)).toThrow(/got NaN/);
    opt.dispose();
  });
});

describe('LearningRateScheduler', () => {
  it('sets the rate of every epoch from the schedule, and the rate drives the update', async () => {
    const { x, y } = blobs(40, 2);
    const model = tinyClassifier(5);
    const weights: Float32Array[] = [flatWeights(model)];
    const record: Callback = { name: 'record', onEpochEnd: (_e, _l, ctx) => void weights.push(flatWeights(ctx.model)) };
    // Epoch 2 uses lr 0: its weights must not move.
    const schedule = (epoch: number) => (epoch === 2 ? 0 : inverseTimeDecay(0.2, { decayRate: 1 })(epoch));
    const trainer = new Trainer(model, {
      epochs: 4,
      batchSize: 10,
      optimizer: 'sgd',
      loss: 'categoricalCrossentropy',
      callbacks: [new LearningRateScheduler(schedule), record],
      progress: false,
    });
    const history = await trainer.fit({ x, y });
    // 0.2 / (1 + epoch)
    expect(history.series('lr')).toEqual([0.2, 0.1, 0, 0.05]);
    expect(maxAbsDiff(weights[3], weights[2])).toBe(0);
    expect(maxAbsDiff(weights[2], weights[1])).toBeGreaterThan(1e-5);
    expect(maxAbsDiff(weights[4], weights[3])).toBeGreaterThan(1e-5);
    trainer.dispose();
    // setting the rate every epoch leaves no tensor behind (Adam keeps its rate as a number too)
    await expectNoLeak(async () => {
      const t = new Trainer(model, {
        epochs: 2,
        batchSize: 10,
        optimizer: 'adam',
        loss: 'categoricalCrossentropy',
        callbacks: [new LearningRateScheduler(schedule)],
        progress: false,
      });
      await t.fit({ x, y });
      t.dispose();
    }, 1);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('with everyBatch, sets the rate after every batch from the fractional epoch', async () => {
    const { x, y } = blobs(40, 2);
    const model = tinyClassifier(5);
    const seen: number[] = [];
    // The rate each batch trains with, read before the scheduler's onBatchEnd sets the next one.
    const record: Callback = {
      name: 'record',
      priority: -1,
      onBatchEnd: (_b, _l, ctx) => void seen.push(ctx.learningRate),
    };
    const schedule = (epoch: number) => 1 - epoch / 2; // linear from 1 to 0 over 2 epochs
    const trainer = new Trainer(model, {
      epochs: 2,
      batchSize: 10,
      optimizer: 'sgd',
      loss: 'categoricalCrossentropy',
      callbacks: [record, new LearningRateScheduler(schedule, { everyBatch: true })],
      progress: false,
    });
    await trainer.fit({ x, y });
    // 4 batches per epoch: batch k of epoch e trains at 1 - (e + k / 4) / 2.
    expect(seen).toEqual([1, 0.875, 0.75, 0.625, 0.5, 0.375, 0.25, 0.125]);
    trainer.dispose();
    model.dispose();
    tf.dispose([x, y]);
  });

  it('rejects a schedule that returns a bad rate', async () => {
    const { x, y } = blobs(9, 2);
    const trainer = new Trainer(tinyClassifier(1), {
      epochs: 2,
      loss: 'categoricalCrossentropy',
      callbacks: [new LearningRateScheduler(() => Number.NaN)],
      progress: false,
    });
    await expect(trainer.fit({ x, y })).rejects.toThrow(/schedule returned NaN for epoch 0/);
    trainer.dispose();
    tf.dispose([x, y]);
  });
});
