/**
 * dlkit's WebAssembly SIMD loops (kernels.wat), instantiated on tfjs-backend-wasm's own memory so
 * they read and write tensor buffers in place: the inner loops of kernels that tfjs lacks and
 * that plain JavaScript runs at ~2 ns per value (one scalar at a time, bounds-checked), where
 * wasm SIMD does 4 lanes per instruction. Measured in the MNIST CNN step (batch 32, one thread):
 * col2im scatter 1.6 -> 0.3 ms, 2x2 max-pool gradient 1.0 -> 0.3 ms, first-layer im2col
 * 1.1 -> 0.45 ms (self time per kernel call, see the kernels using them).
 *
 * Returns null (callers keep their JavaScript loop) when the backend's memory cannot be imported
 * (the threaded build's shared memory), or when DLKIT_SIMD_KERNELS=0 (for comparisons).
 *
 * @example
 * const k = simdKernels(backend);
 * if (k) k.maxpool_grad_2x2(ptr(backend, x), ptr(backend, dy), ptr(backend, dx), B, H, W, C, oh, ow);
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { KERNELS_WASM_BASE64 } from './kernels-wasm';

export interface SimdKernels {
  /** dx [B, H, W, C] = col2im(cols [B*oh*ow, kh*kw*C]); see kernels.wat. */
  col2im(
    dx: number,
    cols: number,
    B: number,
    oh: number,
    ow: number,
    H: number,
    W: number,
    C: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    top: number,
    left: number,
  ): void;
  /** dx [B, H, W, C] from x and dy [B, oh, ow, C], unpadded 2x2 windows, stride 2, C % 4 == 0. */
  maxpool_grad_2x2(
    x: number,
    dy: number,
    dx: number,
    B: number,
    H: number,
    W: number,
    C: number,
    oh: number,
    ow: number,
  ): void;
  /** cols [kh*kw*C, B*oh*ow] from x [B, H, W, C]. */
  im2col_rows(
    cols: number,
    x: number,
    B: number,
    H: number,
    W: number,
    C: number,
    oh: number,
    ow: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    top: number,
    left: number,
  ): void;
}

/** The slice of the WebAssembly JS API used here (core compiles without the DOM lib that declares it). */
interface WasmApi {
  Memory: abstract new (...args: never[]) => object;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: object | undefined;
const instances = new WeakMap<object, SimdKernels | null>();

/** The kernels bound to this backend's memory, or null (see the file comment). */
export function simdKernels(backend: BackendWasm): SimdKernels | null {
  if (process.env.DLKIT_SIMD_KERNELS === '0') return null;
  const memory = (backend.wasm as unknown as { asm?: { memory?: unknown } }).asm?.memory;
  if (!(memory instanceof wasmApi.Memory)) return null;
  let kernels = instances.get(memory);
  if (kernels === undefined) {
    try {
      compiled ??= new wasmApi.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'));
      kernels = new wasmApi.Instance(compiled, { env: { memory } }).exports as unknown as SimdKernels;
    } catch {
      kernels = null; // e.g. a shared memory: the import is declared unshared
    }
    instances.set(memory, kernels);
  }
  return kernels;
}

/** Byte offset of a tensor's buffer in the backend's memory. */
export function ptr(backend: BackendWasm, info: tf.TensorInfo): number {
  const data = backend.dataIdMap.get(info.dataId) as { memoryOffset?: number | null } | undefined;
  if (typeof data?.memoryOffset !== 'number') throw new Error('simd kernels: tensor buffer is not on the wasm heap');
  return data.memoryOffset;
}
