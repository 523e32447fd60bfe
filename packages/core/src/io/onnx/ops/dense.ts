/**
 * Dense → MatMul(x, kernel) + bias + activation on the last logical axis (any rank, as tfjs).
 * onnxruntime fuses MatMul + Add into Gemm for 2D inputs.
 */
import { applyActivation } from './activations';
import { LayerExporter, outputShape, singleInput } from './context';

export const dense: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const x = g.toLayout(singleInput(ctx), null);
  const kernel = ctx.requireWeight('kernel'); // [in, units]
  let y = g.op('MatMul', [x.name, g.initializer(`${name}/kernel`, kernel.data, kernel.shape)], {}, `${name}/MatMul`);
  const bias = ctx.weight('bias');
  if (bias) y = g.op('Add', [y, g.initializer(`${name}/bias`, bias.data, bias.shape)], {}, `${name}/BiasAdd`);
  return applyActivation(ctx, g.value(y, outputShape(ctx), null), ctx.config.activation);
};
