/**
 * Sum and Mean for the wasm backend: the stock kernels, except for the reduction every bias and
 * batch-norm gradient (and batch norm's batch statistics) does, over all leading axes of a
 * float32 tensor (x [..., C] -> [C]). The stock kernels transpose the reduced axes to the end
 * and then reduce rows; here it is one matrix product with a constant row, which XNNPACK runs
 * at full speed:
 *   sum(x, axes 0..r-2)  = ones[1, N] @ x[N, C],   N = prod(shape[0..r-2])
 *   mean(x, axes 0..r-2) = (1/N)[1, N] @ x[N, C]
 * Measured: x [64, 24, 24, 16] (the MNIST CNN's conv1 bias gradient) 0.70 ms stock vs 0.09 ms.
 * The result differs from the stock order of additions only in rounding (float32 sums of N terms).
 */
import * as tf from '@tensorflow/tfjs';
import { Mean, Sum, type KernelConfig, type KernelFunc, type SumAttrs } from '@tensorflow/tfjs';
import { stockKernel, withStockSetup } from './stockKernel';
import { requireInputs, runOnTensors } from './tensorInfo';

/** True when `axis` names exactly the axes 0..rank-2 (in any order, negatives allowed). */
export function isLeadingAxes(axis: number | number[], rank: number): boolean {
  const axes = (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a));
  if (rank < 2 || axes.length !== rank - 1) return false;
  const seen = new Set(axes);
  for (let a = 0; a < rank - 1; a++) if (!seen.has(a)) return false;
  return true;
}

/** A Sum or Mean kernel whose leading-axes case is `weight[1, N] @ x[N, C]` with every weight `weightOf(N)`. */
function leadingAxesReduction(name: typeof Sum | typeof Mean, weightOf: (n: number) => number): KernelConfig {
  const stock = stockKernel(name);
  const kernelFunc = (args: Parameters<KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] => {
    const { x } = requireInputs(args.inputs, ['x'], name);
    const { axis, keepDims } = args.attrs as unknown as SumAttrs; // MeanAttrs has the same fields
    if (x.dtype !== 'float32' || !isLeadingAxes(axis, x.shape.length)) return stock.kernelFunc(args);
    const C = x.shape[x.shape.length - 1]!;
    const N = x.shape.slice(0, -1).reduce((p, q) => p * q, 1);
    const outShape = keepDims ? [...x.shape.slice(0, -1).map(() => 1), C] : [C];
    // [1, N] @ [N, C] -> [1, C]
    return runOnTensors(args.backend, [x], (t) => tf.reshape(tf.matMul(tf.fill([1, N], weightOf(N)), tf.reshape(t, [N, C])), outShape));
  };
  return withStockSetup(stock, kernelFunc as KernelFunc);
}

export const sumConfig: KernelConfig = leadingAxesReduction(Sum, () => 1);
export const meanConfig: KernelConfig = leadingAxesReduction(Mean, (n) => 1 / n);
