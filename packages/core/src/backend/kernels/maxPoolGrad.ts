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
import { pool2dGeometry, poolArgmax } from './poolArgmax';
import { stockKernel, withStockSetup } from './stockKernel';
import { requireInputs } from './tensorInfo';

const stock = stockKernel(MaxPoolGrad);

function maxPoolGrad(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { dy, input } = requireInputs(args.inputs, ['dy', 'input'], MaxPoolGrad);
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') return stock.kernelFunc(args);
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  const backend = args.backend as BackendWasm;
  // Bring both inputs onto this backend before taking heap views: a move allocates, and a
  // growing heap detaches every view taken earlier.
  backend.dataIdMap.get(input.dataId);
  backend.dataIdMap.get(dy.dataId);
  const out = backend.makeOutput(input.shape, 'float32');
  const argmax = poolArgmax(backend.typedArrayFromHeap(input) as Float32Array, pool2dGeometry(info)); // [B, oh, ow, C]
  const dx = backend.typedArrayFromHeap(out) as Float32Array; // [B, H, W, C]
  const g = backend.typedArrayFromHeap(dy) as Float32Array; // [B, oh, ow, C]
  dx.fill(0);
  for (let k = 0; k < argmax.length; k++) if (argmax[k]! >= 0) dx[argmax[k]!] += g[k]!;
  return out;
}

export const maxPoolGradConfig: KernelConfig = withStockSetup(stock, maxPoolGrad as KernelFunc);
