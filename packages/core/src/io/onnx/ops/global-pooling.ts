/**
 * GlobalAveragePooling1D/2D and GlobalMaxPooling1D/2D: [N, ..., C] → [N, C].
 * Channels-first inputs (after a conv) use GlobalAveragePool/GlobalMaxPool + Flatten; inputs still
 * in tfjs layout reduce over the spatial axes directly (no transpose needed either way).
 */
import { attr } from '../graph-builder';
import { channelsFirstPerm, physicalAxis, samePerm } from '../layout';
import { LayerExporter, layerError, outputShape, singleInput } from './context';

function globalPooling(kind: 'Average' | 'Max', spatialRank: number): LayerExporter {
  return (ctx) => {
    const { g, name } = ctx;
    const x = singleInput(ctx);
    const rank = spatialRank + 2;
    if (x.shape.length !== rank) throw layerError(ctx, `expected a rank-${rank} input, got shape [${x.shape}]`);
    if (ctx.config.keepDims) throw layerError(ctx, `keepDims is not supported`);
    const channelsFirst = ctx.config.dataFormat === 'channelsFirst';
    // Logical spatial axes: 1..rank-2 for channels-last, 2..rank-1 for channels-first.
    const spatialAxes = Array.from({ length: spatialRank }, (_, i) => i + (channelsFirst ? 2 : 1));
    const cfPerm = channelsFirst ? null : channelsFirstPerm(rank);
    let y: string;
    if (samePerm(x.perm, cfPerm)) {
      // Physical [N, C, spatial...] → [N, C, 1...] → [N, C].
      const pooled = g.op(`Global${kind}Pool`, [x.name], {}, `${name}/Global${kind}Pool`);
      y = g.op('Flatten', [pooled], { axis: attr.int(1) }, `${name}/Flatten`);
    } else {
      const axes = spatialAxes.map((a) => physicalAxis(a, rank, x.perm));
      // What remains, [N, C] in some order: N is always physical axis 0 in dlkit layouts.
      if (physicalAxis(0, rank, x.perm) !== 0) throw layerError(ctx, `batch axis moved by layout [${x.perm}]`);
      y = g.reduce(
        kind === 'Average' ? 'ReduceMean' : 'ReduceMax',
        x.name,
        axes,
        false,
        `${name}/Reduce${kind === 'Average' ? 'Mean' : 'Max'}`,
      );
    }
    return g.value(y, outputShape(ctx), null);
  };
}

export const globalAveragePooling1d = globalPooling('Average', 1);
export const globalAveragePooling2d = globalPooling('Average', 2);
export const globalMaxPooling1d = globalPooling('Max', 1);
export const globalMaxPooling2d = globalPooling('Max', 2);
