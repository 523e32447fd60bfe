/** Rescaling → x · scale + offset (tfjs-layers preprocessing Rescaling), layout kept. */
import { LayerExporter, numberOf, singleInput } from './context';

export const rescaling: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const x = singleInput(ctx);
  const scale = numberOf(ctx, 'scale', 1);
  const offset = numberOf(ctx, 'offset', 0);
  let y = x.name;
  if (scale !== 1) y = g.op('Mul', [y, g.floatConstant([scale])], {}, `${name}/Mul`);
  if (offset !== 0) y = g.op('Add', [y, g.floatConstant([offset])], {}, `${name}/Add`);
  if (y === x.name) return x;
  return { ...x, name: y };
};
