import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { onCpuAndWasm, seededValues } from '../cross-backend';
import { initBackend } from '../init';
import { leadingAxesCount, reduceLeading } from './leading-axes-reduce';

beforeAll(() => initBackend());

// Reference: tfjs-backend-cpu. Tolerance 1e-5 relative: float64 accumulation here, float32 there.
describe('Sum and Mean over leading axes on wasm', () => {
  it('reduces a hand-worked [3, 2] over axis 0', () => {
    const out = new Float32Array(2);
    reduceLeading(new Float32Array([1, 2, 3, 4, 5, 6]), 3, 2, out);
    expect(Array.from(out)).toEqual([9, 12]);
    reduceLeading(new Float32Array([1, 2, 3, 4, 5, 6]), 3, 2, out, 1 / 3);
    expect(Array.from(out)).toEqual([3, 4]);
  });

  it('takes only axis lists that are exactly 0..k-1 (negative axes normalised)', () => {
    expect(leadingAxesCount([0, 1, 2], 4)).toBe(3);
    expect(leadingAxesCount([2, 0, 1], 4)).toBe(3);
    expect(leadingAxesCount(0, 2)).toBe(1);
    expect(leadingAxesCount(-2, 2)).toBe(1);
    expect(leadingAxesCount([0, 2], 4)).toBe(0);
    expect(leadingAxesCount([1], 3)).toBe(0);
    expect(leadingAxesCount([0, 1], 2)).toBe(0); // every axis: left to the stock kernel
    expect(leadingAxesCount(null, 3)).toBe(0);
  });

  const shapes: Array<[number[], number | number[]]> = [
    [
      [32, 12, 12, 16],
      [0, 1, 2],
    ], // batch norm / conv bias gradients
    [
      [5, 3, 7, 2],
      [0, 1, 2],
    ],
    [[7, 10], 0], // dense bias gradient
    [
      [6, 5, 3],
      [0, 1],
    ],
    [
      [3, 4, 5],
      [1, 0],
    ],
    [[9, 4], -2],
  ];
  // Slow (up to ~6 s under load for [32, 12, 12, 16]): the reference runs on the tfjs cpu backend.
  it.each(shapes.map(([s, a]) => [JSON.stringify(s), JSON.stringify(a), s, a] as const))(
    'equals the cpu backend for shape %s axes %s (sum, mean, keepDims)',
    async (_, __, shape, axis) => {
      const values = seededValues(shape, 7, 3);
      const { cpu, wasm } = await onCpuAndWasm(() => {
        const x = tf.tensor(values, shape);
        return [tf.sum(x, axis), tf.mean(x, axis), tf.sum(x, axis, true), tf.mean(x, axis, true)];
      });
      wasm.forEach((w, i) => {
        expect(w.shape).toEqual(cpu[i]!.shape);
        expectClose(w.values, cpu[i]!.values, { atol: 1e-5, rtol: 1e-5, label: `output ${i}` });
      });
    },
    30_000,
  );

  it('leaves other reductions, int32 and the input alone, and leaks nothing', async () => {
    const x = tf.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(Array.from(tf.sum(x, 1).dataSync())).toEqual([6, 15]);
    expect(
      Array.from(
        tf
          .sum(
            tf.tensor(
              [
                [1, 2],
                [3, 4],
              ],
              [2, 2],
              'int32',
            ),
            0,
          )
          .dataSync(),
      ),
    ).toEqual([4, 6]);
    expect(tf.sum(x).dataSync()[0]).toBe(21);
    expect(Array.from(x.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    await expectNoLeak(() => tf.tidy(() => tf.sum(tf.mean(x, 0, true), 0).dataSync()));
    x.dispose();
  });
});
