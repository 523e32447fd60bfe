/**
 * Reshape → ONNX Reshape to [batch, ...targetShape] on the tfjs layout; the batch dimension is
 * copied from the input (shape entry 0 with allowzero = 0), -1 is inferred as in tfjs.
 */
import { LayerExporter, layerError, outputShape, singleInput } from './context';

export const reshape: LayerExporter = (ctx) => {
  const x = ctx.g.toLayout(singleInput(ctx), null);
  // tfjs serializes the inferred dimension (-1) as null.
  const raw = ctx.config.targetShape;
  const target = Array.isArray(raw) ? raw.map((d) => (d === null ? -1 : d)) : undefined;
  if (
    !target ||
    !target.every((d) => Number.isInteger(d) && (d > 0 || d === -1)) ||
    target.filter((d) => d === -1).length > 1
  ) {
    throw layerError(ctx, `targetShape should be positive integers (at most one -1), got ${JSON.stringify(raw)}`);
  }
  const shape = ctx.g.int64Constant([0, ...target], `${ctx.name}/shape`);
  const y = ctx.g.op('Reshape', [x.name, shape], {}, `${ctx.name}/Reshape`);
  return ctx.g.value(y, outputShape(ctx), null);
};
