import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { onCpuAndWasm, seededValues } from '../cross-backend';
import { initBackend } from '../init';

// Reference: tfjs-backend-cpu's MaxPool3D on N(0,1) inputs (windows near the borders are often
// all negative, where the stock wasm kernel returns 1.17e-38). Exact: a max selects a value.

const cases: Array<{
  x: [number, number, number, number, number];
  filterSize: number | [number, number, number];
  strides: number | [number, number, number];
  pad: 'same' | 'valid';
}> = [
  { x: [2, 4, 6, 4, 3], filterSize: 2, strides: 2, pad: 'valid' },
  { x: [2, 5, 7, 5, 2], filterSize: 2, strides: 2, pad: 'same' },
  { x: [2, 5, 6, 7, 2], filterSize: [2, 3, 2], strides: [1, 2, 2], pad: 'same' },
];

describe('MaxPool3D on wasm (replaces the stock kernel)', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, c) => {
    const { cpu, wasm } = await onCpuAndWasm(() => [
      tf.maxPool3d(tf.tensor5d(seededValues(c.x, 1), c.x), c.filterSize, c.strides, c.pad),
    ]);
    expect(wasm[0]!.shape).toEqual(cpu[0]!.shape);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 0, rtol: 0, label: 'y' });
  });

  it('takes the maximum of windows of negative values (worked example)', () => {
    tf.tidy(() => {
      const x = tf.tensor5d([-3, -1, -2, -8, -5, -4, -7, -6], [1, 2, 2, 2, 1]);
      expect(Array.from(tf.maxPool3d(x, 2, 2, 'valid').dataSync())).toEqual([-1]);
    });
  });

  it('leaks no tensor', async () => {
    const x = tf.tensor5d(seededValues([2, 4, 6, 4, 3], 1), [2, 4, 6, 4, 3]);
    await expectNoLeak(() => tf.dispose(tf.maxPool3d(x, 2, 2, 'same')));
    expect(x.dataSync()).toHaveLength(2 * 4 * 6 * 4 * 3);
    x.dispose();
  });
});
