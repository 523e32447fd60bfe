/**
 * SeparableConv2D → depthwise Conv (strides, dilation, padding, no bias) then a 1×1 Conv with the
 * pointwise kernel and the bias, as tfjs-core separableConv2d computes it.
 */
import { attr } from '../graph-builder';
import { applyActivation } from './activations';
import { convLayout, convWeight } from './conv';
import { LayerExporter, outputShape } from './context';
import { depthwiseConv } from './depthwise-conv2d';

export const separableConv2d: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const { x, perm, spatial } = convLayout(ctx, 2);
  const depthwise = depthwiseConv(ctx, g, x, spatial, ctx.requireWeight('depthwise_kernel'));
  // Pointwise kernel [1, 1, C·M, F] → [F, C·M, 1, 1].
  const w = convWeight(ctx.requireWeight('pointwise_kernel'));
  const inputs = [depthwise, g.initializer(`${name}/pointwise_kernel`, w.data, w.dims)];
  const bias = ctx.weight('bias');
  if (bias) inputs.push(g.initializer(`${name}/bias`, bias.data, bias.shape));
  const y = g.op(
    'Conv',
    inputs,
    { kernel_shape: attr.ints([1, 1]), strides: attr.ints([1, 1]), pads: attr.ints([0, 0, 0, 0]), group: attr.int(1) },
    `${name}/PointwiseConv`,
  );
  return applyActivation(ctx, g.value(y, outputShape(ctx), perm), ctx.config.activation);
};
