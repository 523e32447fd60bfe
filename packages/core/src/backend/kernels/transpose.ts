/**
 * Transpose for the wasm backend when it swaps the last two axes (a matrix transpose, possibly
 * batched): a cache-blocked copy in JavaScript. Other permutations go to the stock kernel.
 *
 *   out[b, j, i] = x[b, i, j]        (x [..., m, n] -> [..., n, m])
 *
 * Why: the stock kernel walks the output with generic index arithmetic; the dense layers'
 * gradients transpose their weights every step (BatchMatMul with transposed operands, see
 * batchMatMul.ts): [512, 128] took ~0.35 ms there, ~5 ns per value.
 */
import * as tf from '@tensorflow/tfjs';
import { Transpose, type KernelConfig, type KernelFunc, type TransposeAttrs } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { stockKernel, withStockSetup } from './stock-kernel';
import { outputWithHeapViews, requireInputs } from './tensor-info';

const stock = stockKernel(Transpose);
const BLOCK = 32;

/** True when `perm` keeps the leading axes and swaps the last two. */
export function isLastTwoSwap(perm: readonly number[]): boolean {
  const r = perm.length;
  if (r < 2) return false;
  for (let i = 0; i < r - 2; i++) if (perm[i] !== i) return false;
  return perm[r - 2] === r - 1 && perm[r - 1] === r - 2;
}

/** out = x^T per matrix, for `batch` row-major [m, n] matrices stored one after another. */
export function transposeMatrices(
  x: Float32Array | Int32Array,
  batch: number,
  m: number,
  n: number,
  out: Float32Array | Int32Array,
): void {
  const size = m * n;
  for (let b = 0, base = 0; b < batch; b++, base += size) {
    for (let i0 = 0; i0 < m; i0 += BLOCK) {
      const i1 = Math.min(m, i0 + BLOCK);
      for (let j0 = 0; j0 < n; j0 += BLOCK) {
        const j1 = Math.min(n, j0 + BLOCK);
        for (let i = i0; i < i1; i++) {
          const src = base + i * n;
          for (let j = j0; j < j1; j++) out[base + j * m + i] = x[src + j]!;
        }
      }
    }
  }
}

function transpose(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { x } = requireInputs(args.inputs, ['x'], Transpose);
  const { perm } = args.attrs as unknown as TransposeAttrs;
  if ((x.dtype !== 'float32' && x.dtype !== 'int32') || !isLastTwoSwap(perm)) return stock.kernelFunc(args);
  const backend = args.backend as BackendWasm;
  const shape = x.shape;
  const r = shape.length;
  const m = shape[r - 2]!;
  const n = shape[r - 1]!;
  const batch = shape.slice(0, r - 2).reduce((p, q) => p * q, 1);
  const { out, xs, ys } = outputWithHeapViews(backend, x, [...shape.slice(0, r - 2), n, m], x.dtype);
  if (m === 1 || n === 1) ys.set(xs);
  else transposeMatrices(xs as Float32Array | Int32Array, batch, m, n, ys as Float32Array | Int32Array);
  return out;
}

export const transposeConfig: KernelConfig = withStockSetup(stock, transpose as KernelFunc);
