/**
 * The activation layers: Activation (any tfjs activation identifier), ReLU (maxValue), LeakyReLU,
 * ELU, Softmax (axis or axes), ThresholdedReLU. Elementwise, so they keep the input's layout.
 */
import { attr } from '../graph-builder';
import { physicalAxis } from '../layout';
import { applyActivation } from './activations';
import { LayerExporter, layerError, numberOf, singleInput } from './context';

export const activation: LayerExporter = (ctx) => applyActivation(ctx, singleInput(ctx), ctx.config.activation);

/** tfjs ReLU: relu(x), then clipped to [0, maxValue] when maxValue is set. */
export const relu: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  const max = ctx.config.maxValue;
  if (max === undefined || max === null) return { ...x, name: ctx.g.op('Relu', [x.name], {}, `${ctx.name}/Relu`) };
  if (typeof max !== 'number') throw layerError(ctx, `maxValue should be a number, got ${JSON.stringify(max)}`);
  return {
    ...x,
    name: ctx.g.op('Clip', [x.name, ctx.g.floatConstant([0]), ctx.g.floatConstant([max])], {}, `${ctx.name}/Clip`),
  };
};

/** tfjs LeakyReLU: x > 0 ? x : alpha·x, alpha defaults to 0.3. */
export const leakyRelu: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  return {
    ...x,
    name: ctx.g.op('LeakyRelu', [x.name], { alpha: attr.float(numberOf(ctx, 'alpha', 0.3)) }, `${ctx.name}/LeakyRelu`),
  };
};

/** tfjs ELU: x > 0 ? x : alpha·(exp(x) - 1), alpha defaults to 1. */
export const elu: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  return { ...x, name: ctx.g.op('Elu', [x.name], { alpha: attr.float(numberOf(ctx, 'alpha', 1)) }, `${ctx.name}/Elu`) };
};

/** tfjs ThresholdedReLU: x > theta ? x : 0, theta defaults to 1. */
export const thresholdedRelu: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  return {
    ...x,
    name: ctx.g.op(
      'ThresholdedRelu',
      [x.name],
      { alpha: attr.float(numberOf(ctx, 'theta', 1)) },
      `${ctx.name}/ThresholdedRelu`,
    ),
  };
};

/**
 * tfjs Softmax layer over `axis` (the tfjs default is 1, not -1), mapped through the layout.
 * Several axes: exp(x - logSumExp(x, axes)), as tfjs computes it.
 */
export const softmax: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  const rank = x.shape.length;
  const raw = ctx.config.axis ?? 1;
  const axes = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  if (axes.length === 0 || !axes.every((a) => Number.isInteger(a)))
    throw layerError(ctx, `axis should be an integer or integers, got ${JSON.stringify(raw)}`);
  const phys = (axes as number[]).map((a) => physicalAxis(a, rank, x.perm));
  if (phys.length === 1) {
    return { ...x, name: ctx.g.op('Softmax', [x.name], { axis: attr.int(phys[0]) }, `${ctx.name}/Softmax`) };
  }
  const lse = ctx.g.reduce('ReduceLogSumExp', x.name, phys, true, `${ctx.name}/ReduceLogSumExp`);
  const y = ctx.g.op('Exp', [ctx.g.op('Sub', [x.name, lse], {}, `${ctx.name}/Sub`)], {}, `${ctx.name}/Exp`);
  return { ...x, name: y };
};
