import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { expectNoLeak } from '../testing';
import type { TrainingContext } from './callback';
import { Trainer } from './trainer';
import { TrainingTimer } from './training-timer';

beforeAll(() => initBackend());

describe('TrainingTimer', () => {
  it('counts the examples and time of training steps, and the epoch a run resumed from', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax' })] });
    const x = tf.randomNormal([50, 3], 0, 1, 'float32', 1);
    const y = tf
      .oneHot(
        tf.tensor1d(
          [...Array(50)].map((_, i) => i % 2),
          'int32',
        ),
        2,
      )
      .toFloat();
    const timer = new TrainingTimer();
    const trainer = new Trainer(model, {
      epochs: 3,
      batchSize: 16,
      loss: 'categoricalCrossentropy',
      progress: false,
      callbacks: [timer],
    });
    await trainer.fit({ x, y });
    expect(timer.samples).toBe(150); // 3 epochs × 50 examples (batches of 16, 16, 16, 2)
    expect(timer.seconds).toBeGreaterThan(0);
    expect(timer.resumedFromEpoch).toBe(0);
    trainer.dispose();
    tf.dispose([x, y]);
    model.dispose();
  });

  // Driven by hand with a fake clock: the seconds are known, so samplesPerSec is checked against
  // numbers worked out here rather than against its own formula.
  it('samplesPerSec is the examples over the seconds of training steps, 0 before a full epoch', () => {
    const now = jest.spyOn(performance, 'now');
    try {
      const timer = new TrainingTimer();
      const ctx = { history: { length: 0 } } as unknown as TrainingContext;
      timer.onTrainBegin(ctx);
      expect(timer.samplesPerSec).toBe(0);
      // epoch 1: batches of 16 and 4 examples, from t = 1,000 ms to t = 1,500 ms
      now.mockReturnValue(1000);
      timer.onEpochBegin();
      timer.onBatchEnd(0, { batch: 0, batches: 2, size: 16, loss: 1 });
      expect(timer.samplesPerSec).toBe(0); // the epoch has not ended yet
      now.mockReturnValue(1500);
      timer.onBatchEnd(1, { batch: 1, batches: 2, size: 4, loss: 1 });
      expect(timer.seconds).toBeCloseTo(0.5, 12);
      expect(timer.samplesPerSec).toBeCloseTo(40, 9); // 20 examples in 0.5 s
      // epoch 2, 1.5 s: 40 examples in 2 s; the time between epochs (validation) does not count
      now.mockReturnValue(4000);
      timer.onEpochBegin();
      timer.onBatchEnd(0, { batch: 0, batches: 2, size: 16, loss: 1 });
      now.mockReturnValue(5500);
      timer.onBatchEnd(1, { batch: 1, batches: 2, size: 4, loss: 1 });
      expect(timer.samples).toBe(40);
      expect(timer.seconds).toBeCloseTo(2, 12);
      expect(timer.samplesPerSec).toBeCloseTo(20, 9);
      // a run resumed after 3 epochs starts counting afresh
      timer.onTrainBegin({ history: { length: 3 } } as unknown as TrainingContext);
      expect(timer).toMatchObject({ samples: 0, seconds: 0, samplesPerSec: 0, resumedFromEpoch: 3 });
    } finally {
      now.mockRestore();
    }
  });

  it('leaks no tensors through a training run', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax' })] });
    const x = tf.randomNormal([20, 3], 0, 1, 'float32', 2);
    const y = tf
      .oneHot(
        tf.tensor1d(
          [...Array(20)].map((_, i) => i % 2),
          'int32',
        ),
        2,
      )
      .toFloat();
    await expectNoLeak(async () => {
      const trainer = new Trainer(model, {
        epochs: 1,
        batchSize: 8,
        loss: 'categoricalCrossentropy',
        progress: false,
        callbacks: [new TrainingTimer()],
      });
      await trainer.fit({ x, y });
      trainer.dispose();
    }, 2);
    tf.dispose([x, y]);
    model.dispose();
  });
});
