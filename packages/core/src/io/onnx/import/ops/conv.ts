/**
 * Conv (1D or 2D) → tfjs conv1d / conv2d (group 1) or depthwiseConv2d (group = input channels, one filter
 * group per channel). Weights: ONNX OIHW → tfjs HWIO; depthwise [C·M, 1, kh, kw] is read as
 * [C, M, kh, kw] and transposed to tfjs [kh, kw, C, M] (output channel c·M + m in both).
 * Asymmetric or non-'same' pads become a zeroPadding2d layer before a 'valid' conv.
 */
import * as tf from '@tensorflow/tfjs';
import { transposeData } from '../../layout';
import { CHANNELS_FIRST, ImportContext, ImportedValue, OpImporter, Shape } from '../context';
import { spatialPadding } from './padding';

export const conv: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  const shape = ctx.onnxShape(x);
  if (shape.length === 3) return conv1d(ctx, x, shape);
  if (shape.length !== 4)
    throw ctx.error(
      `only 1D and 2D convolutions (input [N, C, L] or [N, C, H, W]) are supported, got input shape [${shape}]`,
    );
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
  if (pad.explicit)
    input = tf.layers
      .zeroPadding2d({ padding: pad.explicit as [[number, number], [number, number]], name: ctx.layerName('pad') })
      .apply(input) as tf.SymbolicTensor;
  const common = {
    kernelSize: [kh, kw] as [number, number],
    strides: strides as [number, number],
    dilationRate: dilations as [number, number],
    padding: pad.padding,
    useBias: bias !== undefined,
    name: ctx.layerName(),
  };
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

/** [N, C, L] ONNX = [N, L, C] tfjs. */
export const CHANNELS_FIRST_1D = [0, 2, 1];

/** Conv over [N, C, L]: weight [O, C, k] → tfjs conv1d kernel [k, C, O]; group 1 only. */
function conv1d(ctx: ImportContext, x: ImportedValue & { sym: tf.SymbolicTensor }, shape: Shape): ImportedValue {
  const w = ctx.requireConstant(1, 'weight');
  if (w.dims.length !== 3) throw ctx.error(`weight should be [out, in, k], got [${w.dims}]`);
  const [o, c, k] = w.dims;
  if (ctx.attrInt('group', 1) !== 1) throw ctx.error(`grouped 1D convolutions are not supported`);
  if (shape[1] !== c) throw ctx.error(`weight has ${c} input channels, the input has ${shape[1]}`);
  const bias = ctx.hasInput(2) ? ctx.requireConstant(2, 'bias') : undefined;
  const strides = ctx.attrInts('strides', [1]);
  const dilations = ctx.attrInts('dilations', [1]);
  const pad = spatialPadding(ctx, shape.slice(2), [k], strides, dilations);
  // tfjs 4.22 has no ZeroPadding1D layer.
  if (pad.explicit)
    throw ctx.error(`1D pads [${ctx.attrInts('pads', [])}] other than TensorFlow 'same'/'valid' are not supported`);
  const input = ctx.inLayout(x, CHANNELS_FIRST_1D); // [N, L, C]
  const layer = tf.layers.conv1d({
    filters: o,
    kernelSize: k,
    strides: strides[0],
    dilationRate: dilations[0],
    padding: pad.padding,
    useBias: bias !== undefined,
    name: ctx.layerName(),
  });
  const y = layer.apply(input) as tf.SymbolicTensor;
  const weights = [
    tf.tensor3d(transposeData(w.data, w.dims, [2, 1, 0]), [k, c, o]),
    ...(bias ? [tf.tensor1d(bias.data)] : []),
  ];
  layer.setWeights(weights);
  tf.dispose(weights);
  return { sym: y, perm: CHANNELS_FIRST_1D };
}
