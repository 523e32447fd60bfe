import * as tf from '@tensorflow/tfjs';
import { expectNoLeak } from '../../testing';
import { onCpuAndWasm, seededValues } from '../cross-backend';
import { initBackend } from '../init';

beforeAll(() => initBackend());

describe('GatherV2 on wasm (slice copies)', () => {
  it('gathers hand-worked rows', () => {
    const x = tf.tensor([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(tf.gather(x, tf.tensor1d([2, 0, 2], 'int32')).arraySync()).toEqual([
      [5, 6],
      [1, 2],
      [5, 6],
    ]);
    expect(tf.gather(x, tf.tensor1d([1, 0], 'int32'), 1).arraySync()).toEqual([
      [2, 1],
      [4, 3],
      [6, 5],
    ]);
    x.dispose();
  });

  // Exact: a gather only moves values.
  const cases: Array<{
    shape: number[];
    indices: number[];
    indicesShape?: number[];
    axis: number;
    batchDims?: number;
  }> = [
    { shape: [100, 28, 28, 1], indices: [5, 99, 0, 5, 42], axis: 0 }, // a mini-batch of images
    { shape: [10, 3], indices: [9, 1, 1], axis: 0 }, // short rows (element loop)
    { shape: [4, 6, 5], indices: [5, 0, 3], axis: 1 },
    { shape: [4, 6, 50], indices: [2, 2], axis: -2 },
    { shape: [3, 7], indices: [6, 0, 1, 2], axis: 1 },
    { shape: [8, 5], indices: [1, 7, 3, 0], indicesShape: [2, 2], axis: 0 }, // 2-d indices (embedding lookups)
    { shape: [2, 5, 3], indices: [4, 0, 1, 1], indicesShape: [2, 2], axis: 1, batchDims: 1 },
  ];
  for (const dtype of ['float32', 'int32'] as const) {
    // Slow (~1-3 s for the [100, 28, 28, 1] cases): the reference runs on the tfjs cpu backend.
    it.each(cases.map((c) => [JSON.stringify(c), c] as const))(
      `equals the cpu backend: %s (${dtype})`,
      async (_, c) => {
        const values = Array.from(seededValues(c.shape, 2, 50), (v) => (dtype === 'int32' ? Math.round(v) : v));
        const { cpu, wasm } = await onCpuAndWasm(() => [
          tf.gather(
            tf.tensor(values, c.shape, dtype),
            tf.tensor(c.indices, c.indicesShape ?? [c.indices.length], 'int32'),
            c.axis,
            c.batchDims ?? 0,
          ),
        ]);
        expect(wasm[0]!.shape).toEqual(cpu[0]!.shape);
        expect(Array.from(wasm[0]!.values)).toEqual(Array.from(cpu[0]!.values));
      },
      30_000,
    );
  }

  // Slow (~1-3 s): the leak check repeats a gather of 100 MNIST-sized images.
  it('rejects an index out of range, naming it, and leaks nothing', async () => {
    const x = tf.tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(() => tf.gather(x, tf.tensor1d([0, 2], 'int32'))).toThrow(/index value 2 is not in \[0, 1\]/);
    expect(() => tf.gather(x, tf.tensor1d([-1], 'int32'))).toThrow(/index value -1/);
    await expectNoLeak(() => tf.tidy(() => tf.gather(x, tf.tensor1d([1, 1, 0], 'int32')).dataSync()));
    x.dispose();
  }, 30_000);
});
