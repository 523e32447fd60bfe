/**
 * Permute(dims) costs no node: the output is the same physical tensor with a different layout
 * bookkeeping. Logical out axis k = logical in axis p[k] (p = [0, ...dims]); a physical axis
 * holding logical in axis a therefore holds logical out axis p⁻¹[a].
 */
import { invertPerm } from '../layout';
import { LayerExporter, layerError, outputShape, singleInput } from './context';

export const permute: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  const rank = x.shape.length;
  const dims = ctx.config.dims;
  if (!Array.isArray(dims) || dims.length !== rank - 1) throw layerError(ctx, `dims should list ${rank - 1} axes, got ${JSON.stringify(dims)}`);
  const p = [0, ...(dims as number[])];
  const pInv = invertPerm(p);
  const physicalToLogicalIn = x.perm ?? p.map((_, i) => i);
  const perm = physicalToLogicalIn.map((a) => pInv[a]);
  return ctx.g.value(x.name, outputShape(ctx), perm);
};
