/**
 * Conv (2D) → tfjs conv2d (group 1) or depthwiseConv2d (group = input channels, one filter
 * group per channel). Weights: ONNX OIHW → tfjs HWIO; depthwise [C·M, 1, kh, kw] is read as
 * [C, M, kh, kw] and transposed to tfjs [kh, kw, C, M] (output channel c·M + m in both).
 * Asymmetric or non-'same' pads become a zeroPadding2d layer before a 'valid' conv.
 */
import * as tf from '@tensorflow/tfjs';
import { transposeData } from '../../layout';
import { CHANNELS_FIRST, ImportedValue, OpImporter } from '../context';
import { spatialPadding } from './padding';

export const conv: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  const shape = ctx.onnxShape(x);
  if (shape.length !== 4) throw ctx.error(`only 2D convolutions (rank-4 input [N, C, H, W]) are supported, got input shape [${shape}]`);
  const w = ctx.requireConstant(1, 'weight');
  if (w.dims.length !== 4) throw ctx.error(`weight should be [out, in/group, kh, kw], got [${w.dims}]`);
  const [o, iPerGroup, kh, kw] = w.dims;
  const c = shape[1];
  if (c === null) throw ctx.error(`the input channel count is unknown`);
  const bias = ctx.hasInput(2) ? ctx.requireConstant(2, 'bias') : undefined;
  const group = ctx.attrInt('group', 1);
  const strides = ctx.attrInts('strides', [1, 1]);
  const dilations = ctx.attrInts('dilations', [1, 1]);
  const ks = ctx.attrInts('kernel_shape', [kh, kw]);
  if (ks[0] !== kh || ks[1] !== kw) throw ctx.error(`kernel_shape [${ks}] does not match the weight [${w.dims}]`);
  const pad = spatialPadding(ctx, shape.slice(2), [kh, kw], strides, dilations);

  let input = ctx.inLayout(x, CHANNELS_FIRST); // [N, H, W, C]
  if (pad.explicit) input = tf.layers.zeroPadding2d({ padding: pad.explicit, name: ctx.layerName('pad') }).apply(input) as tf.SymbolicTensor;
  const common = { kernelSize: [kh, kw] as [number, number], strides: strides as [number, number], dilationRate: dilations as [number, number], padding: pad.padding, useBias: bias !== undefined, name: ctx.layerName() };
  let layer: tf.layers.Layer;
  let kernel: tf.Tensor;
  if (group === 1) {
    if (iPerGroup !== c) throw ctx.error(`weight has ${iPerGroup} input channels, the input has ${c}`);
    layer = tf.layers.conv2d({ ...common, filters: o });
    kernel = tf.tensor4d(transposeData(w.data, w.dims, [2, 3, 1, 0]), [kh, kw, c, o]);
  } else if (group === c && iPerGroup === 1 && o % c === 0) {
    const m = o / c;
    layer = tf.layers.depthwiseConv2d({ ...common, depthMultiplier: m });
    kernel = tf.tensor4d(transposeData(w.data, [c, m, kh, kw], [2, 3, 0, 1]), [kh, kw, c, m]);
  } else {
    throw ctx.error(`group ${group} is not supported (only 1, or the input channel count ${c} for depthwise)`);
  }
  const y = layer.apply(input) as tf.SymbolicTensor;
  const weights = bias ? [kernel, tf.tensor1d(bias.data)] : [kernel];
  layer.setWeights(weights);
  tf.dispose(weights);
  const out: ImportedValue = { sym: y, perm: CHANNELS_FIRST };
  return out;
};
