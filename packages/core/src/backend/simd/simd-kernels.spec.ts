import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { expectNoLeak } from '../../testing';
import { initBackend } from '../init';
import { KERNELS_WASM_BASE64 } from './kernels-wasm';
import { ptr, simdKernels } from './simd-kernels';

// The workspace's build script (tools/build-wasm.js), loaded by path: it is no package to import.
const BUILD_WASM = path.resolve(__dirname, '..', '..', '..', '..', '..', 'tools', 'build-wasm.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script, loaded by path
const { compileKernels, tsSource } = require(BUILD_WASM) as {
  compileKernels(file?: string): Promise<Buffer>;
  tsSource(bytes: Buffer): string;
};

beforeAll(() => initBackend());

describe('simd kernels (hand-written WebAssembly on the tfjs heap)', () => {
  it('ships exactly the compiled kernels.wat (run `node tools/build-wasm.js` after editing it)', async () => {
    const bytes = await compileKernels();
    expect(Buffer.from(KERNELS_WASM_BASE64, 'base64').equals(bytes)).toBe(true);
    expect(fs.readFileSync(path.join(__dirname, 'kernels-wasm.ts'), 'utf8')).toBe(tsSource(bytes));
  });

  it('binds to the wasm backend memory, and can be switched off with DLKIT_SIMD_KERNELS=0', () => {
    const backend = tf.backend() as BackendWasm;
    const k = simdKernels(backend);
    expect(k).not.toBeNull();
    expect(simdKernels(backend)).toBe(k); // one instance per memory
    process.env.DLKIT_SIMD_KERNELS = '0';
    try {
      expect(simdKernels(backend)).toBeNull();
    } finally {
      delete process.env.DLKIT_SIMD_KERNELS;
    }
  });

  it('writes into tensor buffers in place (hand-worked 2x2 max-pool gradient, 4 channels)', async () => {
    const backend = tf.backend() as BackendWasm;
    // One 2x2 window, 4 channels (rows below are taps in row-major order): channels 0-2 peak at
    // taps 0-2; channel 3 has a tie (5 at taps 0 and 1), which goes to the first maximum.
    const x = tf.tensor4d(
      [
        [9, 0, 0, 5],
        [0, 9, 0, 5],
        [0, 0, 9, 1],
        [0, 0, 0, 0],
      ].flat(),
      [1, 2, 2, 4],
    );
    const dy = tf.tensor4d([1, 2, 3, 4], [1, 1, 1, 4]);
    const dx = tf.zeros([1, 2, 2, 4]);
    simdKernels(backend)!.maxpool_grad_2x2(ptr(backend, x), ptr(backend, dy), ptr(backend, dx), 1, 2, 2, 4, 1, 1);
    // tap (0,0): channel 0 (max 9) and channel 3 (first of the tied 5s); (0,1): channel 1; (1,0): channel 2
    expect(Array.from(dx.dataSync())).toEqual([1, 0, 0, 4, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0]);
    await expectNoLeak(() =>
      simdKernels(backend)!.maxpool_grad_2x2(ptr(backend, x), ptr(backend, dy), ptr(backend, dx), 1, 2, 2, 4, 1, 1),
    );
    tf.dispose([x, dy, dx]);
  });
});
