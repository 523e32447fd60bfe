/**
 * DepthwiseConv2D → grouped ONNX Conv (group = input channels). tfjs output channel c·M + m is
 * input channel c through multiplier m, which is exactly ONNX's group order, so the weight
 * [kh, kw, C, M] becomes [C·M, 1, kh, kw] by a transpose to [C, M, kh, kw].
 */
import { attr, GraphBuilder, OnnxValue } from '../graph-builder';
import { transposeData } from '../layout';
import { applyActivation } from './activations';
import { convLayout, spatialPads } from './conv';
import { LayerExportContext, LayerExporter, outputShape, tupleOf, WeightData } from './context';

/**
 * The depthwise step shared with SeparableConv2D: returns the Conv output name
 * (channels-first, C·M channels).
 */
export function depthwiseConv(
  ctx: LayerExportContext,
  g: GraphBuilder,
  x: OnnxValue,
  spatial: (number | null)[],
  kernel: WeightData,
  bias?: WeightData,
): string {
  const [kh, kw, c, m] = kernel.shape;
  const strides = tupleOf(ctx, 'strides', 2, [1, 1]);
  const dilations = tupleOf(ctx, 'dilationRate', 2, [1, 1]);
  // [kh, kw, C, M] → [C, M, kh, kw], read as [C·M, 1, kh, kw].
  const w = transposeData(kernel.data, kernel.shape, [2, 3, 0, 1]);
  const inputs = [x.name, g.initializer(`${ctx.name}/depthwise_kernel`, w, [c * m, 1, kh, kw])];
  if (bias) inputs.push(g.initializer(`${ctx.name}/bias`, bias.data, bias.shape));
  return g.op(
    'Conv',
    inputs,
    {
      kernel_shape: attr.ints([kh, kw]),
      strides: attr.ints(strides),
      dilations: attr.ints(dilations),
      group: attr.int(c),
      ...spatialPads(ctx, ctx.config.padding, spatial, [kh, kw], strides, dilations),
    },
    `${ctx.name}/DepthwiseConv`,
  );
}

export const depthwiseConv2d: LayerExporter = (ctx) => {
  const { x, perm, spatial } = convLayout(ctx, 2);
  const y = depthwiseConv(ctx, ctx.g, x, spatial, ctx.requireWeight('depthwise_kernel'), ctx.weight('bias'));
  return applyActivation(ctx, ctx.g.value(y, outputShape(ctx), perm), ctx.config.activation);
};
