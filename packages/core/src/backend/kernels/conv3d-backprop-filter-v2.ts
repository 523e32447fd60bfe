/**
 * Conv3DBackpropFilterV2 for the wasm backend, replacing the stock kernel, whose result is wrong
 * for strides > 1 (checked against tfjs-backend-cpu and PyTorch).
 *
 * Forward (NDHWC, dilation 1 as in tfjs's conv3d gradient):
 *   y[b, i, o] = sum_{t, c} xPad[b, i*s + t, c] * w[t, c, o]     (i, t: 3-d positions)
 * so
 *   dW[t, c, o] = sum_{b, i} xPad[b, i*s + t, c] * dy[b, i, o] = (cols_t^T @ dy)[c, o]
 * with cols from im2col of the padded input: one matmul [taps*C, N] @ [N, O].
 * Attributes are read as tfjs-backend-cpu's Conv3DBackpropFilterV2 reads them.
 */
import * as tf from '@tensorflow/tfjs';
import {
  Conv3DBackpropFilterV2,
  type Conv3DBackpropFilterV2Attrs,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs';
import { padOrCrop } from './conv-helpers';
import { im2colSpatialFirst } from './im2col';
import { conv3DAxes } from './conv-helpers';
import { requireInputs, runOnTensors } from './tensor-info';

function conv3DBackpropFilterV2({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): tf.TensorInfo {
  const { x, dy } = requireInputs(inputs, ['x', 'dy'], Conv3DBackpropFilterV2);
  const { strides, pad, filterShape } = attrs as unknown as Conv3DBackpropFilterV2Attrs;
  const info = tf.backend_util.computeConv3DInfo(
    x.shape as [number, number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
  );
  const { kernel, strides: s, out, inSize, before } = conv3DAxes(info);
  const { inChannels: C, outChannels: O } = info;
  return runOnTensors(backend, [x, dy], (xIn, dyIn) => {
    const xT = tf.transpose(xIn, [1, 2, 3, 0, 4]); // [D, H, W, B, C]
    // Keep exactly the (o-1)*s + k positions per axis that the forward pass read.
    const pads = inSize.map(
      (n, k) => [before[k]!, (out[k]! - 1) * s[k]! + kernel[k]! - n - before[k]!] as [number, number],
    );
    const xWin = padOrCrop(xT, [...pads, [0, 0], [0, 0]]);
    const cols = im2colSpatialFirst(xWin, { out, kernel, strides: s, dilations: [1, 1, 1] }); // [taps, N, C]
    const [taps, N] = cols.shape;
    const dy2 = tf.reshape(tf.transpose(dyIn, [1, 2, 3, 0, 4]), [N, O]); // [N, O], rows ordered (od, oh, ow, b)
    const colsT = C === 1 ? tf.reshape(cols, [taps, N]) : tf.reshape(tf.transpose(cols, [0, 2, 1]), [taps * C, N]);
    return tf.reshape(tf.matMul(colsT, dy2), [...kernel, C, O]); // [kd, kh, kw, C, O]
  });
}

export const conv3DBackpropFilterV2Config: KernelConfig = {
  kernelName: Conv3DBackpropFilterV2,
  backendName: 'wasm',
  kernelFunc: conv3DBackpropFilterV2 as unknown as KernelFunc,
};
