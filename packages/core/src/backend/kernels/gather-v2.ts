/**
 * GatherV2 for the wasm backend: whole slices copied in JavaScript. Every mini-batch the Trainer
 * draws is a gather of rows (data/batches.ts takeRows), and the stock kernel copies element by
 * element with full index arithmetic: 64 MNIST rows ([64, 28, 28, 1] out of [2560, 28, 28, 1])
 * took ~1.4 ms, on the main thread while data-parallel workers wait; block copies take ~0.05 ms.
 *
 * With x viewed as [batch, outer, dim, slice] and indices as [batch, n] (tfjs-core's
 * collectGatherOpShapeInfo, which also gives the output shape):
 *   out[b, o, k, :] = x[b, o, indices[b, k], :]
 * Indices out of range throw as the stock kernel does. Dtypes other than float32/int32 go to it.
 */
import * as tf from '@tensorflow/tfjs';
import { GatherV2, type GatherV2Attrs, type KernelConfig, type KernelFunc } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { stockKernel, withStockSetup } from './stock-kernel';
import { outputWithHeapViews, requireInputs } from './tensor-info';

const stock = stockKernel(GatherV2);

/** Below this slice length a plain loop beats subarray + set. */
const SET_MIN_SLICE = 32;

function gatherV2(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { x, indices } = requireInputs(args.inputs, ['x', 'indices'], GatherV2);
  if ((x.dtype !== 'float32' && x.dtype !== 'int32') || indices.dtype !== 'int32') return stock.kernelFunc(args);
  const { axis, batchDims } = args.attrs as unknown as GatherV2Attrs;
  const backend = args.backend as BackendWasm;
  const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0]!;
  const info = tf.backend_util.segment_util.collectGatherOpShapeInfo(
    x as tf.Tensor,
    indices as tf.Tensor,
    parsedAxis,
    batchDims,
  );
  const { batchSize, outerSize, dimSize, sliceSize } = info;
  const idx = backend.readSync(indices.dataId) as Int32Array;
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i]!;
    if (!(v >= 0 && v < dimSize)) throw new Error(`GatherV2: the index value ${v} is not in [0, ${dimSize - 1}]`);
  }
  const n = idx.length / batchSize;
  const views = outputWithHeapViews(backend, x, info.outputShape, x.dtype);
  const xs = views.xs as Float32Array | Int32Array;
  const ys = views.ys as Float32Array | Int32Array;
  let dst = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let o = 0; o < outerSize; o++) {
      const base = (b * outerSize + o) * dimSize;
      for (let k = 0; k < n; k++, dst += sliceSize) {
        const src = (base + idx[b * n + k]!) * sliceSize;
        if (sliceSize >= SET_MIN_SLICE) ys.set(xs.subarray(src, src + sliceSize), dst);
        else for (let s = 0; s < sliceSize; s++) ys[dst + s] = xs[src + s]!;
      }
    }
  }
  return views.out;
}

export const gatherV2Config: KernelConfig = withStockSetup(stock, gatherV2 as KernelFunc);
