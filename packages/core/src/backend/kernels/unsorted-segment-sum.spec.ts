import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { computeOn, onCpuAndWasm, runKernel, seededValues } from '../cross-backend';
import { initBackend } from '../init';

// Reference: tfjs-backend-cpu's UnsortedSegmentSum (one equal/mask/sum per segment), plus one case
// worked out by hand. The cpu kernel mis-broadcasts segment ids of rank > 1 (it expands them to
// [n1, 1, .., n2] instead of [n1, n2, 1, ..]), so the reference always gets the ids flattened and
// x reshaped to [n1*n2, ...rest], which is the same sum by definition. Tolerance 1e-5: each output sums at most a handful of N(0,1) values.

function segmentSum(x: tf.Tensor, ids: tf.Tensor, numSegments: number): tf.Tensor {
  return runKernel('UnsortedSegmentSum', { x, segmentIds: ids }, { numSegments });
}

describe('UnsortedSegmentSum on wasm', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('sums rows by segment, adding repeated ids and dropping out-of-range ones (worked example)', () => {
    tf.tidy(() => {
      const x = tf.tensor2d([
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
        [9, 10],
      ]);
      const ids = tf.tensor1d([2, 0, 2, -1, 3], 'int32'); // -1 and 3 are outside [0, 3)
      // segment 0: row 1 = [3, 4]; segment 1: nothing; segment 2: rows 0 + 2 = [6, 8]
      const out = segmentSum(x, ids, 3);
      expect(out.shape).toEqual([3, 2]);
      expect(Array.from(out.dataSync())).toEqual([3, 4, 0, 0, 6, 8]);
    });
  });

  const cases: Array<{ x: number[]; ids: number[]; numSegments: number; dtype?: 'int32' }> = [
    { x: [12, 5], ids: [12], numSegments: 4 },
    { x: [3, 4, 2, 3], ids: [3, 4], numSegments: 7 }, // rank-2 ids, rank-4 x
    { x: [9], ids: [9], numSegments: 3 }, // scalar slices
    { x: [6, 3], ids: [6], numSegments: 5, dtype: 'int32' },
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, c) => {
    const n = c.ids.reduce((p, q) => p * q, 1);
    const idValues = Int32Array.from({ length: n }, (_, i) => ((i * 7) % (c.numSegments + 2)) - 1); // repeats, -1 and numSegments
    const fn = (flat: boolean) => () => {
      const xShape = flat ? [n, ...c.x.slice(c.ids.length)] : c.x;
      const values = seededValues(c.x, 3);
      const x =
        c.dtype === 'int32'
          ? tf.tensor(
              Int32Array.from(values, (v) => Math.round(10 * v)),
              xShape,
              'int32',
            )
          : tf.tensor(values, xShape);
      return [segmentSum(x, tf.tensor(idValues, flat ? [n] : c.ids, 'int32'), c.numSegments)];
    };
    const cpu = await computeOn('cpu', fn(true));
    const wasm = await computeOn('wasm', fn(false));
    expect(wasm[0]!.shape).toEqual(cpu[0]!.shape);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-5, rtol: 1e-5, label: 'sum' });
  });

  it('gives tf.grad of gather (the Embedding gradient) the cpu backend gradient', async () => {
    const fn = () => {
      const table = tf.tensor2d(seededValues([10, 4], 1), [10, 4]);
      const idx = tf.tensor2d(
        [
          [1, 3, 3, 9],
          [0, 1, 1, 1],
        ],
        [2, 4],
        'int32',
      );
      const r = tf.tensor3d(seededValues([2, 4, 4], 2), [2, 4, 4]);
      return [tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, idx), r)))(table)];
    };
    const { cpu, wasm } = await onCpuAndWasm(fn);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-5, rtol: 1e-5, label: 'dTable' });
  });

  it('leaks no tensor', async () => {
    const x = tf.tensor2d(seededValues([8, 3], 4), [8, 3]);
    const ids = tf.tensor1d([0, 1, 1, 5, -2, 2, 0, 3], 'int32');
    await expectNoLeak(() => tf.dispose(segmentSum(x, ids, 4)));
    expect(ids.dataSync()).toHaveLength(8);
    tf.dispose([x, ids]);
  });
});
