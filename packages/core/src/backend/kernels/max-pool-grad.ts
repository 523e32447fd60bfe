/**
 * MaxPoolGrad for the wasm backend, replacing the stock kernel, which is wrong and slow:
 * - wrong: a window whose values are all negative loses its gradient (see poolArgmax.ts; 4x4
 *   input of negatives, 2x2/2 pool, dy = [1, 2, 3, 4]: stock dx has a single 1 at index 0, cpu
 *   puts 1, 2, 3, 4 at the window maxima), and ties go to the last maximum where TensorFlow and
 *   tfjs-backend-cpu pick the first. Any max pool after a layer that can go negative (batchnorm,
 *   tanh, linear) trained on wrong gradients.
 * - slow: it rescans every window for every input position, 13.8 ms for the MNIST CNN's first
 *   pooling gradient ([64, 26, 26, 16], 2x2/2) against ~6 ms here.
 *
 *   dx[argmax(window k)] += dy[k]   (overlapping windows add up)
 * Attributes are read as tfjs-backend-cpu's MaxPoolGrad reads them.
 */
import * as tf from '@tensorflow/tfjs';
import { MaxPoolGrad, type KernelConfig, type KernelFunc, type MaxPoolGradAttrs } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { pool2dGeometry, poolArgmax, type PoolGeometry } from './pool-argmax';
import { ptr, simdKernels } from '../simd/simd-kernels';
import { stockKernel, withStockSetup } from './stock-kernel';
import { requireInputs } from './tensor-info';

const stock = stockKernel(MaxPoolGrad);

function maxPoolGrad(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { dy, input } = requireInputs(args.inputs, ['dy', 'input'], MaxPoolGrad);
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') return stock.kernelFunc(args);
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const backend = args.backend as BackendWasm;
  // Bring both inputs onto this backend before taking heap views: a move allocates, and a
  // growing heap detaches every view taken earlier.
  backend.dataIdMap.get(input.dataId);
  backend.dataIdMap.get(dy.dataId);
  const out = backend.makeOutput(input.shape, 'float32');
  const geometry = pool2dGeometry(info);
  const x = backend.typedArrayFromHeap(input) as Float32Array; // [B, H, W, C]
  const dx = backend.typedArrayFromHeap(out) as Float32Array; // [B, H, W, C]
  const g = backend.typedArrayFromHeap(dy) as Float32Array; // [B, oh, ow, C]
  if (isUnpadded2x2Stride2(geometry) && geometry.channels % 4 === 0) {
    const simd = simdKernels(backend);
    if (simd) {
      const [, H, W] = geometry.inSize;
      const [, oh, ow] = geometry.outSize;
      simd.maxpool_grad_2x2(
        ptr(backend, input),
        ptr(backend, dy),
        ptr(backend, out),
        geometry.batch,
        H,
        W,
        geometry.channels,
        oh,
        ow,
      );
      return out;
    }
  }
  dx.fill(0);
  if (isUnpadded2x2Stride2(geometry)) {
    maxPoolGrad2x2(x, g, dx, geometry);
    return out;
  }
  const argmax = poolArgmax(x, geometry); // [B, oh, ow, C]
  for (let k = 0; k < argmax.length; k++) if (argmax[k]! >= 0) dx[argmax[k]!] += g[k]!;
  return out;
}

/** The CNN workhorse, 2x2 windows with stride 2 and no padding: windows do not overlap. */
function isUnpadded2x2Stride2(g: PoolGeometry): boolean {
  const [, kh, kw] = g.window;
  const [, sh, sw] = g.strides;
  const [, top, left] = g.padBefore;
  const [, H, W] = g.inSize;
  const [, oh, ow] = g.outSize;
  return kh === 2 && kw === 2 && sh === 2 && sw === 2 && top === 0 && left === 0 && 2 * oh <= H && 2 * ow <= W;
}

/**
 * dx[first max of window k] = dy[k] for non-overlapping 2x2 windows: the same rule as
 * poolArgmax (strict '>' from -infinity, row-major order, so ties go to the first maximum and a
 * window of NaNs passes nothing), without the argmax array. ~4x faster than the general loop on
 * the MNIST CNN's first pool ([64, 24, 24, 16]).
 */
function maxPoolGrad2x2(x: Float32Array, g: Float32Array, dx: Float32Array, geometry: PoolGeometry): void {
  const [, H, W] = geometry.inSize;
  const [, oh, ow] = geometry.outSize;
  const C = geometry.channels;
  const rowStride = W * C;
  let o = 0; // offset of (b, i, j, 0) in dy
  for (let b = 0; b < geometry.batch; b++) {
    for (let i = 0; i < oh; i++) {
      const row = (b * H + 2 * i) * rowStride;
      for (let j = 0; j < ow; j++, o += C) {
        const p00 = row + 2 * j * C;
        const p01 = p00 + C;
        const p10 = p00 + rowStride;
        const p11 = p10 + C;
        for (let c = 0; c < C; c++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          let v = x[p00 + c]!;
          if (v > best) {
            best = v;
            at = p00 + c;
          }
          v = x[p01 + c]!;
          if (v > best) {
            best = v;
            at = p01 + c;
          }
          v = x[p10 + c]!;
          if (v > best) {
            best = v;
            at = p10 + c;
          }
          v = x[p11 + c]!;
          if (v > best) at = p11 + c;
          if (at >= 0) dx[at] = g[o + c]!;
        }
      }
    }
  }
}

export const maxPoolGradConfig: KernelConfig = withStockSetup(stock, maxPoolGrad as KernelFunc);
