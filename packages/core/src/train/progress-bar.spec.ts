import { PassThrough } from 'stream';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { blobs, tinyClassifier } from './__fixtures__/tiny';
import { expectNoLeak } from '../testing';
import { formatEpochLogs } from './format';
import { ProgressBar, shouldShowProgress } from './progress-bar';
import { Trainer } from './trainer';

beforeAll(() => initBackend());

describe('progress output', () => {
  it('shows a bar only on an interactive terminal outside CI, unless disabled', () => {
    expect(shouldShowProgress(undefined, { isTTY: true }, {})).toBe(true);
    expect(shouldShowProgress(true, { isTTY: true }, {})).toBe(true);
    expect(shouldShowProgress(false, { isTTY: true }, {})).toBe(false);
    expect(shouldShowProgress(true, { isTTY: false }, {})).toBe(false);
    expect(shouldShowProgress(true, {}, {})).toBe(false);
    expect(shouldShowProgress(true, { isTTY: true }, { CI: 'true' })).toBe(false);
  });

  it('formats one line per epoch', () => {
    expect(
      formatEpochLogs(
        { epoch: 2, loss: 0.23451, acc: 0.93125, valLoss: 0.25671, valAcc: 0.92, lr: 0.001, seconds: 1.234 },
        10,
      ),
    ).toBe('epoch 3/10  loss 0.2345  acc 0.9313  valLoss 0.2567  valAcc 0.9200  lr 1.00e-3  1.2s');
  });

  it('draws a per-epoch bar with loss and accuracy, and calls onEpochEnd once per epoch', async () => {
    const { x, y } = blobs(30, 1);
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (d) => (text += d.toString()));
    const lines: string[] = [];
    const trainer = new Trainer(tinyClassifier(2), {
      epochs: 2,
      batchSize: 10,
      loss: 'categoricalCrossentropy',
      progress: false,
      callbacks: [new ProgressBar({ stream, forceOutput: true })],
      onEpochEnd: (logs, ctx) => lines.push(formatEpochLogs(logs, ctx.epochs)),
    });
    await trainer.fit({ x, y });
    expect(text).toMatch(/epoch 1\/2 \[[=-]+\] 3\/3 \| .*loss \d\.\d{4}  acc \d\.\d{4}/);
    expect(text).toMatch(/epoch 2\/2 /);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^epoch 2\/2  loss \d\.\d{4}  acc \d\.\d{4}  lr 1\.00e-3  \d+\.\ds$/);
    trainer.dispose();
    // the bar reads the batch logs as numbers: a run with it leaves no tensor behind
    const model = tinyClassifier(3);
    await expectNoLeak(async () => {
      const t = new Trainer(model, {
        epochs: 1,
        batchSize: 10,
        loss: 'categoricalCrossentropy',
        progress: false,
        callbacks: [new ProgressBar({ stream, forceOutput: true })],
      });
      await t.fit({ x, y });
      t.dispose();
    }, 1);
    model.dispose();
    tf.dispose([x, y]);
  });
});
