import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { maxAbsDiff } from '../testing';
import { blobs, flatWeights, tinyClassifier } from './__fixtures__/tiny';
import type { Callback, TrainingContext } from './callback';
import { EarlyStopping } from './early-stopping';
import type { EpochLogs } from './history';
import { Trainer } from './trainer';

beforeAll(() => initBackend());

/** Feeds a sequence of monitored values and returns the epoch at which stopTraining was set. */
function stopEpoch(es: EarlyStopping, values: number[], key = 'valLoss'): number {
  const ctx = { stopTraining: false } as TrainingContext;
  es.onTrainBegin();
  for (let epoch = 0; epoch < values.length; epoch++) {
    es.onEpochEnd(epoch, { epoch, loss: 1, lr: 0.1, seconds: 0, [key]: values[epoch] } as EpochLogs, ctx);
    if (ctx.stopTraining) return epoch;
  }
  return -1;
}

describe('EarlyStopping', () => {
  it('stops after `patience` epochs in a row without improvement (hand-worked sequences)', () => {
    // best 0.5 at epoch 1; epochs 2, 3 do not improve -> stop at epoch 3 with patience 2.
    expect(stopEpoch(new EarlyStopping({ patience: 2 }), [0.9, 0.5, 0.6, 0.55, 0.1])).toBe(3);
    // An improvement resets the count: 0.9, 0.8 (best), 0.85, 0.7 (best), 0.75, 0.72 -> stop at 5.
    expect(stopEpoch(new EarlyStopping({ patience: 2 }), [0.9, 0.8, 0.85, 0.7, 0.75, 0.72])).toBe(5);
    // minDelta: 0.5 -> 0.49 is not an improvement of more than 0.05.
    expect(stopEpoch(new EarlyStopping({ patience: 1, minDelta: 0.05 }), [0.5, 0.49])).toBe(1);
    // Accuracy is maximised in 'auto' mode.
    expect(stopEpoch(new EarlyStopping({ monitor: 'valAcc', patience: 1 }), [0.5, 0.6, 0.7, 0.65], 'valAcc')).toBe(3);
    expect(stopEpoch(new EarlyStopping({ patience: 3 }), [1, 0.9, 0.8, 0.7])).toBe(-1);
  });

  it('names the missing key when the monitored value is absent', () => {
    const es = new EarlyStopping({ monitor: 'valLoss' });
    expect(() =>
      es.onEpochEnd(0, { epoch: 0, loss: 1, lr: 0.1, seconds: 0 }, { stopTraining: false } as TrainingContext),
    ).toThrow(
      /monitors 'valLoss' but the epoch logs have only epoch, loss, lr, seconds; give the Trainer validationData or a validationSplit/,
    );
    expect(() => new EarlyStopping({ patience: -1 })).toThrow(/patience must be an integer >= 0/);
  });

  it('stops a real run and restores the weights of the best epoch', async () => {
    const { x, y } = blobs(60, 1);
    const model = tinyClassifier(3);
    const snapshots: Float32Array[] = [];
    const record: Callback = {
      name: 'record',
      onEpochEnd: (_e, _l, ctx) => void snapshots.push(flatWeights(ctx.model)),
    };
    // Monitoring the training loss with a huge minDelta: epoch 0 is the only "improvement".
    const es = new EarlyStopping({ monitor: 'loss', patience: 2, minDelta: 10, restoreBestWeights: true });
    const trainer = new Trainer(model, {
      epochs: 10,
      batchSize: 20,
      learningRate: 0.05,
      loss: 'categoricalCrossentropy',
      callbacks: [es, record],
      progress: false,
    });
    const history = await trainer.fit({ x, y });
    expect(history.length).toBe(3);
    expect(es.stoppedEpoch).toBe(2);
    expect(es.bestEpoch).toBe(0);
    expect(maxAbsDiff(snapshots[2], snapshots[0])).toBeGreaterThan(1e-4);
    expect(maxAbsDiff(flatWeights(model), snapshots[0])).toBe(0);
    // The best-weights snapshot was freed when the run ended: disposing the callback frees nothing more.
    const before = tf.memory().numTensors;
    es.dispose();
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
    tf.dispose([x, y]);
  });
});
