/**
 * Identity, and Cast to the dtype a tensor already has, for the wasm backend: the output shares
 * the input's buffer (one more reference) instead of copying it, as tfjs-backend-cpu does.
 * Buffers are never written after creation, so sharing is safe; the engine frees a buffer when
 * its last reference goes.
 *
 * Why: the stock wasm kernels copy. The gradient tape and tfjs-layers call Identity and
 * float32 -> float32 Cast ~100 times per MNIST CNN training step (up to [32, 24, 24, 16] each),
 * ~0.5 ms of a ~21 ms half-batch step. Strings and real dtype changes go to the stock kernels,
 * except casts to bool: the stock kernel stores each value truncated into a byte (-2.2 -> 254,
 * 256 -> 0), where tfjs means `x != 0` (tfjs-backend-cpu), so those are computed here.
 */
import * as tf from '@tensorflow/tfjs';
import { Cast, Identity, type CastAttrs, type KernelConfig, type KernelFunc } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { stockKernel, withStockSetup } from './stock-kernel';
import { outputWithHeapViews, requireInputs } from './tensor-info';

const stockIdentity = stockKernel(Identity);
const stockCast = stockKernel(Cast);

/** A new reference to x's buffer, as a kernel output. */
function alias(x: tf.TensorInfo, backend: tf.KernelBackend): tf.TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

function identity(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { x } = requireInputs(args.inputs, ['x'], Identity);
  if (x.dtype === 'string') return stockIdentity.kernelFunc(args);
  return alias(x, args.backend as tf.KernelBackend);
}

function cast(args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const { x } = requireInputs(args.inputs, ['x'], Cast);
  const { dtype } = args.attrs as unknown as CastAttrs;
  if (x.dtype !== 'string' && x.dtype === dtype) return alias(x, args.backend as tf.KernelBackend);
  if (dtype === 'bool' && (x.dtype === 'float32' || x.dtype === 'int32'))
    return castToBool(x, args.backend as BackendWasm);
  return stockCast.kernelFunc(args);
}

/** out = (x != 0), NaN counting as true, as tfjs-backend-cpu casts to bool. */
function castToBool(x: tf.TensorInfo, backend: BackendWasm): tf.TensorInfo {
  const { out, xs, ys } = outputWithHeapViews(backend, x, x.shape, 'bool');
  for (let i = 0; i < xs.length; i++) ys[i] = xs[i] !== 0 ? 1 : 0;
  return out;
}

export const identityConfig: KernelConfig = withStockSetup(stockIdentity, identity as KernelFunc);
export const castConfig: KernelConfig = withStockSetup(stockCast, cast as KernelFunc);
