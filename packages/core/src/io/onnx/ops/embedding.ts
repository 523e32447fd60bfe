/**
 * Embedding → Gather(embeddings, Cast<int64>(indices), axis 0). tfjs feeds indices as float32 and
 * casts them to int32 (truncation), so the ONNX input stays float32 and is cast the same way.
 */
import { attr } from '../graph-builder';
import { DataType } from '../proto/onnx-types';
import { LayerExporter, outputShape, singleInput } from './context';

export const embedding: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const x = g.toLayout(singleInput(ctx), null);
  const table = ctx.requireWeight('embeddings'); // [vocab, dim]
  const indices = g.op('Cast', [x.name], { to: attr.int(DataType.INT64) }, `${name}/Cast`);
  const y = g.op(
    'Gather',
    [g.initializer(`${name}/embeddings`, table.data, table.shape), indices],
    { axis: attr.int(0) },
    `${name}/Gather`,
  );
  return g.value(y, outputShape(ctx), null);
};
