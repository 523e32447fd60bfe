/**
 * The table of kernels that dlkit registers on (or replaces in) the wasm backend.
 * One file per kernel; add a row here to register a new one.
 *
 * Tried and dropped: leading-axes Sum/Mean (bias and batch-norm gradients) as `ones[1, N] @ x[N, C]`.
 * Alone it looked ~7x faster, but only because the benchmark reused one x: XNNPACK packs the
 * right-hand operand as weights, once per tensor, so in a training step (a new x every call) it
 * was ~1 ms per step slower than the stock kernel (A/B of the MNIST CNN step, 3 alternating runs).
 * A col2im Conv2DBackpropInput with a JavaScript scatter-add was about even with the padded conv
 * (MNIST conv2: 6.1 vs 6.0 ms); with the scatter in wasm SIMD (../simd) it wins where the padded
 * conv wastes most of its products (prefersCol2im).
 * Also Adam as one JavaScript loop per variable: ~6 ns per weight, slower than tfjs' ops on wasm.
 */
import type { KernelConfig } from '@tensorflow/tfjs';
import { castConfig, identityConfig } from './alias-identity';
import { batchMatMulConfig } from './batch-mat-mul';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2DBackpropInputConfig } from './conv2d-backprop-input';
import { conv3DBackpropFilterV2Config } from './conv3d-backprop-filter-v2';
import { conv3DBackpropInputV2Config } from './conv3d-backprop-input-v2';
import { depthwiseConv2dNativeBackpropFilterConfig } from './depthwise-conv2d-native-backprop-filter';
import { depthwiseConv2dNativeBackpropInputConfig } from './depthwise-conv2d-native-backprop-input';
import { meanConfig, sumConfig } from './leading-axes-reduce';
import { gatherV2Config } from './gather-v2';
import { maxPool3DConfig } from './max-pool3d';
import { maxPool3DGradConfig } from './max-pool3d-grad';
import { maxPoolGradConfig } from './max-pool-grad';
import { sliceConfig, unpackConfig } from './slice';
import { tileConfig } from './tile';
import { transposeConfig } from './transpose';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum';

export const EXTRA_WASM_KERNELS: KernelConfig[] = [
  conv2DBackpropFilterConfig, // missing in tfjs-backend-wasm 4.22 (tfjs issue 8474)
  conv2DBackpropInputConfig, // replaces the stock kernel: ~6x faster through XNNPACK
  depthwiseConv2dNativeBackpropFilterConfig, // missing
  depthwiseConv2dNativeBackpropInputConfig, // missing
  unsortedSegmentSumConfig, // missing: the gradient of gather / Embedding
  conv3DBackpropInputV2Config, // replaces the stock kernel: wrong even at stride 1
  conv3DBackpropFilterV2Config, // replaces the stock kernel: wrong for strides > 1
  batchMatMulConfig, // wraps the stock kernel: transposed operands ~5x faster
  maxPoolGradConfig, // replaces the stock kernel: loses all-negative windows, ~2x slower
  maxPool3DGradConfig, // replaces the stock kernel: loses all-negative windows
  maxPool3DConfig, // replaces the stock kernel: all-negative windows give 1.17e-38
  tileConfig, // replaces the stock kernel: ~10x faster block copies (batch norm's gradient)
  identityConfig, // wraps the stock kernel: shares the buffer instead of copying
  castConfig, // wraps the stock kernel: a cast to the same dtype shares the buffer
  sumConfig, // wraps the stock kernel: leading-axes sums (bias, batch norm) in one pass, no transpose
  meanConfig, // wraps the stock kernel: leading-axes means, as Sum
  transposeConfig, // wraps the stock kernel: matrix transposes by cache blocks
  gatherV2Config, // wraps the stock kernel: slice copies (every mini-batch is a row gather)
  sliceConfig, // replaces the stock kernel: copies from a heap view, not from a copy of the whole input
  unpackConfig, // replaces the stock kernel: recurrent layers unstack their input every call (was quadratic)
];
