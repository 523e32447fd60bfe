import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { onCpuAndWasm, runKernel, seededValues } from '../cross-backend';
import { initBackend } from '../init';

// Reference: tfjs-backend-cpu's Conv3DBackpropFilterV2 (a direct loop) on the same seeded inputs.
// This kernel replaces wasm's stock one, which is wrong for strides > 1. Tolerance atol = rtol =
// 1e-4: each dW entry is a float32 sum of B*od*oh*ow (<= ~150) products of N(0,1) values, added
// in a different order (blocked matmul) than the cpu loop.

interface Case {
  x: [number, number, number, number, number];
  filter: [number, number, number, number, number];
  strides: number | [number, number, number];
  pad: 'same' | 'valid';
}
const cases: Case[] = [];
for (const strides of [1, 2, [1, 2, 3]] as Array<number | [number, number, number]>) {
  for (const pad of ['same', 'valid'] as const)
    cases.push({ x: [2, 5, 6, 7, 3], filter: [3, 2, 3, 3, 4], strides, pad });
}
cases.push({ x: [3, 4, 5, 4, 1], filter: [2, 3, 2, 1, 2], strides: 2, pad: 'same' }); // one input channel

function run(c: Case): tf.Tensor[] {
  const info = tf.backend_util.computeConv3DInfo(c.x, c.filter, c.strides, 1, c.pad);
  const x = tf.tensor(seededValues(c.x, 1), c.x);
  const dy = tf.tensor(seededValues(info.outShape, 2), info.outShape);
  return [runKernel('Conv3DBackpropFilterV2', { x, dy }, { strides: c.strides, pad: c.pad, filterShape: c.filter })];
}

describe('Conv3DBackpropFilterV2 on wasm (replaces the stock kernel)', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, c) => {
    const { cpu, wasm } = await onCpuAndWasm(() => run(c));
    expect(wasm[0]!.shape).toEqual(c.filter);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dW' });
  });

  it('gives tf.grads of conv3d the cpu backend gradients', async () => {
    const fn = () => {
      const x = tf.tensor5d(seededValues([2, 6, 5, 7, 2], 3), [2, 6, 5, 7, 2]);
      const w = tf.tensor5d(seededValues([3, 3, 2, 2, 3], 4), [3, 3, 2, 2, 3]);
      const r = tf.tensor5d(seededValues([2, 3, 3, 4, 3], 5), [2, 3, 3, 4, 3]);
      const loss = (a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.conv3d(a as tf.Tensor5D, b as tf.Tensor5D, 2, 'same'), r));
      return tf.grads(loss)([x, w]);
    };
    const { cpu, wasm } = await onCpuAndWasm(fn);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dx' });
    expectClose(wasm[1]!.values, cpu[1]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dw' });
  });

  it('leaks no tensor', async () => {
    const x = tf.tensor(seededValues([2, 5, 6, 7, 3], 1), [2, 5, 6, 7, 3]);
    const dy = tf.tensor(seededValues([2, 3, 3, 4, 4], 2), [2, 3, 3, 4, 4]);
    await expectNoLeak(() =>
      tf.dispose(
        runKernel('Conv3DBackpropFilterV2', { x, dy }, { strides: 2, pad: 'same', filterShape: [3, 2, 3, 3, 4] }),
      ),
    );
    expect(x.dataSync()).toHaveLength(2 * 5 * 6 * 7 * 3);
    tf.dispose([x, dy]);
  });
});
