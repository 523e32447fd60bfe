/**
 * Permute(dims) costs no data movement: the output is the same physical tensor with a different
 * layout bookkeeping, under a fresh name (an Identity node), because the graph builder caches
 * layouts per value name and the permuted view must not share the input's cache (a value used by
 * both Flatten and Permute -> Flatten exported a wrong second output before). Logical out axis k = logical in axis p[k] (p = [0, ...dims]); a physical axis
 * holding logical in axis a therefore holds logical out axis p⁻¹[a].
 */
import { invertPerm } from '../layout';
import { LayerExporter, layerError, outputShape, singleInput } from './context';

export const permute: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  const rank = x.shape.length;
  const dims = ctx.config.dims;
  if (!Array.isArray(dims) || dims.length !== rank - 1)
    throw layerError(ctx, `dims should list ${rank - 1} axes, got ${JSON.stringify(dims)}`);
  const p = [0, ...(dims as number[])];
  const pInv = invertPerm(p);
  const physicalToLogicalIn = x.perm ?? p.map((_, i) => i);
  const perm = physicalToLogicalIn.map((a) => pInv[a]);
  const view = ctx.g.op('Identity', [x.name], {}, `${ctx.name}/Identity`);
  return ctx.g.value(view, outputShape(ctx), perm);
};
