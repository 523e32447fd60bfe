/**
 * ZeroPadding2D → ONNX Pad (constant 0) with the tfjs [[top, bottom], [left, right]] padding
 * placed on the physical axes, so it works in either layout without a Transpose.
 */
import { LayerExporter, layerError, outputShape, singleInput } from './context';

export const zeroPadding2d: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  const p = ctx.config.padding as number[][] | undefined;
  if (!Array.isArray(p) || p.length !== 2 || !p.every((q) => Array.isArray(q) && q.length === 2)) {
    throw layerError(ctx, `padding should be [[top, bottom], [left, right]], got ${JSON.stringify(p)}`);
  }
  const channelsFirst = ctx.config.dataFormat === 'channelsFirst';
  const [hAxis, wAxis] = channelsFirst ? [2, 3] : [1, 2];
  const begin = [0, 0, 0, 0];
  const end = [0, 0, 0, 0];
  [begin[hAxis], end[hAxis]] = p[0];
  [begin[wAxis], end[wAxis]] = p[1];
  // Logical → physical: physical axis i holds logical axis perm[i].
  const perm = x.perm ?? [0, 1, 2, 3];
  const pads = [...perm.map((a) => begin[a]), ...perm.map((a) => end[a])];
  const y = ctx.g.op('Pad', [x.name, ctx.g.int64Constant(pads, `${ctx.name}/pads`)], {}, `${ctx.name}/Pad`);
  return ctx.g.value(y, outputShape(ctx), x.perm);
};
