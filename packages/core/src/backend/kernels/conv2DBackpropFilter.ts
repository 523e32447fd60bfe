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
import { Conv2DBackpropFilter, type Conv2DBackpropFilterAttrs, type KernelConfig, type KernelFunc } from '@tensorflow/tfjs';
import { cropForPadding } from './convHelpers';
import { requireInputs, runOnTensors } from './tensorInfo';

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
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw, outHeight: oh, outWidth: ow } = convInfo;
  const { inHeight: H, inWidth: W } = convInfo;
  const { top, left } = convInfo.padInfo;
  const channelsLast = convInfo.dataFormat === 'channelsLast';
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
    const dWT = tf.conv2d(cropped as tf.Tensor4D, dyT as tf.Tensor4D, 1, pads as tf.backend_util.ExplicitPadding, 'NHWC', [sh, sw]);
    return tf.transpose(dWT, [1, 2, 0, 3]); // [kh, kw, C, O]
  });
}

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter as unknown as KernelFunc,
};
