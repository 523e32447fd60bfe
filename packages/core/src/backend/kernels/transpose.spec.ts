import * as tf from '@tensorflow/tfjs';
import { expectNoLeak } from '../../testing';
import { onCpuAndWasm, seededValues } from '../cross-backend';
import { initBackend } from '../init';
import { isLastTwoSwap, transposeMatrices } from './transpose';

beforeAll(() => initBackend());

describe('Transpose of the last two axes on wasm', () => {
  it('transposes a hand-worked 2x3', () => {
    const out = new Float32Array(6);
    transposeMatrices(new Float32Array([1, 2, 3, 4, 5, 6]), 1, 2, 3, out);
    expect(Array.from(out)).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('recognises only last-two swaps', () => {
    expect(isLastTwoSwap([1, 0])).toBe(true);
    expect(isLastTwoSwap([0, 2, 1])).toBe(true);
    expect(isLastTwoSwap([0, 1, 3, 2])).toBe(true);
    expect(isLastTwoSwap([0, 1])).toBe(false);
    expect(isLastTwoSwap([2, 1, 0])).toBe(false);
    expect(isLastTwoSwap([1, 0, 2])).toBe(false);
  });

  // Exact: a transpose only moves values. Shapes cross the 32-value block edges.
  const cases: Array<[number[], number[]]> = [
    [
      [512, 128],
      [1, 0],
    ], // the dense layer's weight, transposed every step
    [
      [33, 70],
      [1, 0],
    ],
    [
      [1, 32, 128],
      [0, 2, 1],
    ],
    [
      [3, 5, 40, 33],
      [0, 1, 3, 2],
    ],
    [
      [1, 9],
      [1, 0],
    ],
    [
      [4, 5, 6],
      [2, 0, 1],
    ], // any other permutation: the stock kernel
  ];
  for (const dtype of ['float32', 'int32'] as const) {
    // Slow (~1-3 s for [512, 128]): the reference runs on the tfjs cpu backend, whose transpose is element by element.
    it.each(cases.map(([s, p]) => [JSON.stringify(s), JSON.stringify(p), s, p] as const))(
      `equals the cpu backend for shape %s perm %s (${dtype})`,
      async (_, __, shape, perm) => {
        const values = Array.from(seededValues(shape, 5, 100), (v) => (dtype === 'int32' ? Math.round(v) : v));
        const { cpu, wasm } = await onCpuAndWasm(() => [tf.transpose(tf.tensor(values, shape, dtype), perm)]);
        expect(wasm[0]!.shape).toEqual(cpu[0]!.shape);
        expect(Array.from(wasm[0]!.values)).toEqual(Array.from(cpu[0]!.values));
      },
      30_000,
    );
  }

  it('leaks nothing', async () => {
    const x = tf.randomNormal([40, 70]);
    await expectNoLeak(() => tf.tidy(() => tf.transpose(x).dataSync()));
    x.dispose();
  });
});
