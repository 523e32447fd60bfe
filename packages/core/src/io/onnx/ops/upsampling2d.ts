/**
 * UpSampling2D → ONNX Resize in channels-first layout. tfjs calls resizeNearestNeighbor /
 * resizeBilinear with alignCorners = false and halfPixelCenters = false: source coordinate =
 * destination · (in / out), which is ONNX's 'asymmetric' transform (nearest rounds down: 'floor').
 */
import { attr, Attr } from '../graph-builder';
import { convLayout } from './conv';
import { LayerExporter, layerError, outputShape, tupleOf } from './context';

export const upSampling2d: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const { x, perm } = convLayout(ctx, 2);
  const [sh, sw] = tupleOf(ctx, 'size', 2, [2, 2]);
  const interpolation = ctx.config.interpolation ?? 'nearest';
  if (interpolation !== 'nearest' && interpolation !== 'bilinear') {
    throw layerError(
      ctx,
      `unsupported interpolation ${JSON.stringify(interpolation)} (expected 'nearest' or 'bilinear')`,
    );
  }
  const scales = g.floatConstant([1, 1, sh, sw], `${name}/scales`);
  const attrs: Record<string, Attr> =
    interpolation === 'nearest'
      ? {
          mode: attr.string('nearest'),
          coordinate_transformation_mode: attr.string('asymmetric'),
          nearest_mode: attr.string('floor'),
        }
      : { mode: attr.string('linear'), coordinate_transformation_mode: attr.string('asymmetric') };
  // Resize inputs: X, roi (omitted: ''), scales.
  const y = g.op('Resize', [x.name, '', scales], attrs, `${name}/Resize`);
  return g.value(y, outputShape(ctx), perm);
};
