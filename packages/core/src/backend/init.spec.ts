import * as tf from '@tensorflow/tfjs';
import { expectNoLeak } from '../testing';
import { initBackend, listExtraKernels } from './init';

// The threaded start is made to fail here, to check that initBackend falls back to one thread.
// (wasmThreads.spec.ts checks the threaded start itself; Jest gives each spec file its own
// module registry, so this file's tfjs is initialised from scratch.)
jest.mock('./wasm-threads', () => ({
  prepareWasmThreads: () => {
    throw new Error('simulated: no worker threads here');
  },
}));

describe('initBackend', () => {
  it('rejects a thread count that is not a positive integer, naming it', async () => {
    await expect(initBackend({ threads: 0 })).rejects.toThrow('threads must be a positive integer, got 0');
  });

  it('falls back to one thread with a warning when the threaded start fails', async () => {
    const warnings: string[] = [];
    const info = await initBackend({ threads: 2, warn: (m) => warnings.push(m) });
    expect(info).toMatchObject({ backend: 'wasm', threads: 1 });
    expect(warnings).toEqual(['multithreaded wasm failed (simulated: no worker threads here); using 1 thread']);
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
  });

  it('is idempotent and reports the kernels it registered', async () => {
    const first = await initBackend();
    const again = await initBackend({ backend: 'wasm' });
    expect(again).toBe(first);
    expect(first.extraKernels).toEqual(listExtraKernels());
    expect(first.simdKernels).toBe(true); // the hand-written SIMD loops bound to the (unshared) wasm memory
    for (const name of listExtraKernels()) expect(tf.getKernel(name, 'wasm')).toBeDefined();
    await expect(initBackend({ backend: 'cpu' })).rejects.toThrow("backend already initialised as 'wasm'");
    await expectNoLeak(() => initBackend());
  });
});
