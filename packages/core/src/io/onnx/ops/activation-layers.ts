/**
 * The activation layers: Activation (any tfjs activation identifier), ReLU (maxValue), LeakyReLU,
 * ELU, Softmax (axis), ThresholdedReLU. Elementwise, so they keep the input's layout.
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
  return { ...x, name: ctx.g.op('Clip', [x.name, ctx.g.floatConstant([0]), ctx.g.floatConstant([max])], {}, `${ctx.name}/Clip`) };
};

/** tfjs LeakyReLU: x > 0 ? x : alpha·x, alpha defaults to 0.3. */
export const leakyRelu: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  return { ...x, name: ctx.g.op('LeakyRelu', [x.name], { alpha: attr.float(numberOf(ctx, 'alpha', 0.3)) }, `${ctx.name}/LeakyRelu`) };
};

/** tfjs ELU: x > 0 ? x : alpha·(exp(x) - 1), alpha defaults to 1. */
export const elu: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  return { ...x, name: ctx.g.op('Elu', [x.name], { alpha: attr.float(numberOf(ctx, 'alpha', 1)) }, `${ctx.name}/Elu`) };
};

/** tfjs ThresholdedReLU: x > theta ? x : 0, theta defaults to 1. */
export const thresholdedRelu: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  return { ...x, name: ctx.g.op('ThresholdedRelu', [x.name], { alpha: attr.float(numberOf(ctx, 'theta', 1)) }, `${ctx.name}/ThresholdedRelu`) };
};

/** tfjs Softmax layer over `axis` (default -1), mapped through the layout. */
export const softmax: LayerExporter = (ctx) => {
  const x = singleInput(ctx);
  const raw = ctx.config.axis ?? -1;
  const axis = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (typeof axis !== 'number') throw layerError(ctx, `only a single softmax axis is supported, got ${JSON.stringify(raw)}`);
  const phys = physicalAxis(axis, x.shape.length, x.perm);
  return { ...x, name: ctx.g.op('Softmax', [x.name], { axis: attr.int(phys) }, `${ctx.name}/Softmax`) };
};
