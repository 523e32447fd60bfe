/**
 * Conv2DBackpropFilter for the wasm backend (tfjs-backend-wasm 4.22 has none; tfjs issue 8474).
 *
 * Forward (NHWC, dilation 1 as in every tfjs conv2d gradient):
 *   y[b, i, j, o] = sum_{p, q, c} xPad[b, i*sh + p, j*sw + q, c] * w[p, q, c, o]
 * so
 *   dW[p, q, c, o] = sum_{b, i, j} xPad[b, p + i*sh, q + j*sw, c] * dy[b, i, j, o].
 * Read with c as the batch axis, b as the channel axis and dy as the filter, that is one
 * convolution with stride 1 and dilation (sh, sw):
 *   xT = x^T [C, H, W, B],  dyT = dy^T [oh, ow, B, O],  conv2d(xT, dyT) -> [C, kh, kw, O].
 * This is the im2col + one matmul of the filter gradient, with XNNPACK doing the im2col inside
 * its indirect GEMM. Measured on the MNIST conv1 gradient (x [64, 28, 28, 1], fresh dy each
 * call, since XNNPACK caches packed weights per tensor): ~3.3-4.8 ms including the transposes,
 * the same as explicit im2col slices + one matmul, and 13 ms for im2col of the 4-d layout.
 * Attributes are read exactly as tfjs-backend-cpu's Conv2DBackpropFilter reads them.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  Conv2DBackpropFilter,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs';
import { cropForPadding } from './conv-helpers';
import { ptr, simdKernels } from '../simd/simd-kernels';
import { requireInputs, runOnTensors } from './tensor-info';

function conv2DBackpropFilter({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): tf.TensorInfo {
  const { x, dy } = requireInputs(inputs, ['x', 'dy'], Conv2DBackpropFilter);
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
  const convInfo = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  const {
    strideHeight: sh,
    strideWidth: sw,
    filterHeight: kh,
    filterWidth: kw,
    outHeight: oh,
    outWidth: ow,
  } = convInfo;
  const { inHeight: H, inWidth: W } = convInfo;
  const { top, left } = convInfo.padInfo;
  const channelsLast = convInfo.dataFormat === 'channelsLast';
  if (channelsLast && x.dtype === 'float32' && convInfo.inChannels <= IM2COL_MAX_CHANNELS) {
    return filterGradByRowIm2col(x, dy, convInfo, backend as BackendWasm);
  }
  return runOnTensors(backend, [x, dy], (xT4, dyT4) => {
    // [B, H, W, C] (or [B, C, H, W]) -> [C, H, W, B]; dy -> [oh, ow, B, O].
    const xT = tf.transpose(xT4, channelsLast ? [3, 1, 2, 0] : [1, 2, 3, 0]);
    const dyT = tf.transpose(dyT4, channelsLast ? [1, 2, 0, 3] : [2, 3, 0, 1]);
    // Rows the forward pass actually read: (oh-1)*sh + kh of the padded input, starting at -top.
    const needH = (oh - 1) * sh + kh;
    const needW = (ow - 1) * sw + kw;
    const { cropped, pads } = cropForPadding(xT, [
      [0, 0],
      [top, needH - H - top],
      [left, needW - W - left],
      [0, 0],
    ]);
    // [C, needH, needW, B] * [oh, ow, B, O], dilation (sh, sw) -> [C, kh, kw, O]
    const dWT = tf.conv2d(
      cropped as tf.Tensor4D,
      dyT as tf.Tensor4D,
      1,
      pads as tf.backend_util.ExplicitPadding,
      'NHWC',
      [sh, sw],
    );
    return tf.transpose(dWT, [1, 2, 0, 3]); // [kh, kw, C, O]
  });
}

/**
 * Inputs with few channels (the first layer of an image network: 1 or 3) make the dilated conv
 * above a huge-kernel convolution that XNNPACK runs at ~7 GFLOP/s. For them the im2col is
 * written directly, one row per filter tap, and the gradient is one well-shaped matmul:
 *   colsT[(p, q, c), (b, i, j)] = xPad[b, i*sh + p - top, j*sw + q - left, c]   [kh*kw*C, B*oh*ow]
 *   dW = colsT @ dy                                                            [kh*kw*C, O] = [kh, kw, C, O]
 * MNIST conv1 (x [64, 28, 28, 1], 5x5, 16 filters): 2.9 ms against 3.9 ms for the conv route
 * (tf.profile minima of the training step).
 * Measured crossover: above 4 channels the conv route wins (the matmul gets a long K and the
 * copy grows with C).
 */
const IM2COL_MAX_CHANNELS = 4;

function filterGradByRowIm2col(
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: BackendWasm,
): tf.TensorInfo {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: oh, outWidth: ow, outChannels: O } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const N = B * oh * ow;
  // Allocate before taking heap views: an allocation may grow the heap and detach earlier views.
  backend.dataIdMap.get(x.dataId);
  const colsInfo = backend.makeOutput([kh * kw * C, N], 'float32');
  const simd = simdKernels(backend);
  if (simd) simd.im2col_rows(ptr(backend, colsInfo), ptr(backend, x), B, H, W, C, oh, ow, kh, kw, sh, sw, top, left);
  else im2colRowsJs(x, colsInfo, info, backend);
  const colsT = tf.engine().makeTensorFromTensorInfo(colsInfo, backend); // owns colsInfo's buffer
  try {
    return runOnTensors(backend, [dy], (dyT) =>
      tf.reshape(tf.matMul(colsT as tf.Tensor2D, tf.reshape(dyT, [N, O]) as tf.Tensor2D), [kh, kw, C, O]),
    );
  } finally {
    colsT.dispose();
  }
}

/** The JavaScript row im2col (the same loop as kernels.wat's im2col_rows). */
function im2colRowsJs(
  x: tf.TensorInfo,
  colsInfo: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  backend: BackendWasm,
): void {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: oh, outWidth: ow } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  const N = B * oh * ow;
  const xs = backend.typedArrayFromHeap(x) as Float32Array; // [B, H, W, C]
  const cols = backend.typedArrayFromHeap(colsInfo) as Float32Array; // [kh*kw*C, N]
  let r = 0; // offset of row (p, q, c)
  for (let p = 0; p < kh; p++) {
    for (let q = 0; q < kw; q++) {
      for (let c = 0; c < C; c++, r += N) {
        let n = r;
        for (let b = 0; b < B; b++) {
          for (let i = 0; i < oh; i++) {
            const row = i * sh + p - top;
            if (row < 0 || row >= H) {
              cols.fill(0, n, n + ow);
              n += ow;
              continue;
            }
            const base = (b * H + row) * W;
            for (let j = 0; j < ow; j++, n++) {
              const col = j * sw + q - left;
              cols[n] = col >= 0 && col < W ? xs[(base + col) * C + c]! : 0;
            }
          }
        }
      }
    }
  }
}

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter as unknown as KernelFunc,
};
