/**
 * Cropping2D → ONNX Slice on the physical H and W axes; the end is counted from the back
 * (-bottom), or "to the end" when nothing is cropped there.
 */
import { LayerExporter, layerError, outputShape, singleInput } from './context';
import { physicalAxis } from '../layout';

export const cropping2d: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  const c = ctx.config.cropping as number[][] | undefined;
  if (!Array.isArray(c) || c.length !== 2 || !c.every((q) => Array.isArray(q) && q.length === 2)) {
    throw layerError(ctx, `cropping should be [[top, bottom], [left, right]], got ${JSON.stringify(c)}`);
  }
  const channelsFirst = ctx.config.dataFormat === 'channelsFirst';
  const axes = (channelsFirst ? [2, 3] : [1, 2]).map((a) => physicalAxis(a, 4, x.perm));
  const starts = [c[0][0], c[1][0]];
  const ends = [c[0][1], c[1][1]].map((e) => (e > 0 ? -e : Number.MAX_SAFE_INTEGER));
  const { g, name } = ctx;
  const y = g.op(
    'Slice',
    [
      x.name,
      g.int64Constant(starts, `${name}/starts`),
      g.int64Constant(ends, `${name}/ends`),
      g.int64Constant(axes, `${name}/axes`),
    ],
    {},
    `${name}/Slice`,
  );
  return g.value(y, outputShape(ctx), x.perm);
};
