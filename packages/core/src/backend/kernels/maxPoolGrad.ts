/**
 * MaxPoolGrad for the wasm backend, replacing the stock kernel, which is both wrong and slow:
 * - wrong (tfjs-backend-wasm 4.22, checked against tfjs-backend-cpu): a window whose values are
 *   all negative loses its gradient (4x4 input of negatives, 2x2/2 pool, dy = [1, 2, 3, 4]:
 *   stock dx has a single 1 at index 0, cpu puts 1, 2, 3, 4 at the window maxima), and ties go
 *   to the *last* maximum, where TensorFlow and tfjs-backend-cpu (maxPoolPositions) pick the
 *   *first* maximum in row-major window order. Any max pool after a layer that can go negative
 *   (batchnorm, tanh, linear) trained on wrong gradients. MaxPoolWithArgmax is no way out: it
 *   also returns index 0 for all-negative windows.
 * - slow: it rescans every window for every input position, 13.8 ms for the MNIST CNN's first
 *   pooling gradient ([64, 26, 26, 16], 2x2/2) against 6.0 ms for the loop below.
 *
 * One pass over the windows, in JavaScript on the wasm heap (as tfjs-backend-wasm's own Slice and
 * Concat kernels do): for each output position, the first maximum per channel over the window
 * taps inside the input, then dx[argmax] += dy (overlapping windows add up).
 * Attributes are read as tfjs-backend-cpu's MaxPoolGrad reads them.
 */
import * as tf from '@tensorflow/tfjs';
import { MaxPoolGrad, type KernelConfig, type KernelFunc, type MaxPoolGradAttrs } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { stockKernel, withStockSetup } from './stockKernel';
import { requireInputs } from './tensorInfo';

const stock = stockKernel(MaxPoolGrad);

function maxPoolGrad(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { dy, input } = requireInputs(args.inputs, ['dy', 'input'], MaxPoolGrad);
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') return stock.kernelFunc(args);
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: oh, outWidth: ow } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const backend = args.backend as BackendWasm;
  // Bring both inputs onto this backend before taking heap views: a move allocates, and a
  // growing heap detaches every view taken earlier.
  backend.dataIdMap.get(input.dataId);
  backend.dataIdMap.get(dy.dataId);
  const out = backend.makeOutput(input.shape, 'float32');
  const dx = backend.typedArrayFromHeap(out) as Float32Array; // [B, H, W, C]
  const x = backend.typedArrayFromHeap(input) as Float32Array; // [B, H, W, C]
  const g = backend.typedArrayFromHeap(dy) as Float32Array; // [B, oh, ow, C]
  dx.fill(0);
  const best = new Float32Array(C);
  const bestAt = new Int32Array(C);
  let o = 0; // offset of (b, i, j, 0) in dy
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < oh; i++) {
      const r0 = i * sh - top;
      for (let j = 0; j < ow; j++, o += C) {
        const c0 = j * sw - left;
        best.fill(Number.NEGATIVE_INFINITY);
        bestAt.fill(-1);
        for (let p = Math.max(0, -r0); p < kh && r0 + p < H; p++) {
          for (let q = Math.max(0, -c0); q < kw && c0 + q < W; q++) {
            const base = ((b * H + r0 + p) * W + c0 + q) * C;
            for (let c = 0; c < C; c++) {
              const v = x[base + c]!;
              if (v > best[c]!) {
                best[c] = v; // strict '>': the first maximum wins, NaN never does
                bestAt[c] = base + c;
              }
            }
          }
        }
        for (let c = 0; c < C; c++) if (bestAt[c]! >= 0) dx[bestAt[c]!] += g[o + c]!;
      }
    }
  }
  return out;
}

export const maxPoolGradConfig: KernelConfig = withStockSetup(stock, maxPoolGrad as KernelFunc);
