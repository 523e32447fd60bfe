/**
 * Embedding → Gather(embeddings, indices, axis 0). Indices from an int32 model input arrive as the
 * graph's int64 input and go straight in; float32 indices (tfjs casts them to int32, truncating) are
 * cast to int64 the same way.
 */
import { attr } from '../graph-builder';
import { DataType } from '../proto/onnx-types';
import { LayerExporter, outputShape, singleInput } from './context';

export const embedding: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const x = g.toLayout(singleInput(ctx), null);
  const table = ctx.requireWeight('embeddings'); // [vocab, dim]
  const indices =
    x.elemType === DataType.INT64 ? x.name : g.op('Cast', [x.name], { to: attr.int(DataType.INT64) }, `${name}/Cast`);
  const y = g.op(
    'Gather',
    [g.initializer(`${name}/embeddings`, table.data, table.shape), indices],
    { axis: attr.int(0) },
    `${name}/Gather`,
  );
  return g.value(y, outputShape(ctx), null);
};
