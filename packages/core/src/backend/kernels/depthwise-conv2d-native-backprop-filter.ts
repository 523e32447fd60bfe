/**
 * DepthwiseConv2dNativeBackpropFilter for the wasm backend (missing in tfjs-backend-wasm 4.22).
 *
 * Forward (NHWC, channel multiplier M, stride s, dilation d):
 *   y[b, i, j, c*M + m] = sum_{p, q} xPad[b, i*sh + p*dh, j*sw + q*dw, c] * w[p, q, c, m]
 * so
 *   dW[p, q, c, m] = sum_{b, i, j} xPad[b, p*dh + i*sh, q*dw + j*sw, c] * dy[b, i, j, c*M + m].
 * Two ways to compute it:
 * - `byDepthwiseConv` (used when s == 1 or d == 1, tfjs's rule for a depthwise conv): put (b, c)
 *   on the channel axis and dy on the filter axis, one XNNPACK depthwise conv with stride d and
 *   dilation s gives [1, kh, kw, B*C*M], then sum over b.
 * - `byTaps` (any s and d): for each of the kh*kw taps, the strided window of xPad times dy,
 *   summed over (b, i, j). Slower (x [16, 28, 28, 32], 3x3 'same': 23 ms against 9.6 ms at
 *   stride 1; 172 ms against 2.5 ms at stride 2, wasm's StridedSlice being slow), so it only
 *   serves the case the depthwise conv cannot express.
 * Attributes are read as tfjs-backend-cpu's kernel reads them.
 */
import * as tf from '@tensorflow/tfjs';
import {
  DepthwiseConv2dNativeBackpropFilter,
  type DepthwiseConv2dNativeBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs';
import { cropForPadding, padOrCrop } from './conv-helpers';
import { requireInputs, runOnTensors } from './tensor-info';

type ConvInfo = tf.backend_util.Conv2DInfo;

/** The input rows/columns the forward pass read: pads (or crops) x to (o-1)*s + (k-1)*d + 1. */
function windowPads(info: ConvInfo): Array<[number, number]> {
  const needH = (info.outHeight - 1) * info.strideHeight + info.effectiveFilterHeight;
  const needW = (info.outWidth - 1) * info.strideWidth + info.effectiveFilterWidth;
  const { top, left } = info.padInfo;
  return [
    [0, 0],
    [top, needH - info.inHeight - top],
    [left, needW - info.inWidth - left],
    [0, 0],
  ];
}

/** dW via one depthwise conv over (b, c) channels. Requires stride 1 or dilation 1. */
export function byDepthwiseConv(x: tf.Tensor, dy: tf.Tensor, info: ConvInfo): tf.Tensor {
  const { batchSize: B, inChannels: C, outChannels, filterHeight: kh, filterWidth: kw } = info;
  const { inHeight: H, inWidth: W, outHeight: oh, outWidth: ow } = info;
  const M = outChannels / C;
  const xT = tf.reshape(tf.transpose(x, [1, 2, 0, 3]), [1, H, W, B * C]); // [1, H, W, B*C]
  const dyT = tf.reshape(tf.transpose(dy, [1, 2, 0, 3]), [oh, ow, B * C, M]); // [oh, ow, B*C, M]
  const { cropped, pads } = cropForPadding(xT, windowPads(info));
  const r = tf.depthwiseConv2d(
    cropped as tf.Tensor4D,
    dyT as tf.Tensor4D,
    [info.dilationHeight, info.dilationWidth],
    pads as tf.backend_util.ExplicitPadding,
    'NHWC',
    [info.strideHeight, info.strideWidth],
  ); // [1, kh, kw, B*C*M]
  return tf.sum(tf.reshape(r, [kh, kw, B, C, M]), 2); // [kh, kw, C, M]
}

/** dW tap by tap: strided windows of the padded input times dy. Any stride and dilation. */
export function byTaps(x: tf.Tensor, dy: tf.Tensor, info: ConvInfo): tf.Tensor {
  const {
    batchSize: B,
    inChannels: C,
    outChannels,
    filterHeight: kh,
    filterWidth: kw,
    outHeight: oh,
    outWidth: ow,
  } = info;
  const M = outChannels / C;
  const xWin = padOrCrop(x, windowPads(info)); // [B, needH, needW, C]
  const dy5 = tf.reshape(dy, [B, oh, ow, C, M]);
  const taps: tf.Tensor[] = [];
  for (let p = 0; p < kh; p++) {
    for (let q = 0; q < kw; q++) {
      const r0 = p * info.dilationHeight;
      const c0 = q * info.dilationWidth;
      const end = [B, r0 + (oh - 1) * info.strideHeight + 1, c0 + (ow - 1) * info.strideWidth + 1, C];
      const window = tf.stridedSlice(xWin, [0, r0, c0, 0], end, [1, info.strideHeight, info.strideWidth, 1]); // [B, oh, ow, C]
      const prod = tf.mul(tf.reshape(window, [B, oh, ow, C, 1]), dy5); // [B, oh, ow, C, M]
      taps.push(tf.sum(prod, [0, 1, 2])); // [C, M]
      window.dispose();
      prod.dispose();
    }
  }
  return tf.reshape(tf.stack(taps), [kh, kw, C, M]);
}

function depthwiseConv2dNativeBackpropFilter({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): tf.TensorInfo {
  const { x, dy } = requireInputs(inputs, ['x', 'dy'], DepthwiseConv2dNativeBackpropFilter);
  const { strides, dilations, pad, dimRoundingMode, filterShape } =
    attrs as unknown as DepthwiseConv2dNativeBackpropFilterAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    dilations,
    pad,
    dimRoundingMode,
    true,
  );
  const unitStride = info.strideHeight === 1 && info.strideWidth === 1;
  const unitDilation = info.dilationHeight === 1 && info.dilationWidth === 1;
  return runOnTensors(backend, [x, dy], (xIn, dyIn) =>
    unitStride || unitDilation ? byDepthwiseConv(xIn, dyIn, info) : byTaps(xIn, dyIn, info),
  );
}

export const depthwiseConv2dNativeBackpropFilterConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dNativeBackpropFilter as unknown as KernelFunc,
};
