import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { Trainer } from './trainer';
import { TrainingTimer } from './trainingTimer';

beforeAll(() => initBackend());

describe('TrainingTimer', () => {
  it('counts the examples and time of training steps, and the epoch a run resumed from', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3], activation: 'softmax' })] });
    const x = tf.randomNormal([50, 3], 0, 1, 'float32', 1);
    const y = tf.oneHot(tf.tensor1d([...Array(50)].map((_, i) => i % 2), 'int32'), 2).toFloat();
    const timer = new TrainingTimer();
    const trainer = new Trainer(model, { epochs: 3, batchSize: 16, loss: 'categoricalCrossentropy', progress: false, callbacks: [timer] });
    await trainer.fit({ x, y });
    expect(timer.samples).toBe(150); // 3 epochs × 50 examples (batches of 16, 16, 16, 2)
    expect(timer.seconds).toBeGreaterThan(0);
    expect(timer.samplesPerSec).toBeCloseTo(150 / timer.seconds, 6);
    expect(timer.resumedFromEpoch).toBe(0);
    trainer.dispose();
    tf.dispose([x, y]);
    model.dispose();
  });
});
