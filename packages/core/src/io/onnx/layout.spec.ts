/** Layout helpers against tfjs (cpu backend) transposes and hand-worked cases. */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../data/rng';
import { channelsFirstPerm, invertPerm, physicalAxis, relativePerm, transposeData } from './layout';

describe('layout helpers', () => {
  beforeAll(() => tf.setBackend('cpu'));

  // Slow (~1-3 s under load): tf.transpose on the cpu backend for every shape and permutation.
  it('transposeData equals tf.transpose for assorted shapes and perms', () => {
    const rng = new Rng(3);
    const cases: [number[], number[]][] = [
      [
        [3, 3, 2, 4],
        [3, 2, 0, 1],
      ], // tfjs conv kernel → ONNX [out, in, kh, kw]
      [
        [2, 3, 4, 5],
        [0, 3, 1, 2],
      ], // NHWC → NCHW
      [
        [2, 5],
        [1, 0],
      ],
      [[4], [0]],
      [
        [2, 1, 3, 2],
        [2, 3, 0, 1],
      ],
    ];
    for (const [shape, perm] of cases) {
      const n = shape.reduce((a, b) => a * b, 1);
      const data = Float32Array.from({ length: n }, () => rng.normal());
      const expected = tf.tidy(() => tf.transpose(tf.tensor(data, shape), perm).dataSync());
      expect(Array.from(transposeData(data, shape, perm))).toEqual(Array.from(expected));
    }
  }, 30_000);

  it('relativePerm composes: NCHW → logical is the inverse of [0, 3, 1, 2]', () => {
    expect(channelsFirstPerm(4)).toEqual([0, 3, 1, 2]);
    expect(channelsFirstPerm(3)).toEqual([0, 2, 1]);
    expect(relativePerm(null, [0, 3, 1, 2], 4)).toEqual([0, 3, 1, 2]);
    expect(relativePerm([0, 3, 1, 2], null, 4)).toEqual([0, 2, 3, 1]);
    expect(invertPerm([0, 3, 1, 2])).toEqual([0, 2, 3, 1]);
    // Logical channel axis 3 (or -1) sits at physical axis 1 in NCHW.
    expect(physicalAxis(-1, 4, [0, 3, 1, 2])).toBe(1);
    expect(physicalAxis(1, 4, [0, 3, 1, 2])).toBe(2);
    expect(() => physicalAxis(4, 4, null)).toThrow(/out of range/);
  });
});
