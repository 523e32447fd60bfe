import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../../testing';
import { onCpuAndWasm, seededValues } from '../cross-backend';
import { initBackend } from '../init';

// Reference: tfjs-backend-cpu's BatchMatMul. Tolerance atol = rtol = 1e-4: each entry is a
// float32 dot product of up to 37 N(0,1) pairs, summed in a different order by XNNPACK.

const cases: Array<{ a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }> = [];
for (const transposeA of [false, true]) {
  for (const transposeB of [false, true]) {
    cases.push({ a: transposeA ? [37, 5] : [5, 37], b: transposeB ? [6, 37] : [37, 6], transposeA, transposeB });
    cases.push({
      a: transposeA ? [3, 8, 4] : [3, 4, 8],
      b: transposeB ? [3, 7, 8] : [3, 8, 7],
      transposeA,
      transposeB,
    });
    cases.push({
      a: transposeA ? [2, 9, 3] : [2, 3, 9],
      b: transposeB ? [1, 4, 9] : [1, 9, 4],
      transposeA,
      transposeB,
    }); // broadcast batch
  }
}

describe('BatchMatMul on wasm (transposes done explicitly)', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('matches the cpu backend: %s', async (_, c) => {
    const fn = () => [
      tf.matMul(tf.tensor(seededValues(c.a, 1), c.a), tf.tensor(seededValues(c.b, 2), c.b), c.transposeA, c.transposeB),
    ];
    const { cpu, wasm } = await onCpuAndWasm(fn);
    expect(wasm[0]!.shape).toEqual(cpu[0]!.shape);
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'product' });
  });

  it('leaks no tensor and leaves its inputs alive', async () => {
    const a = tf.tensor2d(seededValues([12, 5], 1), [12, 5]);
    const b = tf.tensor2d(seededValues([7, 12], 2), [7, 12]);
    await expectNoLeak(() => tf.dispose(tf.matMul(a, b, true, true)));
    expect(a.dataSync()).toHaveLength(60);
    expect(b.dataSync()).toHaveLength(84);
    tf.dispose([a, b]);
  });
});
