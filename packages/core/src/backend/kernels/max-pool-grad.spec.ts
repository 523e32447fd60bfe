import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { onCpuAndWasm, runKernel, seededValues } from '../cross-backend';
import { initBackend } from '../init';

// Reference: tfjs-backend-cpu's MaxPoolGrad (the first maximum of each window in row-major order
// gets the gradient). Inputs are rounded to half-integers so that windows contain ties, which
// pins down the tie-breaking rule, and are also run through relu (all-zero windows, as after a
// conv + relu). The stock wasm kernel fails this (all-negative windows lose their gradient, and
// ties go to the last maximum). Tolerance 1e-6: each dx entry is one dy value or a sum of a few.

interface Case {
  x: [number, number, number, number];
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}
const cases: Case[] = [
  { x: [2, 8, 6, 3], filterSize: 2, strides: 2, pad: 'valid' }, // the 2x2/2 fast path
  { x: [3, 6, 10, 17], filterSize: [2, 2], strides: [2, 2], pad: 'valid' }, // fast path, odd channel count
  { x: [2, 7, 9, 3], filterSize: 2, strides: 2, pad: 'valid' }, // remainder rows/columns get 0
  { x: [2, 24, 24, 16], filterSize: 2, strides: 2, pad: 'valid' }, // the MNIST CNN's pool1: wasm SIMD loop (C % 4 == 0)
  { x: [2, 7, 9, 8], filterSize: 2, strides: 2, pad: 'valid' }, // SIMD loop, remainder rows/columns get 0
  { x: [1, 4, 6, 4], filterSize: [2, 2], strides: [2, 2], pad: 'valid' }, // SIMD loop, one vector of channels
  { x: [2, 7, 9, 3], filterSize: 2, strides: 2, pad: 'same' }, // windows reaching past the input
  { x: [3, 9, 7, 2], filterSize: [3, 2], strides: [3, 2], pad: 'same' },
  { x: [2, 7, 9, 2], filterSize: 3, strides: 2, pad: 'same' }, // overlapping windows add up
  { x: [3, 6, 7, 2], filterSize: [3, 2], strides: [1, 2], pad: 'valid' }, // overlapping
  { x: [2, 7, 7, 1], filterSize: 2, strides: 2, pad: 1, dimRoundingMode: 'ceil' },
];

function run(c: Case, relu: boolean): tf.Tensor[] {
  let x: tf.Tensor4D = tf.tensor4d(
    seededValues(c.x, 1).map((v) => Math.round(v * 2) / 2),
    c.x,
  ); // many ties
  if (relu) x = tf.relu(x);
  const y = tf.maxPool(x, c.filterSize, c.strides, c.pad, c.dimRoundingMode);
  const dy = tf.tensor(seededValues(y.shape, 2), y.shape);
  const attrs = { filterSize: c.filterSize, strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode };
  return [runKernel('MaxPoolGrad', { dy, input: x, output: y }, attrs)];
}

describe('MaxPoolGrad on wasm (replaces the stock kernel)', () => {
  beforeAll(async () => {
    await initBackend();
  });

  // Slow (up to ~5 s under load): the reference runs on the tfjs cpu backend, the largest case is [2, 24, 24, 16].
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))(
    'matches the cpu backend, ties included: %s',
    async (_, c) => {
      for (const relu of [false, true]) {
        const { cpu, wasm } = await onCpuAndWasm(() => run(c, relu));
        expect(wasm[0]!.shape).toEqual(c.x);
        expectClose(wasm[0]!.values, cpu[0]!.values, {
          atol: 1e-6,
          rtol: 1e-6,
          label: relu ? 'dx (relu input)' : 'dx',
        });
      }
    },
    30_000,
  );

  it('sends the gradient of all-negative windows to their maxima (worked example)', () => {
    tf.tidy(() => {
      const x = tf.tensor4d([-5, -4, -3, -2, -1, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16], [1, 4, 4, 1]);
      const dy = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
      // window maxima: -1 (index 4), -2 (index 3), -9 (index 8), -11 (index 10)
      const dx = runKernel(
        'MaxPoolGrad',
        { dy, input: x, output: tf.maxPool(x, 2, 2, 'valid') },
        { filterSize: 2, strides: 2, pad: 'valid' },
      );
      expect(Array.from(dx.dataSync())).toEqual([0, 0, 0, 2, 1, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0]);
    });
  });

  it('gives tf.grad of maxPool the cpu backend gradient', async () => {
    const fn = () => {
      const x = tf.tensor4d(seededValues([2, 9, 8, 3], 3), [2, 9, 8, 3]);
      return [tf.grad((t: tf.Tensor) => tf.sum(tf.square(tf.maxPool(t as tf.Tensor4D, 2, 2, 'same'))))(x)];
    };
    const { cpu, wasm } = await onCpuAndWasm(fn);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-5, rtol: 1e-5, label: 'dx' });
  });

  it('leaks no tensor', async () => {
    const x = tf.tensor4d(seededValues([2, 7, 6, 3], 1), [2, 7, 6, 3]);
    const y = tf.maxPool(x, 2, 2, 'same');
    const dy = tf.onesLike(y);
    await expectNoLeak(() =>
      tf.dispose(runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: 2, strides: 2, pad: 'same' })),
    );
    expect(x.dataSync()).toHaveLength(2 * 7 * 6 * 3);
    tf.dispose([x, y, dy]);
  });
});
