/**
 * tfjs activation functions (the `activation` field of Dense/Conv layers and the Activation layer)
 * as ONNX nodes. One row per tfjs activation identifier; elementwise ones keep the value's layout.
 * Formulas: tfjs-layers src/activations.ts (4.22).
 */
import { attr, GraphBuilder, OnnxValue } from '../graph-builder';
import { physicalAxis } from '../layout';
import { LayerExportContext, layerError } from './context';

export type ActivationExporter = (g: GraphBuilder, x: OnnxValue, hint: string) => OnnxValue;

/** One elementwise op, same shape and layout. */
function unary(opType: string, attrs: Record<string, ReturnType<typeof attr.float>> = {}): ActivationExporter {
  return (g, x, hint) => ({ ...x, name: g.op(opType, [x.name], attrs, `${hint}/${opType}`) });
}

/** x * f(x), for swish and mish. */
function gated(inner: (g: GraphBuilder, x: string, hint: string) => string): ActivationExporter {
  return (g, x, hint) => ({ ...x, name: g.op('Mul', [x.name, inner(g, x.name, hint)], {}, `${hint}/Mul`) });
}

export const ACTIVATIONS: Record<string, ActivationExporter> = {
  linear: (_g, x) => x,
  relu: unary('Relu'),
  // relu6 = min(max(x, 0), 6); Clip takes min/max as inputs since opset 11.
  relu6: (g, x, hint) => ({
    ...x,
    name: g.op('Clip', [x.name, g.floatConstant([0]), g.floatConstant([6])], {}, `${hint}/Clip`),
  }),
  sigmoid: unary('Sigmoid'),
  tanh: unary('Tanh'),
  // tfjs softmax activation normalises the last logical axis.
  softmax: (g, x, hint) => ({
    ...x,
    name: g.op('Softmax', [x.name], { axis: attr.int(physicalAxis(-1, x.shape.length, x.perm)) }, `${hint}/Softmax`),
  }),
  elu: unary('Elu', { alpha: attr.float(1) }),
  // tfjs selu: scale * (x > 0 ? x : alpha * (exp(x) - 1)), scale = 1.0507009873554805,
  // scale * alpha = 1.7580993408473769 (tfjs-core ops/selu_util.ts).
  selu: unary('Selu', {
    alpha: attr.float(1.7580993408473769 / 1.0507009873554805),
    gamma: attr.float(1.0507009873554805),
  }),
  softplus: unary('Softplus'),
  softsign: unary('Softsign'),
  // tfjs K.hardSigmoid: clip(0.2 x + 0.5, 0, 1).
  hardSigmoid: unary('HardSigmoid', { alpha: attr.float(0.2), beta: attr.float(0.5) }),
  // swish(x) = x * sigmoid(x)
  swish: gated((g, x, hint) => g.op('Sigmoid', [x], {}, `${hint}/Sigmoid`)),
  // mish(x) = x * tanh(softplus(x))
  mish: gated((g, x, hint) => g.op('Tanh', [g.op('Softplus', [x], {}, `${hint}/Softplus`)], {}, `${hint}/Tanh`)),
  // gelu(x) = x * 0.5 * (1 + erf(x / sqrt(2)))  (exact form, as tfjs Gelu)
  gelu: gated((g, x, hint) => {
    const erf = g.op('Erf', [g.op('Div', [x, g.floatConstant([Math.SQRT2])], {}, `${hint}/Div`)], {}, `${hint}/Erf`);
    const onePlus = g.op('Add', [erf, g.floatConstant([1])], {}, `${hint}/Add`);
    return g.op('Mul', [onePlus, g.floatConstant([0.5])], {}, `${hint}/Half`);
  }),
  // gelu_new(x) = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))  (tanh approximation, as tfjs GeluNew)
  gelu_new: gated((g, x, hint) => {
    const cube = g.op('Mul', [g.op('Mul', [x, x], {}, `${hint}/Sq`), x], {}, `${hint}/Cube`);
    const inner = g.op(
      'Add',
      [x, g.op('Mul', [cube, g.floatConstant([0.044715])], {}, `${hint}/MulC`)],
      {},
      `${hint}/Inner`,
    );
    const t = g.op(
      'Tanh',
      [g.op('Mul', [inner, g.floatConstant([Math.sqrt(2 / Math.PI)])], {}, `${hint}/Scale`)],
      {},
      `${hint}/Tanh`,
    );
    const onePlus = g.op('Add', [t, g.floatConstant([1])], {}, `${hint}/Add`);
    return g.op('Mul', [onePlus, g.floatConstant([0.5])], {}, `${hint}/Half`);
  }),
};

/**
 * Applies the tfjs activation `name` (e.g. `ctx.config.activation`) to `x`. Throws naming the layer
 * and listing the supported activations when `name` has no exporter.
 */
export function applyActivation(
  ctx: Pick<LayerExportContext, 'g' | 'name' | 'className'>,
  x: OnnxValue,
  name: unknown,
): OnnxValue {
  const key = name === undefined || name === null ? 'linear' : String(name);
  const exporter = ACTIVATIONS[key];
  if (!exporter) {
    throw layerError(ctx, `unsupported activation '${key}' (supported: ${Object.keys(ACTIVATIONS).join(', ')})`);
  }
  return exporter(ctx.g, x, `${ctx.name}/${key}`);
}
