/**
 * The one door to tfjs backends. `initBackend()` picks the wasm backend by default in Node
 * (cpu as an explicit fallback, with a warning), registers the training kernels wasm lacks,
 * and is idempotent: every later call returns the same info.
 *
 * Threads: tfjs-backend-wasm can run XNNPACK on several threads in Node only through the
 * workaround in `wasm-threads.ts` (blob:-URL pthread workers, a core-count cap, workers that keep
 * the process alive; see there). It works (2 threads, results equal the cpu backend), but it is
 * opt-in (`threads: n` or DLKIT_WASM_THREADS=n) because on this 2-core machine it does not pay.
 * bench/threads.js, MNIST CNN train step (batch 64), medians of 4 alternating runs with other
 * jobs on the machine (load ~2): 1 thread 28.2 ms/step (2266 samples/s), 2 threads 43.5 ms/step
 * (1472 samples/s); 512x512 matmul 6.9 vs 7.2 ms. (An earlier run at load ~3: 72.9 vs 78.4 ms.)
 * Only the XNNPACK convs/matmuls use the pool, its threads spin against everything else on two
 * cores, and CI runs two jest workers on those two cores.
 * If the threaded start fails, initBackend warns and starts single-threaded.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { getThreadsCount, type BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { EXTRA_WASM_KERNELS } from './kernels';
import { simdKernels } from './simd/simd-kernels';
import { prepareWasmThreads } from './wasm-threads';

export type BackendName = 'wasm' | 'cpu';

export interface BackendOptions {
  /** Which backend to use; `DLKIT_BACKEND` in the environment overrides the default. */
  backend?: BackendName;
  /**
   * XNNPACK threads for the wasm backend (default 1; `DLKIT_WASM_THREADS` in the environment
   * sets the default). Only the first initBackend call of a process decides.
   */
  threads?: number;
  /** Print warnings (e.g. on the cpu fallback) to stderr. */
  warn?: (message: string) => void;
}

export interface BackendInfo {
  backend: BackendName;
  /** Kernels dlkit registered on top of the stock backend. */
  extraKernels: string[];
  /** XNNPACK threads the wasm backend actually runs (1 on cpu). */
  threads: number;
  simd: boolean;
  /** dlkit's hand-written WebAssembly SIMD loops (backend/simd) bound to the backend's memory. */
  simdKernels: boolean;
}

let current: Promise<BackendInfo> | undefined;

/**
 * Initialises tfjs once per process and returns what it set up.
 *
 * @example
 * const info = await initBackend(); // { backend: 'wasm', extraKernels: [...], threads: 1, simd: true, simdKernels: true }
 */
export function initBackend(options: BackendOptions = {}): Promise<BackendInfo> {
  const wanted = options.backend ?? (process.env.DLKIT_BACKEND as BackendName | undefined) ?? 'wasm';
  if (current) {
    return current.then((info) => {
      if (options.backend && info.backend !== options.backend) {
        throw new Error(`backend already initialised as '${info.backend}', cannot switch to '${options.backend}'`);
      }
      return info;
    });
  }
  const threads = options.threads ?? Number(process.env.DLKIT_WASM_THREADS ?? 1);
  current = setUp(wanted, threads, options.warn ?? ((m) => process.stderr.write(`dlkit: ${m}\n`)));
  current.catch(() => (current = undefined));
  return current;
}

/** The names of the kernels dlkit registers on the wasm backend (see kernels/index.ts). */
export function listExtraKernels(): string[] {
  return EXTRA_WASM_KERNELS.map((k) => k.kernelName);
}

async function setUp(wanted: BackendName, threads: number, warn: (m: string) => void): Promise<BackendInfo> {
  if (wanted !== 'wasm' && wanted !== 'cpu') throw new Error(`unknown backend '${wanted}', expected 'wasm' or 'cpu'`);
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`threads must be a positive integer, got ${threads}`);
  const extraKernels = wanted === 'wasm' ? registerWasmKernels() : [];
  silenceCpuBackendAdvert();
  if (wanted === 'cpu') warn('using the tfjs cpu backend: expect training to be 20-50x slower than wasm');
  if (wanted === 'wasm' && threads > 1) {
    const ok = await startThreadedWasm(threads).catch((e: Error) => {
      warn(`multithreaded wasm failed (${e.message}); using 1 thread`);
      return false;
    });
    if (!ok) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  if (tf.getBackend() !== wanted) {
    const ok = await tf.setBackend(wanted);
    if (!ok) throw new Error(`tfjs backend '${wanted}' failed to initialise`);
  }
  await tf.ready();
  return {
    backend: wanted,
    extraKernels,
    threads: wanted === 'wasm' ? getThreadsCount() : 1,
    simd: wanted === 'wasm' && tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    simdKernels: wanted === 'wasm' && simdKernels(tf.backend() as BackendWasm) !== null,
  };
}

async function startThreadedWasm(threads: number): Promise<boolean> {
  const setup = prepareWasmThreads(threads);
  try {
    return await tf.setBackend('wasm');
  } finally {
    setup.afterInit();
  }
}

function registerWasmKernels(): string[] {
  const names: string[] = [];
  for (const kernel of EXTRA_WASM_KERNELS) {
    const config = { ...kernel, backendName: 'wasm' };
    if (tf.getKernel(config.kernelName, 'wasm')) tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
    names.push(config.kernelName);
  }
  return names;
}

/**
 * tfjs's cpu backend prints "install our node backend (tfjs-node)" on its first use in Node.
 * dlkit deliberately does not use tfjs-node (its install downloads libtensorflow), and uses the
 * cpu backend only as a fallback or as the reference in tests, so the advert is noise.
 */
function silenceCpuBackendAdvert(): void {
  const cpu = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (cpu && 'firstUse' in cpu) cpu.firstUse = false;
}
