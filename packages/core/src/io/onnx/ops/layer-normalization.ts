/**
 * LayerNormalization → ONNX LayerNormalization (opset 17): normalises over the trailing axes
 * from `axis` on, y = (x - mean) / sqrt(var + ε) · γ + β, as tfjs-layers LayerNormalization.
 */
import { attr } from '../graph-builder';
import { LayerExporter, layerError, numberOf, singleInput } from './context';

export const layerNormalization: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const x = g.toLayout(singleInput(ctx), null);
  const rank = x.shape.length;
  const raw = ctx.config.axis ?? -1;
  const axes = (Array.isArray(raw) ? (raw as number[]) : [raw as number])
    .map((a) => (a < 0 ? a + rank : a))
    .sort((a, b) => a - b);
  // ONNX normalises axes [axis, rank): tfjs axes must be that trailing run.
  if (!axes.every((a, i) => a === rank - axes.length + i) || axes[0] < 1) {
    throw layerError(
      ctx,
      `only trailing normalisation axes are supported, got ${JSON.stringify(raw)} for rank ${rank}`,
    );
  }
  const dims = axes.map((a) => x.shape[a]);
  if (dims.some((d) => d === null)) throw layerError(ctx, `normalised axes must have known sizes, got [${x.shape}]`);
  const n = (dims as number[]).reduce((a, b) => a * b, 1);
  const gamma = ctx.weight('gamma')?.data ?? new Float32Array(n).fill(1);
  const beta = ctx.weight('beta')?.data ?? new Float32Array(n);
  const y = g.op(
    'LayerNormalization',
    [
      x.name,
      g.initializer(`${name}/gamma`, gamma, dims as number[]),
      g.initializer(`${name}/beta`, beta, dims as number[]),
    ],
    { axis: attr.int(axes[0]), epsilon: attr.float(numberOf(ctx, 'epsilon', 1e-3)) },
    `${name}/LayerNormalization`,
  );
  return { ...x, name: y };
};
