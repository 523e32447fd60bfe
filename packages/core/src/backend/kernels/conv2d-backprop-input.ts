/**
 * Conv2DBackpropInput for the wasm backend, replacing the stock kernel for speed (the stock one is
 * a scalar C++ loop). Measured: MNIST conv2 gradient (dy [64, 11, 11, 32], 3x3) 20 ms stock vs
 * 3.4 ms here; dy [32, 16, 16, 32], 3x3 'same': stride 1 31 vs 2.9 ms, stride 2 35 vs 13 ms
 * (stride 2 convolves 4x as many positions, three quarters of them inserted zeros).
 * It is also the forward pass of conv2dTranspose.
 *
 * With y[b, i, j, o] = sum_{p, q, c} xPad[b, i*sh + p, j*sw + q, c] * w[p, q, c, o], the input
 * gradient is the transposed convolution (Dumoulin & Visin 2016, "A guide to convolution
 * arithmetic", sec. 4):
 *   dx = conv2d(u, flip(w)),  u = dy with sh-1 / sw-1 zeros inserted between rows / columns,
 *   padded by kh-1-top above and kw-1-left on the left (and by whatever fills H, W below/right),
 *   flip(w)[p, q, o, c] = w[kh-1-p, kw-1-q, c, o].
 * XNNPACK runs that conv. Attributes are read as tfjs-backend-cpu's Conv2DBackpropInput reads them.
 *
 * That conv multiplies every dx position by every tap, also where the padded dy is zero: it does
 * H*W / (oh*ow) times the useful work (2.25x for the MNIST CNN's conv2, 8x8 -> 12x12; ~4x at
 * stride 2). When that waste is large relative to the output channels (see prefersCol2im), the
 * gradient is taken the im2col way backwards instead (col2im; Chellapilla et al. 2006):
 *   cols = dy [B*oh*ow, O] @ w^T [O, kh*kw*C]       (one matmul, only the useful products)
 *   dx[b, i*sh + p - top, j*sw + q - left, c] += cols[(b, i, j), (p, q, c)]
 * where, for fixed (b, i, j, p), the in-range taps q cover consecutive dx columns, so each
 * scatter is one contiguous run of (taps) * C values. MNIST conv2 (dy [32, 8, 8, 32], 5x5,
 * C 16): 2.7 ms against 3.5 ms for flip + padded conv with the scatter in JavaScript (one process,
 * alternating); with the scatter in wasm SIMD (../simd, used when available) ~1.9 ms, most of it
 * the matmul.
 */
import * as tf from '@tensorflow/tfjs';
import {
  Conv2DBackpropInput,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs';
import { cropForPadding, flipFilter, upsampleByStride } from './conv-helpers';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { ptr, simdKernels } from '../simd/simd-kernels';
import { requireInputs, runOnTensors } from './tensor-info';

/** Largest cols matrix (values) the col2im route may allocate (64 MB of float32). */
const COL2IM_MAX_VALUES = 16 * 1024 * 1024;

/**
 * True when the col2im route should beat the padded conv: its JavaScript scatter costs about as
 * much per cols value as ~32 multiply-adds of the conv, which wastes O * (H*W / (oh*ow) - 1)
 * products per cols value. The crossover was set on one shape (MNIST conv2, O 32, ratio 2.25:
 * col2im ~25% faster with the JavaScript scatter) and kept with the cheaper SIMD scatter, so it
 * errs towards the conv route. Channels-last float32 only.
 */
export function prefersCol2im(info: tf.backend_util.Conv2DInfo): boolean {
  const { inHeight: H, inWidth: W, outHeight: oh, outWidth: ow, outChannels: O, batchSize: B } = info;
  const { filterHeight: kh, filterWidth: kw, inChannels: C } = info;
  if (info.dataFormat !== 'channelsLast' || oh * ow === 0) return false;
  if (B * oh * ow * kh * kw * C > COL2IM_MAX_VALUES) return false;
  return O * ((H * W) / (oh * ow) - 1) >= 32;
}

/** dx by col2im (see the file comment); dy [B, oh, ow, O], filter [kh, kw, C, O], channels last. */
function inputGradByCol2im(
  dy: tf.TensorInfo,
  filter: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: BackendWasm,
): tf.TensorInfo {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: oh, outWidth: ow, outChannels: O } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const rowLen = kh * kw * C;
  // [B*oh*ow, O] @ [kh*kw*C, O]^T -> [B*oh*ow, kh*kw*C]
  const cols = runOnTensors(backend, [dy, filter], (g, w) =>
    tf.matMul(tf.reshape(g, [B * oh * ow, O]) as tf.Tensor2D, tf.reshape(w, [rowLen, O]) as tf.Tensor2D, false, true),
  );
  try {
    // Allocate before taking heap views: an allocation may grow the heap and detach earlier views.
    const out = backend.makeOutput([B, H, W, C], 'float32');
    const simd = simdKernels(backend);
    if (simd) {
      simd.col2im(ptr(backend, out), ptr(backend, cols), B, oh, ow, H, W, C, kh, kw, sh, sw, top, left);
      return out;
    }
    const src = backend.typedArrayFromHeap(cols) as Float32Array;
    const dx = backend.typedArrayFromHeap(out) as Float32Array;
    dx.fill(0);
    let s = 0; // start of row (b, i, j) in cols
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < oh; i++) {
        for (let j = 0; j < ow; j++, s += rowLen) {
          const x0 = j * sw - left; // dx column of tap q = 0
          const qs = Math.max(0, -x0);
          const qe = Math.min(kw, W - x0);
          if (qe <= qs) continue;
          const runLen = (qe - qs) * C;
          for (let p = 0; p < kh; p++) {
            const y = i * sh + p - top;
            if (y < 0 || y >= H) continue;
            const d = ((b * H + y) * W + x0 + qs) * C;
            const c0 = s + (p * kw + qs) * C;
            for (let k = 0; k < runLen; k++) dx[d + k] += src[c0 + k]!;
          }
        }
      }
    }
    return out;
  } finally {
    cols.dispose();
  }
}

function conv2DBackpropInput({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): tf.TensorInfo {
  const { dy, filter } = requireInputs(inputs, ['dy', 'filter'], Conv2DBackpropInput);
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as Conv2DBackpropInputAttrs;
  const convInfo = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw, inHeight: H, inWidth: W } = convInfo;
  const { outHeight: oh, outWidth: ow } = convInfo;
  const { top, left } = convInfo.padInfo;
  const channelsLast = convInfo.dataFormat === 'channelsLast';
  if (dy.dtype === 'float32' && filter.dtype === 'float32' && prefersCol2im(convInfo)) {
    return inputGradByCol2im(dy, filter, convInfo, backend as BackendWasm);
  }
  return runOnTensors(backend, [dy, filter], (dyIn, w) => {
    const dyN = channelsLast ? dyIn : tf.transpose(dyIn, [0, 2, 3, 1]); // [B, oh, ow, O]
    const u = upsampleByStride(dyN, [sh, sw]); // [B, oh*sh, ow*sw, O]
    const padTop = kh - 1 - top;
    const padLeft = kw - 1 - left;
    const { cropped, pads } = cropForPadding(u, [
      [0, 0],
      [padTop, H + kh - 1 - padTop - oh * sh],
      [padLeft, W + kw - 1 - padLeft - ow * sw],
      [0, 0],
    ]);
    // [B, H+kh-1, W+kw-1, O] * [kh, kw, O, C] -> [B, H, W, C]
    const dx = tf.conv2d(
      cropped as tf.Tensor4D,
      flipFilter(w) as tf.Tensor4D,
      1,
      pads as tf.backend_util.ExplicitPadding,
    );
    return channelsLast ? dx : tf.transpose(dx, [0, 3, 1, 2]);
  });
}

export const conv2DBackpropInputConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropInput as unknown as KernelFunc,
};
