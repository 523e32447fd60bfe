import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { onCpuAndWasm, runKernel, seededValues } from '../cross-backend';
import { initBackend } from '../init';

// Reference: tfjs-backend-cpu's Conv3DBackpropInputV2 (a direct loop) on the same seeded inputs.
// This kernel replaces wasm's stock one, which is wrong even at stride 1. Tolerance atol = rtol =
// 1e-4: each dx entry sums <= kd*kh*kw*O products of N(0,1) values, in a different order.

interface Case {
  input: [number, number, number, number, number];
  filter: [number, number, number, number, number];
  strides: number | [number, number, number];
  pad: 'same' | 'valid';
}
const cases: Case[] = [];
for (const strides of [1, 2, [1, 2, 3]] as Array<number | [number, number, number]>) {
  for (const pad of ['same', 'valid'] as const)
    cases.push({ input: [2, 5, 6, 7, 3], filter: [3, 2, 3, 3, 4], strides, pad });
}
cases.push({ input: [3, 4, 5, 4, 1], filter: [2, 3, 2, 1, 2], strides: 2, pad: 'same' }); // one input channel

function run(c: Case): tf.Tensor[] {
  const info = tf.backend_util.computeConv3DInfo(c.input, c.filter, c.strides, 1, c.pad);
  const dy = tf.tensor(seededValues(info.outShape, 1), info.outShape);
  const filter = tf.tensor(seededValues(c.filter, 2), c.filter);
  return [runKernel('Conv3DBackpropInputV2', { dy, filter }, { strides: c.strides, pad: c.pad, inputShape: c.input })];
}

describe('Conv3DBackpropInputV2 on wasm (replaces the stock kernel)', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, c) => {
    const { cpu, wasm } = await onCpuAndWasm(() => run(c));
    expect(wasm[0]!.shape).toEqual(c.input);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'dx' });
  });

  it('leaks no tensor', async () => {
    const dy = tf.tensor(seededValues([2, 3, 3, 4, 4], 1), [2, 3, 3, 4, 4]);
    const filter = tf.tensor(seededValues([3, 2, 3, 3, 4], 2), [3, 2, 3, 3, 4]);
    await expectNoLeak(() =>
      tf.dispose(
        runKernel('Conv3DBackpropInputV2', { dy, filter }, { strides: 2, pad: 'same', inputShape: [2, 5, 6, 7, 3] }),
      ),
    );
    expect(filter.dataSync()).toHaveLength(3 * 2 * 3 * 3 * 4);
    tf.dispose([dy, filter]);
  });
});
