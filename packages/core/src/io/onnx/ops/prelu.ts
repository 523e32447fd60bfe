/**
 * PReLU → ONNX PRelu(x, slope). The tfjs alpha has the input's shape without the batch axis
 * (1 on shared axes); it is permuted into the input's physical layout so no Transpose is needed.
 */
import { transposeData } from '../layout';
import { LayerExporter, layerError, singleInput } from './context';

export const prelu: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  const alpha = ctx.requireWeight('alpha');
  const rank = x.shape.length;
  if (alpha.shape.length !== rank - 1)
    throw layerError(ctx, `alpha shape [${alpha.shape}] does not match input [${x.shape}]`);
  let data = alpha.data;
  let dims = alpha.shape;
  if (x.perm) {
    // Logical [1, ...alpha] → physical; the batch axis stays first, so drop it again.
    const full = [1, ...alpha.shape];
    data = transposeData(alpha.data, full, x.perm);
    dims = x.perm.map((p) => full[p]).slice(1);
  }
  const slope = ctx.g.initializer(`${ctx.name}/alpha`, data, dims);
  return { ...x, name: ctx.g.op('PRelu', [x.name, slope], {}, `${ctx.name}/PRelu`) };
};
