/**
 * DepthwiseConv2dNativeBackpropInput for the wasm backend (missing in tfjs-backend-wasm 4.22).
 *
 * Forward (NHWC, channel multiplier M, dilation d):
 *   y[b, i, j, c*M + m] = sum_{p, q} xPad[b, i*sh + p*dh, j*sw + q*dw, c] * w[p, q, c, m]
 * Each of the C*M output channels is its own 2-d correlation, so its input gradient is the
 * transposed convolution of that channel (Dumoulin & Visin 2016, sec. 4) and
 *   dx[.., c] = sum_m depthwiseConv2d(u, flip(w))[.., c*M + m],
 *   u = dy with s-1 zeros inserted, padded by (k-1)*d - padBefore,
 *   flip(w)[p, q, c*M + m, 0] = w[kh-1-p, kw-1-q, c, m]   (dilation d, stride 1).
 * XNNPACK runs the depthwise conv. Attributes are read as tfjs-backend-cpu's kernel reads them.
 */
import * as tf from '@tensorflow/tfjs';
import {
  DepthwiseConv2dNativeBackpropInput,
  type DepthwiseConv2dNativeBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs';
import { cropForPadding, upsampleByStride } from './conv-helpers';
import { requireInputs, runOnTensors } from './tensor-info';

function depthwiseConv2dNativeBackpropInput({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): tf.TensorInfo {
  const { dy, filter } = requireInputs(inputs, ['dy', 'filter'], DepthwiseConv2dNativeBackpropInput);
  const { strides, dilations, pad, dimRoundingMode, inputShape } =
    attrs as unknown as DepthwiseConv2dNativeBackpropInputAttrs;
  const convInfo = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    dilations,
    pad,
    dimRoundingMode,
    true,
  );
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = convInfo;
  const {
    effectiveFilterHeight: ekh,
    effectiveFilterWidth: ekw,
    inHeight: H,
    inWidth: W,
    outHeight: oh,
    outWidth: ow,
  } = convInfo;
  const { batchSize: B, inChannels: C, outChannels } = convInfo;
  const [kh, kw, , M] = filter.shape as [number, number, number, number];
  const { top, left } = convInfo.padInfo;
  return runOnTensors(backend, [dy, filter], (dyIn, w) => {
    const u = upsampleByStride(dyIn, [sh, sw]); // [B, oh*sh, ow*sw, C*M]
    const padTop = ekh - 1 - top;
    const padLeft = ekw - 1 - left;
    const { cropped, pads } = cropForPadding(u, [
      [0, 0],
      [padTop, H + ekh - 1 - padTop - oh * sh],
      [padLeft, W + ekw - 1 - padLeft - ow * sw],
      [0, 0],
    ]);
    const wFlip = tf.reshape(tf.reverse(w, [0, 1]), [kh, kw, outChannels, 1]); // [kh, kw, C*M, 1]
    const dxM = tf.depthwiseConv2d(
      cropped as tf.Tensor4D,
      wFlip as tf.Tensor4D,
      1,
      pads as tf.backend_util.ExplicitPadding,
      'NHWC',
      [dh, dw],
    ); // [B, H, W, C*M]
    return M === 1 ? dxM : tf.sum(tf.reshape(dxM, [B, H, W, C, M]), 4); // [B, H, W, C]
  });
}

export const depthwiseConv2dNativeBackpropInputConfig: KernelConfig = {
  kernelName: DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dNativeBackpropInput as unknown as KernelFunc,
};
