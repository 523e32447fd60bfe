/**
 * Add / Sub / Mul / Div and the variadic Sum / Mean / Max / Min.
 * - Two computed tensors: tfjs add / multiply merge layers (Sub/Div of two tensors: unsupported),
 *   after bringing both to one layout.
 * - One constant: an OnnxConstantOp layer, with the constant permuted into the tfjs layout
 *   (ONNX broadcasting aligns trailing axes, so it is first padded to the input's rank).
 * - Add of a constant vector right after a MatMul fills in that dense layer's bias instead.
 */
import * as tf from '@tensorflow/tfjs';
import { invertPerm, transposeData } from '../../layout';
import { ConstantData, ImportContext, ImportedValue, OpImporter } from '../context';
import { ConstantOpKind, OnnxConstantOp } from '../layers';

/** The inputs of a merge, all in the first input's layout. */
function aligned(ctx: ImportContext, values: ImportedValue[]): { syms: tf.SymbolicTensor[]; perm: number[] | null } {
  if (values.some((v) => v.rowOrder))
    throw ctx.error(`merging values right after a channels-first Flatten is not supported`);
  const perm = values[0].perm;
  const rank = ctx.onnxShape(values[0]).length;
  if (values.some((v) => ctx.onnxShape(v).length !== rank))
    throw ctx.error(
      `inputs of different ranks are not supported: ${values.map((v) => `[${ctx.onnxShape(v)}]`).join(', ')}`,
    );
  return { syms: values.map((v) => ctx.inLayout(v, perm)), perm };
}

/** `c` (ONNX dims, right-aligned to x's rank) in x's tfjs layout, or undefined if it cannot be. */
function constantInLayout(
  ctx: ImportContext,
  x: ImportedValue,
  c: ConstantData,
): { values: number[]; shape: number[] } {
  const rank = ctx.onnxShape(x).length;
  if (c.dims.length === 0 || c.data.length === 1) return { values: [c.data[0]], shape: [] };
  if (c.dims.length > rank) throw ctx.error(`constant of shape [${c.dims}] has a higher rank than the input (${rank})`);
  const full = [...new Array<number>(rank - c.dims.length).fill(1), ...c.dims];
  if (full[0] !== 1) throw ctx.error(`a constant with a batch dimension of ${full[0]} is not supported`);
  if (!x.perm) return { values: Array.from(c.data), shape: full };
  // tfjs axis k = ONNX axis perm⁻¹[k].
  const inv = invertPerm(x.perm);
  return { values: Array.from(transposeData(c.data, full, inv)), shape: inv.map((a) => full[a]) };
}

function binary(kind: ConstantOpKind): OpImporter {
  return (ctx) => {
    const ca = ctx.constant(0);
    const cb = ctx.constant(1);
    if (ca && cb) throw ctx.error(`both inputs are constants (constant folding is not supported)`);
    if (ca || cb) {
      const x = ctx.tensorInput(ca ? 1 : 0);
      const c = (ca ?? cb)!;
      if (kind === 'add' && x.denseBias && ctx.onnxShape(x).length === 2 && c.data.length === x.denseBias.units) {
        const [kernel, bias] = x.denseBias.layer.getWeights();
        const summed = tf.tidy(() => bias.add(tf.tensor1d(c.data)));
        x.denseBias.layer.setWeights([kernel, summed]);
        summed.dispose();
        return { sym: x.sym, perm: x.perm };
      }
      if (x.rowOrder && c.data.length !== 1)
        throw ctx.error(`a per-feature constant right after a channels-first Flatten is not supported`);
      const { values, shape } = constantInLayout(ctx, x, c);
      const layer = new OnnxConstantOp({
        op: kind,
        values,
        shape,
        constantFirst: ca !== undefined,
        name: ctx.layerName(),
      });
      return { sym: layer.apply(x.sym) as tf.SymbolicTensor, perm: x.perm, rowOrder: x.rowOrder };
    }
    if (kind === 'sub' || kind === 'div')
      throw ctx.error(`${ctx.node.opType} of two computed tensors is not supported (one input must be a constant)`);
    const { syms, perm } = aligned(ctx, [ctx.tensorInput(0), ctx.tensorInput(1)]);
    const layer =
      kind === 'add' ? tf.layers.add({ name: ctx.layerName() }) : tf.layers.multiply({ name: ctx.layerName() });
    return { sym: layer.apply(syms) as tf.SymbolicTensor, perm };
  };
}

export const add = binary('add');
export const sub = binary('sub');
export const mul = binary('mul');
export const div = binary('div');

function variadic(make: (name: string) => tf.layers.Layer): OpImporter {
  return (ctx) => {
    const values = ctx.node.input.map((_, i) => ctx.tensorInput(i));
    if (values.length === 1) return values[0];
    const { syms, perm } = aligned(ctx, values);
    return { sym: make(ctx.layerName()).apply(syms) as tf.SymbolicTensor, perm };
  };
}

export const sum = variadic((name) => tf.layers.add({ name }));
export const mean = variadic((name) => tf.layers.average({ name }));
export const max = variadic((name) => tf.layers.maximum({ name }));
export const min = variadic((name) => tf.layers.minimum({ name }));

/**
 * PRelu(x, slope) → tfjs prelu: alpha has the input's tfjs shape without the batch axis, with 1
 * on the axes the slope broadcasts over (sharedAxes).
 */
export const prelu: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  const slope = ctx.requireConstant(1, 'slope');
  const { values, shape } = constantInLayout(ctx, x, slope);
  const tfShape = x.sym.shape;
  const alphaShape = shape.length === 0 ? new Array<number>(tfShape.length).fill(1) : shape;
  const sharedAxes = alphaShape.map((d, i) => (i > 0 && d === 1 && tfShape[i] !== 1 ? i : -1)).filter((i) => i > 0);
  const layer = tf.layers.prelu({ sharedAxes: sharedAxes.length > 0 ? sharedAxes : undefined, name: ctx.layerName() });
  const y = layer.apply(x.sym) as tf.SymbolicTensor;
  const alpha = tf.tensor(
    values.length === 1 ? new Array(alphaShape.slice(1).reduce((a, b) => a * b, 1)).fill(values[0]) : values,
    alphaShape.slice(1),
  );
  layer.setWeights([alpha]);
  alpha.dispose();
  return { sym: y, perm: x.perm, rowOrder: x.rowOrder };
};
