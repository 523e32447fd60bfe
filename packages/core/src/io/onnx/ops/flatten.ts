/**
 * Flatten → ONNX Flatten(axis = 1) on the tfjs (channels-last) layout, so the flattened order is
 * the one the following Dense kernel was trained on. A channels-first value (after a conv) is
 * transposed back to NHWC first: one Transpose per model, between the conv stack and the head.
 */
import { attr } from '../graph-builder';
import { LayerExporter, outputShape, singleInput } from './context';

export const flatten: LayerExporter = (ctx) => {
  const x = ctx.g.toLayout(singleInput(ctx), null);
  if (x.shape.length <= 2) return x;
  const y = ctx.g.op('Flatten', [x.name], { axis: attr.int(1) }, `${ctx.name}/Flatten`);
  return ctx.g.value(y, outputShape(ctx), null);
};
