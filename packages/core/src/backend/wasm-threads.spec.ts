import * as tf from '@tensorflow/tfjs';
import { expectClose, expectNoLeak } from '../testing';
import { onCpuAndWasm, seededValues } from './cross-backend';
import { initBackend } from './init';

// The opt-in multithreaded wasm backend (wasmThreads.ts). Jest gives every spec file its own
// module registry, so this file's tfjs starts fresh and can be initialised with 2 threads.
describe('initBackend({ threads: 2 })', () => {
  it('starts wasm with 2 XNNPACK threads whose results equal the cpu backend', async () => {
    const info = await initBackend({ threads: 2 });
    expect(info).toMatchObject({ backend: 'wasm', threads: 2 });
    const fn = () => {
      const x = tf.tensor4d(seededValues([8, 20, 20, 8], 1), [8, 20, 20, 8]);
      const w = tf.tensor4d(seededValues([3, 3, 8, 16], 2), [3, 3, 8, 16]);
      const a = tf.tensor2d(seededValues([128, 96], 3), [128, 96]);
      return [tf.conv2d(x, w, 1, 'same'), tf.matMul(a, a, false, true)];
    };
    const { cpu, wasm } = await onCpuAndWasm(fn);
    // float32 sums of 72 (conv) and 96 (matmul) N(0,1) products, in different orders.
    expectClose(wasm[0]!.values, cpu[0]!.values, { atol: 1e-4, rtol: 1e-4, label: 'conv2d' });
    expectClose(wasm[1]!.values, cpu[1]!.values, { atol: 1e-4, rtol: 1e-4, label: 'matMul' });
    // the threaded kernels leave only their outputs behind
    const x = tf.tensor4d(seededValues([8, 20, 20, 8], 1), [8, 20, 20, 8]);
    const w = tf.tensor4d(seededValues([3, 3, 8, 16], 2), [3, 3, 8, 16]);
    const a = tf.tensor2d(seededValues([128, 96], 3), [128, 96]);
    await expectNoLeak(() => tf.dispose([tf.conv2d(x, w, 1, 'same'), tf.matMul(a, a, false, true)]), 1);
    tf.dispose([x, w, a]);
  });
});
