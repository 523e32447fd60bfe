/**
 * The one door to tfjs backends. `initBackend()` picks the wasm backend by default in Node
 * (cpu as an explicit fallback, with a warning), registers the training kernels wasm lacks,
 * and is idempotent: every later call returns the same info.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { EXTRA_WASM_KERNELS } from './kernels';

export type BackendName = 'wasm' | 'cpu';

export interface BackendOptions {
  /** Which backend to use; `DLKIT_BACKEND` in the environment overrides the default. */
  backend?: BackendName;
  /** Print warnings (e.g. on the cpu fallback) to stderr. */
  warn?: (message: string) => void;
}

export interface BackendInfo {
  backend: BackendName;
  /** Kernels dlkit registered on top of the stock backend. */
  extraKernels: string[];
  threads: number;
  simd: boolean;
}

let current: Promise<BackendInfo> | undefined;

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
  current = setUp(wanted, options.warn ?? ((m) => process.stderr.write(`dlkit: ${m}\n`)));
  current.catch(() => (current = undefined));
  return current;
}

async function setUp(wanted: BackendName, warn: (m: string) => void): Promise<BackendInfo> {
  if (wanted !== 'wasm' && wanted !== 'cpu') throw new Error(`unknown backend '${wanted}', expected 'wasm' or 'cpu'`);
  const extraKernels = wanted === 'wasm' ? registerWasmKernels() : [];
  if (wanted === 'cpu') warn('using the tfjs cpu backend: expect training to be 20-50x slower than wasm');
  const ok = await tf.setBackend(wanted);
  if (!ok) throw new Error(`tfjs backend '${wanted}' failed to initialise`);
  await tf.ready();
  return {
    backend: wanted,
    extraKernels,
    threads: 1,
    simd: wanted === 'wasm' && tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
  };
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
