import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { onCpuAndWasm, runKernel, seededValues } from '../cross-backend';
import { initBackend } from '../init';

// Reference: tfjs-backend-cpu's MaxPool3DGrad on tie-free N(0,1) inputs (about half the windows
// near the borders are all negative, where the stock wasm kernel fails). Ties are left out: the
// cpu kernel gives them to the last maximum, this kernel (like TensorFlow) to the first. Filters
// have equal height and width, because the cpu kernel mixes up the two in its position index.
// Tolerance 1e-6: each dx entry is one dy value or a sum of a few.

interface Case {
  x: [number, number, number, number, number];
  filterSize: number | [number, number, number];
  strides: number | [number, number, number];
  pad: 'same' | 'valid';
}
const cases: Case[] = [
  { x: [2, 4, 6, 4, 3], filterSize: 2, strides: 2, pad: 'valid' },
  { x: [2, 5, 7, 5, 2], filterSize: 2, strides: 2, pad: 'same' },
  { x: [2, 5, 6, 7, 2], filterSize: [2, 3, 3], strides: [1, 2, 2], pad: 'same' }, // overlapping
  { x: [1, 6, 5, 5, 1], filterSize: [3, 2, 2], strides: [2, 1, 1], pad: 'valid' },
];

function run(c: Case): tf.Tensor[] {
  const x = tf.tensor5d(seededValues(c.x, 1), c.x);
  const y = tf.maxPool3d(x, c.filterSize, c.strides, c.pad);
  const dy = tf.tensor(seededValues(y.shape, 2), y.shape);
  return [
    runKernel(
      'MaxPool3DGrad',
      { dy, input: x, output: y },
      { filterSize: c.filterSize, strides: c.strides, pad: c.pad },
    ),
  ];
}

describe('MaxPool3DGrad on wasm (replaces the stock kernel)', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, c) => {
    const { cpu, wasm } = await onCpuAndWasm(() => run(c));
    expect(wasm[0]!.shape).toEqual(c.x);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-6, rtol: 1e-6, label: 'dx' });
  });

  it('sends the gradient of all-negative windows to their maxima (worked example)', () => {
    tf.tidy(() => {
      // x[0, d, h, w, 0] = -((i * 7) % 16) - 1 for flat i; two 2x2x2 windows along w.
      const x = tf.tensor5d(
        Array.from({ length: 16 }, (_, i) => -((i * 7) % 16) - 1),
        [1, 2, 2, 4, 1],
      );
      const dy = tf.tensor5d([1, 2], [1, 1, 1, 2, 1]);
      // window 1 (w 0-1) holds indices 0,1,4,5,8,9,12,13 -> values -1,-8,-13,-4,-9,-16,-5,-12: max -1 at 0
      // window 2 (w 2-3) holds indices 2,3,6,7,10,11,14,15 -> -15,-6,-11,-2,-7,-14,-3,-10: max -2 at 7
      const dx = runKernel(
        'MaxPool3DGrad',
        { dy, input: x, output: tf.maxPool3d(x, 2, 2, 'valid') },
        { filterSize: 2, strides: 2, pad: 'valid' },
      );
      expect(Array.from(dx.dataSync())).toEqual([1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
    });
  });

  it('leaks no tensor', async () => {
    const x = tf.tensor5d(seededValues([2, 4, 6, 4, 3], 1), [2, 4, 6, 4, 3]);
    const y = tf.maxPool3d(x, 2, 2, 'valid');
    const dy = tf.onesLike(y);
    await expectNoLeak(() =>
      tf.dispose(runKernel('MaxPool3DGrad', { dy, input: x, output: y }, { filterSize: 2, strides: 2, pad: 'valid' })),
    );
    expect(x.dataSync()).toHaveLength(2 * 4 * 6 * 4 * 3);
    tf.dispose([x, y, dy]);
  });
});
