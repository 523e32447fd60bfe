/**
 * MaxPool3D for the wasm backend, replacing the stock kernel, which returns 1.17e-38 (FLT_MIN)
 * for every window whose values are all negative (see poolArgmax.ts; e.g. a 3x3x3 input of
 * negatives, 2x2x2/2 'same' pool: cpu gives -1, -9, -5, ..., stock 1.17e-38 everywhere).
 *
 *   y[k] = x[argmax(window k)]   (-infinity for a window with no input value above it)
 * Attributes are read as tfjs-backend-cpu's MaxPool3D reads them (NDHWC only, like the op).
 */
import * as tf from '@tensorflow/tfjs';
import { MaxPool3D, type KernelConfig, type KernelFunc, type MaxPool3DAttrs } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { pool3dGeometry, poolArgmax } from './pool-argmax';
import { stockKernel, withStockSetup } from './stock-kernel';
import { requireInputs } from './tensor-info';

const stock = stockKernel(MaxPool3D);

function maxPool3D(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { x } = requireInputs(args.inputs, ['x'], MaxPool3D);
  if (x.dtype !== 'float32') return stock.kernelFunc(args);
  const { filterSize, strides, pad, dimRoundingMode, dataFormat } = args.attrs as unknown as MaxPool3DAttrs;
  const info = tf.backend_util.computePool3DInfo(
    x.shape as [number, number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
    dataFormat,
  );
  const backend = args.backend as BackendWasm;
  backend.dataIdMap.get(x.dataId); // make the input resident before taking heap views
  const out = backend.makeOutput(info.outShape, 'float32');
  const xs = backend.typedArrayFromHeap(x) as Float32Array; // [B, D, H, W, C]
  const argmax = poolArgmax(xs, pool3dGeometry(info)); // [B, od, oh, ow, C]
  const y = backend.typedArrayFromHeap(out) as Float32Array;
  for (let k = 0; k < argmax.length; k++) y[k] = argmax[k]! >= 0 ? xs[argmax[k]!]! : Number.NEGATIVE_INFINITY;
  return out;
}

export const maxPool3DConfig: KernelConfig = withStockSetup(stock, maxPool3D as KernelFunc);
