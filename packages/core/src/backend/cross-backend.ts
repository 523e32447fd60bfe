/**
 * Running the same computation on two tfjs backends, to check dlkit's wasm kernels against the
 * tfjs cpu backend (the reference implementation of every kernel).
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../data/rng';

/** A tensor's shape and a copy of its values, independent of any backend. */
export interface HostTensor {
  shape: number[];
  values: Float32Array | Int32Array | Uint8Array;
}

/**
 * Switches to `backend`, runs `fn` inside tf.tidy, copies every returned tensor to the host, and
 * switches back to the backend that was active before (also when `fn` throws).
 *
 * @example
 * const [cpu] = await computeOn('cpu', () => [tf.conv2d(x(), w(), 1, 'same')]);
 */
export async function computeOn(backend: string, fn: () => tf.Tensor[]): Promise<HostTensor[]> {
  const previous = tf.getBackend();
  if (!(await tf.setBackend(backend))) throw new Error(`backend '${backend}' failed to initialise`);
  try {
    const results = tf.tidy(fn);
    const copies = results.map((t) => ({ shape: [...t.shape], values: t.dataSync().slice() as HostTensor['values'] }));
    tf.dispose(results);
    return copies;
  } finally {
    await tf.setBackend(previous);
  }
}

/** Seeded standard-normal values (scaled by `std`) for a tensor of `shape`. */
export function seededValues(shape: number[], seed: number, std = 1): Float32Array {
  const rng = new Rng(seed);
  const n = shape.reduce((p, q) => p * q, 1);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal(0, std);
  return out;
}

/** `tf.engine().runKernel` with typed inputs and attributes; returns the (single) output. */
export function runKernel(name: string, inputs: Record<string, tf.Tensor>, attrs: object): tf.Tensor {
  return tf.engine().runKernel(name, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
}

/** The results of `fn` on the cpu backend (the reference) and on the wasm backend. */
export async function onCpuAndWasm(fn: () => tf.Tensor[]): Promise<{ cpu: HostTensor[]; wasm: HostTensor[] }> {
  return { cpu: await computeOn('cpu', fn), wasm: await computeOn('wasm', fn) };
}
