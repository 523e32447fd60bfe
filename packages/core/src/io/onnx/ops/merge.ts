/**
 * Merge layers: Add, Multiply, Average, Maximum, Minimum, Concatenate (tfjs 4.22 has no Subtract). Inputs that share
 * a layout (e.g. two conv branches, both channels-first) are combined as they are; otherwise all
 * are brought to the tfjs layout first. Concatenate's axis is mapped through the layout.
 */
import { attr, OnnxValue } from '../graph-builder';
import { physicalAxis, samePerm } from '../layout';
import { LayerExportContext, LayerExporter, layerError, outputShape } from './context';

/** The inputs in one common layout: the shared one when there is one, else the tfjs layout. */
function commonLayout(ctx: LayerExportContext): OnnxValue[] {
  const { inputs } = ctx;
  if (inputs.length < 2) throw layerError(ctx, `expected at least 2 inputs, got ${inputs.length}`);
  const rank = inputs[0].shape.length;
  if (inputs.some((v) => v.shape.length !== rank)) {
    throw layerError(
      ctx,
      `inputs of different ranks are not supported: ${inputs.map((v) => `[${v.shape}]`).join(', ')}`,
    );
  }
  if (inputs.every((v) => samePerm(v.perm, inputs[0].perm))) return inputs;
  return inputs.map((v) => ctx.g.toLayout(v, null));
}

/** Elementwise merge with a variadic ONNX op (Sum/Mean/Max/Min) or a chain of binary ones. */
function elementwise(opType: string, variadic: boolean): LayerExporter {
  return (ctx) => {
    const xs = commonLayout(ctx);
    let y: string;
    if (variadic || xs.length === 2) {
      y = ctx.g.op(
        xs.length === 2 && opType === 'Sum' ? 'Add' : opType,
        xs.map((v) => v.name),
        {},
        `${ctx.name}/${opType}`,
      );
    } else {
      y = xs.slice(1).reduce((acc, v) => ctx.g.op(opType, [acc, v.name], {}, `${ctx.name}/${opType}`), xs[0].name);
    }
    return ctx.g.value(y, outputShape(ctx), xs[0].perm);
  };
}

export const add = elementwise('Sum', true);
export const multiply = elementwise('Mul', false);
export const average = elementwise('Mean', true);
export const maximum = elementwise('Max', true);
export const minimum = elementwise('Min', true);

export const concatenate: LayerExporter = (ctx) => {
  const xs = commonLayout(ctx);
  const rank = xs[0].shape.length;
  const axis = ctx.config.axis ?? -1;
  if (typeof axis !== 'number') throw layerError(ctx, `axis should be a number, got ${JSON.stringify(axis)}`);
  const y = ctx.g.op(
    'Concat',
    xs.map((v) => v.name),
    { axis: attr.int(physicalAxis(axis, rank, xs[0].perm)) },
    `${ctx.name}/Concat`,
  );
  return ctx.g.value(y, outputShape(ctx), xs[0].perm);
};
