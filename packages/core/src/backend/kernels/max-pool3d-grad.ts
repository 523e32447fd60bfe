/**
 * MaxPool3DGrad for the wasm backend, replacing the stock kernel, which loses the gradient of
 * every window whose values are all negative (see poolArgmax.ts; [1, 2, 2, 4, 1] input of
 * negatives, 2x2x2/2 pool, dy = [1, 2]: stock dx has a single 1 at index 0, cpu puts 1 and 2 at
 * the two window maxima).
 *
 *   dx[argmax(window k)] += dy[k]   (overlapping windows add up)
 * The first maximum in (depth, row, column) order wins ties, as in TensorFlow's MaxPool3DGrad;
 * tfjs-backend-cpu's 3-d kernel picks the last one. Attributes are read as tfjs-backend-cpu's
 * MaxPool3DGrad reads them.
 */
import * as tf from '@tensorflow/tfjs';
import { MaxPool3DGrad, type KernelConfig, type KernelFunc, type MaxPool3DGradAttrs } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { pool3dGeometry, poolArgmax } from './pool-argmax';
import { stockKernel, withStockSetup } from './stock-kernel';
import { requireInputs } from './tensor-info';

const stock = stockKernel(MaxPool3DGrad);

function maxPool3DGrad(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { dy, input } = requireInputs(args.inputs, ['dy', 'input'], MaxPool3DGrad);
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') return stock.kernelFunc(args);
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as MaxPool3DGradAttrs;
  const info = tf.backend_util.computePool3DInfo(
    input.shape as [number, number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const backend = args.backend as BackendWasm;
  backend.dataIdMap.get(input.dataId); // make the inputs resident before taking heap views
  backend.dataIdMap.get(dy.dataId);
  const out = backend.makeOutput(input.shape, 'float32');
  const argmax = poolArgmax(backend.typedArrayFromHeap(input) as Float32Array, pool3dGeometry(info)); // [B, od, oh, ow, C]
  const dx = backend.typedArrayFromHeap(out) as Float32Array; // [B, D, H, W, C]
  const g = backend.typedArrayFromHeap(dy) as Float32Array; // [B, od, oh, ow, C]
  dx.fill(0);
  for (let k = 0; k < argmax.length; k++) if (argmax[k]! >= 0) dx[argmax[k]!] += g[k]!;
  return out;
}

export const maxPool3DGradConfig: KernelConfig = withStockSetup(stock, maxPool3DGrad as KernelFunc);
