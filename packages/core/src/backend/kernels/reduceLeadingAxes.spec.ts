import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { onCpuAndWasm, seededValues } from '../crossBackend';
import { initBackend } from '../init';
import { isLeadingAxes } from './reduceLeadingAxes';

// Reference: tfjs-backend-cpu's Sum on the same seeded values. Tolerance 1e-4 relative: float32
// sums of up to ~2,000 N(0, 1) terms (|sum| ~ 45) added in a different order.

describe('Sum and Mean on wasm (leading-axes fast path)', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('recognises the leading axes', () => {
    expect(isLeadingAxes([0, 1, 2], 4)).toBe(true);
    expect(isLeadingAxes([2, 0, -3], 4)).toBe(true);
    expect(isLeadingAxes(0, 2)).toBe(true);
    expect(isLeadingAxes([0, 1], 4)).toBe(false);
    expect(isLeadingAxes([1, 2, 3], 4)).toBe(false);
    expect(isLeadingAxes([0], 1)).toBe(false);
  });

  const cases: Array<[number[], number | number[], boolean]> = [
    [[8, 7, 6, 5], [0, 1, 2], false], // fast path
    [[8, 7, 6, 5], [0, 1, 2], true], // fast path, keepDims
    [[40, 3], 0, false], // fast path, rank 2
    [[8, 7, 6, 5], [1, 2], false], // stock
    [[8, 7, 6, 5], 3, true], // stock
    [[4, 5], [0, 1], false], // stock (all axes)
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, [shape, axis, keepDims]) => {
    const { cpu, wasm } = await onCpuAndWasm(() => {
      const x = tf.tensor(seededValues(shape, 5), shape);
      return [tf.sum(x, axis, keepDims), tf.mean(x, axis, keepDims)];
    });
    for (const k of [0, 1]) {
      expect(wasm[k]!.shape).toEqual(cpu[k]!.shape);
      expectClose(wasm[k]!.values, cpu[k]!.values, { atol: 1e-4, rtol: 1e-4, label: k === 0 ? 'sum' : 'mean' });
    }
  });

  it('keeps int32 sums exact and leaks no tensor', async () => {
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32');
    expect(Array.from(tf.sum(x, 0).dataSync())).toEqual([9, 12]);
    const y = tf.randomNormal([16, 9, 4]);
    await expectNoLeak(() => tf.dispose([tf.sum(y, [0, 1]), tf.mean(y, [0, 1], true)]));
    tf.dispose([x, y]);
  });
});
