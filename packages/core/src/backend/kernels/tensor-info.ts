/**
 * Running ordinary tf ops inside a kernel function.
 *
 * A kernel receives `TensorInfo`s (usually real tensors, but backends also call kernels with bare
 * infos). `engine.makeTensorFromTensorInfo` (tfjs-core 4.22 engine.js) wraps an info as a tensor
 * *without* taking a reference on the backend buffer, so disposing such a wrapper would free the
 * caller's buffer. We therefore `incRef` first: the wrapper owns one extra reference, and
 * disposing it gives exactly that reference back (every kernel spec checks the inputs survive).
 *
 * The gradient tape is off while a kernel runs (`engine.state.kernelDepth > 0`), so the ops here
 * are not recorded.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** A tensor sharing `info`'s buffer, holding its own reference to it. Dispose it when done. */
export function wrapTensorInfo(info: tf.TensorInfo, backend: tf.KernelBackend): tf.Tensor {
  backend.incRef(info.dataId);
  return tf.engine().makeTensorFromTensorInfo(info, backend);
}

/**
 * Calls `fn` inside `tf.tidy` with the kernel inputs wrapped as tensors; every intermediate and
 * every wrapper is disposed, only the returned tensor survives (it becomes the kernel's output).
 */
export function runOnTensors<T extends tf.Tensor>(
  backend: unknown,
  inputs: tf.TensorInfo[],
  fn: (...tensors: tf.Tensor[]) => T,
): T {
  const kernelBackend = backend as tf.KernelBackend;
  return tf.tidy(() => fn(...inputs.map((info) => wrapTensorInfo(info, kernelBackend))));
}

/** The named kernel inputs, or an error naming the kernel and the missing input. */
export function requireInputs<K extends string>(
  inputs: tf.NamedTensorInfoMap,
  names: readonly K[],
  kernel: string,
): Record<K, tf.TensorInfo> {
  const out = {} as Record<K, tf.TensorInfo>;
  for (const name of names) {
    const info = inputs[name];
    if (!info) throw new Error(`${kernel}: missing input '${name}' (expected inputs: ${names.join(', ')})`);
    out[name] = info;
  }
  return out;
}

/**
 * A new kernel output of `shape`/`dtype` on the wasm heap, with views of the input's and the
 * output's values. The output is allocated before the views are taken: an allocation may grow
 * the heap, which detaches every view taken earlier.
 */
export function outputWithHeapViews(
  backend: BackendWasm,
  x: tf.TensorInfo,
  shape: number[],
  dtype: tf.DataType,
): { out: tf.TensorInfo; xs: tf.TypedArray; ys: tf.TypedArray } {
  backend.dataIdMap.get(x.dataId);
  const out = backend.makeOutput(shape, dtype);
  return { out, xs: backend.typedArrayFromHeap(x), ys: backend.typedArrayFromHeap(out) };
}
