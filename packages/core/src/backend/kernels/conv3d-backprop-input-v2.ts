/**
 * Conv3DBackpropInputV2 for the wasm backend, replacing the stock kernel, whose result is wrong
 * even at stride 1 (checked against tfjs-backend-cpu and PyTorch).
 *
 * The input gradient of y = conv3d(x, w, stride s) is the transposed convolution (Dumoulin &
 * Visin 2016, "A guide to convolution arithmetic", sec. 4):
 *   dx = conv3d(u, flip(w)),  u = dy with s-1 zeros inserted per axis, padded by k-1-padBefore,
 *   flip(w)[t, o, c] = w[k-1-t, c, o].
 * That stride-1 conv runs as im2col + one matmul [N, taps*O] @ [taps*O, C] (the stock Conv3D
 * kernel is not used). Attributes are read as tfjs-backend-cpu's Conv3DBackpropInputV2 reads them.
 */
import * as tf from '@tensorflow/tfjs';
import {
  Conv3DBackpropInputV2,
  type Conv3DBackpropInputV2Attrs,
  type KernelConfig,
  type KernelFunc,
} from '@tensorflow/tfjs';
import { conv3DAxes, flipFilter, padOrCrop, upsampleByStride } from './conv-helpers';
import { im2colSpatialFirst } from './im2col';
import { requireInputs, runOnTensors } from './tensor-info';

function conv3DBackpropInputV2({ inputs, backend, attrs }: Parameters<KernelFunc>[0]): tf.TensorInfo {
  const { dy, filter } = requireInputs(inputs, ['dy', 'filter'], Conv3DBackpropInputV2);
  const { strides, pad, inputShape } = attrs as unknown as Conv3DBackpropInputV2Attrs;
  const info = tf.backend_util.computeConv3DInfo(
    inputShape,
    filter.shape as [number, number, number, number, number],
    strides,
    1,
    pad,
  );
  const { kernel, strides: s, out, inSize, before } = conv3DAxes(info);
  const { batchSize: B, inChannels: C, outChannels: O } = info;
  return runOnTensors(backend, [dy, filter], (dyIn, w) => {
    const u = upsampleByStride(dyIn, s); // [B, od*sd, oh*sh, ow*sw, O]
    const uT = tf.transpose(u, [1, 2, 3, 0, 4]); // [.., B, O]
    // Full padding k-1-padBefore in front, and whatever makes the output exactly inSize behind.
    const pads = inSize.map((n, k) => {
      const front = kernel[k]! - 1 - before[k]!;
      return [front, n + kernel[k]! - 1 - front - out[k]! * s[k]!] as [number, number];
    });
    const uWin = padOrCrop(uT, [...pads, [0, 0], [0, 0]]); // [D+kd-1, H+kh-1, W+kw-1, B, O]
    const cols = im2colSpatialFirst(uWin, { out: inSize, kernel, strides: [1, 1, 1], dilations: [1, 1, 1] }); // [taps, N, O]
    const [taps, N] = cols.shape;
    const rows = tf.reshape(tf.transpose(cols, [1, 0, 2]), [N, taps * O]); // [N, taps*O]
    const wFlip = tf.reshape(flipFilter(w), [taps * O, C]); // [taps*O, C]
    const dxT = tf.reshape(tf.matMul(rows, wFlip), [...inSize, B, C]); // [D, H, W, B, C]
    return tf.transpose(dxT, [3, 0, 1, 2, 4]); // [B, D, H, W, C]
  });
}

export const conv3DBackpropInputV2Config: KernelConfig = {
  kernelName: Conv3DBackpropInputV2,
  backendName: 'wasm',
  kernelFunc: conv3DBackpropInputV2 as unknown as KernelFunc,
};
