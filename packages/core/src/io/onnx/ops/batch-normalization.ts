/**
 * BatchNormalization (inference) → y = (x - movingMean) / sqrt(movingVariance + ε) · γ + β
 * (tfjs-core batchNorm). When the normalised axis is physical axis 1 (channels after a conv, or
 * features of a [N, C] tensor) this is ONNX BatchNormalization, which onnxruntime folds into a
 * preceding Conv; on any other axis it is folded here into one Mul and one Add with
 * scale = γ / sqrt(var + ε) and shift = β - mean · scale (computed in float64).
 */
import { attr } from '../graph-builder';
import { physicalAxis } from '../layout';
import { LayerExporter, layerError, numberOf, singleInput } from './context';

export const batchNormalization: LayerExporter = (ctx) => {
  const { g, name } = ctx;
  const x = singleInput(ctx);
  const rank = x.shape.length;
  const axisConfig = ctx.config.axis ?? -1;
  const axis = Array.isArray(axisConfig) ? (axisConfig.length === 1 ? axisConfig[0] : NaN) : axisConfig;
  if (typeof axis !== 'number' || !Number.isInteger(axis))
    throw layerError(ctx, `only a single normalisation axis is supported, got ${JSON.stringify(axisConfig)}`);
  const epsilon = numberOf(ctx, 'epsilon', 1e-3);
  const mean = ctx.requireWeight('moving_mean').data;
  const variance = ctx.requireWeight('moving_variance').data;
  const c = mean.length;
  const gamma = ctx.weight('gamma')?.data ?? new Float32Array(c).fill(1);
  const beta = ctx.weight('beta')?.data ?? new Float32Array(c);
  const phys = physicalAxis(axis, rank, x.perm);
  if (x.shape[axis < 0 ? axis + rank : axis] !== c)
    throw layerError(ctx, `axis ${axis} of input [${x.shape}] does not have ${c} channels`);

  if (phys === 1 && rank >= 2) {
    const y = g.op(
      'BatchNormalization',
      [
        x.name,
        g.initializer(`${name}/gamma`, gamma, [c]),
        g.initializer(`${name}/beta`, beta, [c]),
        g.initializer(`${name}/moving_mean`, mean, [c]),
        g.initializer(`${name}/moving_variance`, variance, [c]),
      ],
      { epsilon: attr.float(epsilon) },
      `${name}/BatchNormalization`,
    );
    return { ...x, name: y };
  }
  const scale = new Float32Array(c);
  const shift = new Float32Array(c);
  for (let i = 0; i < c; i++) {
    const s = gamma[i] / Math.sqrt(variance[i] + epsilon);
    scale[i] = s;
    shift[i] = beta[i] - mean[i] * s;
  }
  // Broadcast along physical axis `phys`: shape [C, 1, ..., 1] aligned to the right.
  const dims = [c, ...new Array<number>(rank - 1 - phys).fill(1)];
  const scaled = g.op('Mul', [x.name, g.initializer(`${name}/scale`, scale, dims)], {}, `${name}/Mul`);
  const y = g.op('Add', [scaled, g.initializer(`${name}/shift`, shift, dims)], {}, `${name}/Add`);
  return { ...x, name: y };
};
