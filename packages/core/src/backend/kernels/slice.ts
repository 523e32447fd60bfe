/**
 * Slice and Unpack for the wasm backend, replacing the stock kernels for speed. The stock Slice
 * reads its input with `backend.readSync`, which copies the *whole* input out of the wasm heap
 * before taking the slice, so one slice costs as much as the input, and Unpack (a slice per
 * step) is quadratic: tfjs-layers' recurrent layers unstack their [time, batch, features] input
 * every call, and for 329 steps × [32, 64] that took 460 of the 530 ms of a GRU forward pass
 * (tf.profile, ~1 ms per 8 KB slice of a 2.7 MB input). Here the slices are copied from a view of
 * the heap: contiguous runs with `subarray` + `set`, one run per row of the last axis otherwise.
 *
 * Strings go to the stock kernels.
 */
import * as tf from '@tensorflow/tfjs';
import { Slice, Unpack, type KernelConfig, type KernelFunc, type SliceAttrs, type UnpackAttrs } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { stockKernel, withStockSetup } from './stock-kernel';
import { outputWithHeapViews, requireInputs } from './tensor-info';

const stockSlice = stockKernel(Slice);
const stockUnpack = stockKernel(Unpack);

/**
 * Copies x[begin : begin + size] (row-major, `shape`) into `out`. Exported for the spec.
 * Runs of the innermost axes that are taken whole are merged into one contiguous copy.
 */
export function sliceInto(
  xs: tf.TypedArray,
  shape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  out: tf.TypedArray,
): void {
  const rank = shape.length;
  if (rank === 0) {
    out.set(xs.subarray(0, out.length));
    return;
  }
  const strides = new Array<number>(rank);
  for (let k = rank - 1, s = 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  // the innermost axes taken whole, and the first partial one, form contiguous runs of `run` values
  let inner = rank - 1;
  let run = size[inner];
  while (inner > 0 && size[inner] === shape[inner] && begin[inner] === 0) run *= size[--inner];
  const total = out.length;
  if (total === 0) return;
  const index = new Array<number>(inner).fill(0); // odometer over axes 0 .. inner-1
  for (let dst = 0; dst < total; dst += run) {
    let src = begin[inner] * strides[inner];
    for (let k = 0; k < inner; k++) src += (begin[k] + index[k]) * strides[k];
    out.set(xs.subarray(src, src + run), dst);
    for (let k = inner - 1; k >= 0; k--) {
      if (++index[k] < size[k]) break;
      index[k] = 0;
    }
  }
}

function sliceInfo(backend: BackendWasm, x: tf.TensorInfo, begin: number[], size: number[]): tf.TensorInfo {
  const views = outputWithHeapViews(backend, x, size, x.dtype);
  sliceInto(views.xs, x.shape, begin, size, views.ys);
  return views.out;
}

function slice(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { x } = requireInputs(args.inputs, ['x'], Slice);
  if (x.dtype === 'string') return stockSlice.kernelFunc(args);
  const attrs = args.attrs as unknown as SliceAttrs;
  const [begin, size] = tf.slice_util.parseSliceParams(x, attrs.begin, attrs.size);
  return sliceInfo(args.backend as BackendWasm, x, begin, size);
}

function unpack(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { value } = requireInputs(args.inputs, ['value'], Unpack);
  if (value.dtype === 'string') return stockUnpack.kernelFunc(args);
  const rank = value.shape.length;
  const axis = tf.util.parseAxisParam((args.attrs as unknown as UnpackAttrs).axis, value.shape)[0];
  const outShape = value.shape.filter((_, k) => k !== axis);
  const begin = new Array<number>(rank).fill(0);
  const size = value.shape.slice();
  size[axis] = 1;
  const outs: tf.TensorInfo[] = [];
  for (let i = 0; i < value.shape[axis]; i++) {
    begin[axis] = i;
    const { dataId, dtype } = sliceInfo(args.backend as BackendWasm, value, begin, size);
    outs.push({ dataId, dtype, shape: outShape });
  }
  return outs;
}

export const sliceConfig: KernelConfig = withStockSetup(stockSlice, slice as KernelFunc);
export const unpackConfig: KernelConfig = withStockSetup(stockUnpack, unpack as KernelFunc);
