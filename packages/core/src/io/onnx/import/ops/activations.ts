/**
 * Elementwise activations. They keep the value's layout (and a Flatten's row order), so they
 * cost no transpose. Formulas: ONNX operator docs; tfjs equivalents in tfjs-layers activations.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { ImportContext, ImportedValue, OpImporter } from '../context';
import { OnnxClip } from '../layers';

/** Applies `layer` to the single input and keeps its layout bookkeeping. */
function keepLayout(ctx: ImportContext, layer: tf.layers.Layer): ImportedValue {
  const x = ctx.tensorInput(0);
  return { sym: layer.apply(x.sym) as tf.SymbolicTensor, perm: x.perm, rowOrder: x.rowOrder };
}

/** An activation tfjs has under the same formula. */
function activation(name: 'relu' | 'sigmoid' | 'tanh' | 'softplus' | 'softsign' | 'selu' | 'hardSigmoid'): OpImporter {
  return (ctx) => keepLayout(ctx, tf.layers.activation({ activation: name, name: ctx.layerName() }));
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

export const relu: OpImporter = (ctx) => keepLayout(ctx, tf.layers.reLU({ name: ctx.layerName() }));
export const sigmoid = activation('sigmoid');
export const tanh = activation('tanh');
export const softplus = activation('softplus');
export const softsign = activation('softsign');

/** ONNX Selu(alpha, gamma); tfjs selu is fixed at alpha = 1.67326..., scale = 1.05070.... */
export const selu: OpImporter = (ctx) => {
  const alpha = ctx.attrFloat('alpha', 1.67326319217681884765625);
  const gamma = ctx.attrFloat('gamma', 1.05070102214813232421875);
  if (!near(alpha, 1.6732632423543772) || !near(gamma, 1.0507009873554805))
    throw ctx.error(`only the standard Selu constants are supported, got alpha ${alpha}, gamma ${gamma}`);
  return activation('selu')(ctx);
};

/** ONNX HardSigmoid max(0, min(1, αx + β)); tfjs hardSigmoid uses α = 0.2, β = 0.5. */
export const hardSigmoid: OpImporter = (ctx) => {
  const alpha = ctx.attrFloat('alpha', 0.2);
  const beta = ctx.attrFloat('beta', 0.5);
  if (!near(alpha, 0.2) || !near(beta, 0.5))
    throw ctx.error(`only alpha 0.2 and beta 0.5 are supported, got ${alpha}, ${beta}`);
  return activation('hardSigmoid')(ctx);
};

/** LeakyRelu: x < 0 ? αx : x, α defaults to 0.01 in ONNX (0.3 in tfjs). */
export const leakyRelu: OpImporter = (ctx) =>
  keepLayout(ctx, tf.layers.leakyReLU({ alpha: ctx.attrFloat('alpha', 0.01), name: ctx.layerName() }));

/** Elu: tfjs 4.22's ELU layer only supports alpha = 1. */
export const elu: OpImporter = (ctx) => {
  const alpha = ctx.attrFloat('alpha', 1);
  if (!near(alpha, 1)) throw ctx.error(`only alpha = 1 is supported (tfjs ELU), got ${alpha}`);
  return keepLayout(ctx, tf.layers.elu({ name: ctx.layerName() }));
};

export const thresholdedRelu: OpImporter = (ctx) =>
  keepLayout(ctx, tf.layers.thresholdedReLU({ theta: ctx.attrFloat('alpha', 1), name: ctx.layerName() }));

/**
 * Clip(x, min, max): bounds are inputs from opset 11 (attributes before). [0, m] becomes tfjs
 * ReLU(maxValue = m) (relu6 for m = 6, as MobileNetV2 uses), [0, ∞) plain ReLU, others OnnxClip.
 */
export const clip: OpImporter = (ctx) => {
  const bound = (i: number, attrName: string, fallback: number): number => {
    if (ctx.opset < 11) return ctx.attrFloat(attrName, fallback);
    if (!ctx.hasInput(i)) return fallback;
    const c = ctx.requireConstant(i, attrName);
    if (c.data.length !== 1) throw ctx.error(`${attrName} should be a scalar, got [${c.dims}]`);
    return c.data[0];
  };
  const min = bound(1, 'min', -Infinity);
  const max = bound(2, 'max', Infinity);
  if (min === 0 && max === Infinity) return relu(ctx);
  if (min === 0) return keepLayout(ctx, tf.layers.reLU({ maxValue: max, name: ctx.layerName() }));
  return keepLayout(ctx, new OnnxClip({ min, max, name: ctx.layerName() }));
};

/** Softmax over `axis` (default -1 from opset 13; 1 before, with the old flatten-to-2D rule). */
export const softmax: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  if (x.rowOrder) throw ctx.error(`Softmax right after a channels-first Flatten is not supported`);
  const rank = ctx.onnxShape(x).length;
  const raw = ctx.attrInt('axis', ctx.opset >= 13 ? -1 : 1);
  const axis = raw < 0 ? raw + rank : raw;
  if (ctx.opset < 13 && axis !== rank - 1)
    throw ctx.error(
      `opset ${ctx.opset} Softmax over axis ${raw} of a rank-${rank} tensor (coerced to 2D) is not supported`,
    );
  const tfAxis = x.perm ? x.perm[axis] : axis;
  return {
    sym: tf.layers.softmax({ axis: tfAxis, name: ctx.layerName() }).apply(x.sym) as tf.SymbolicTensor,
    perm: x.perm,
  };
};

export const identity: OpImporter = (ctx) => ctx.input(0);
