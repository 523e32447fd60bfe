/**
 * Conv3D → ONNX Conv on NCDHW (tfjs computes in NDHWC): the same padding, layout and weight helpers
 * as Conv1D/Conv2D (conv.ts), with kernel [kd, kh, kw, in, out] → [out, in, kd, kh, kw].
 */
import { attr } from '../graph-builder';
import { applyActivation } from './activations';
import { LayerExporter, outputShape, tupleOf } from './context';
import { convLayout, convWeight, spatialPads } from './conv';

export const conv3d: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const { x, perm, spatial } = convLayout(ctx, 3); // [N, C, D, H, W]
  const kernel = ctx.requireWeight('kernel'); // [kd, kh, kw, in, out]
  const k = kernel.shape.slice(0, 3);
  const strides = tupleOf(ctx, 'strides', 3, [1, 1, 1]);
  const dilations = tupleOf(ctx, 'dilationRate', 3, [1, 1, 1]);
  const w = convWeight(kernel); // [out, in, kd, kh, kw]
  const bias = ctx.weight('bias');
  const inputs = [x.name, g.initializer(`${name}/kernel`, w.data, w.dims), ...(bias ? [g.initializer(`${name}/bias`, bias.data, bias.shape)] : [])];
  const pads = spatialPads(ctx, ctx.config.padding, spatial, k, strides, dilations);
  const y = g.op('Conv', inputs, { kernel_shape: attr.ints(k), strides: attr.ints(strides), dilations: attr.ints(dilations), group: attr.int(1), ...pads }, `${name}/Conv`);
  return applyActivation(ctx, g.value(y, outputShape(ctx), perm), ctx.config.activation);
};
