import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/init';
import { gradcheckReport } from './gradcheckReport';

beforeAll(async () => {
  await initBackend();
});

test('every layer, loss and regularizer passes its gradient check, without leaking', () => {
  const before = tf.memory().numTensors;
  const t0 = Date.now();
  const rows = gradcheckReport();
  const ms = Date.now() - t0;
  // eslint-disable-next-line no-console
  console.log(`gradcheckReport ${ms} ms\n` + rows.map((r) => `${r.layer.padEnd(60)} ${r.relativeDifference.toExponential(2)} ${r.passed}`).join('\n'));
  expect(tf.memory().numTensors).toBe(before);
  expect(rows.length).toBeGreaterThanOrEqual(20);
  for (const row of rows) {
    expect({ layer: row.layer, passed: row.passed }).toEqual({ layer: row.layer, passed: true });
    expect(row.relativeDifference).toBeLessThan(row.threshold);
  }
});
