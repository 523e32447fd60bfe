/**
 * Gemm (y = α·A·op(B) + β·C) and MatMul by a constant matrix → tfjs dense. After a Flatten of a
 * channels-first map (done in the tfjs H, W, C order) the weight rows are permuted to match, so no
 * activation transpose is needed: W_tfjs[rowOrder[f]] = W_onnx[f]. A MatMul's dense layer gets a
 * zero bias that a following Add of a constant vector fills in (the MatMul + Add pattern).
 */
import * as tf from '@tensorflow/tfjs';
import { transposeData } from '../../layout';
import { ConstantData, ImportContext, ImportedValue, OpImporter } from '../context';

function denseLayer(
  ctx: ImportContext,
  a: ImportedValue & { sym: tf.SymbolicTensor },
  kernel: Float32Array,
  k: number,
  n: number,
  bias: Float32Array,
): ImportedValue {
  let x: tf.SymbolicTensor;
  let rows = kernel;
  if (a.rowOrder) {
    if (a.rowOrder.length !== k) throw ctx.error(`input has ${a.rowOrder.length} features, the weight ${k} rows`);
    rows = new Float32Array(kernel.length);
    for (let f = 0; f < k; f++) rows.set(kernel.subarray(f * n, (f + 1) * n), a.rowOrder[f] * n);
    x = a.sym;
  } else {
    x = ctx.inLayout(a, null);
  }
  const features = x.shape[x.shape.length - 1];
  if (features !== k) throw ctx.error(`input has ${features} features on its last axis, the weight expects ${k}`);
  const layer = tf.layers.dense({ units: n, useBias: true, name: ctx.layerName() });
  const y = layer.apply(x) as tf.SymbolicTensor;
  const weights = [tf.tensor2d(rows, [k, n]), tf.tensor1d(bias)];
  layer.setWeights(weights);
  tf.dispose(weights);
  return { sym: y, perm: null, denseBias: { layer, units: n } };
}

export const gemm: OpImporter = (ctx) => {
  const a = ctx.tensorInput(0);
  if (ctx.onnxShape(a).length !== 2) throw ctx.error(`A should be rank 2, got [${ctx.onnxShape(a)}]`);
  if (ctx.attrInt('transA', 0) !== 0) throw ctx.error(`transA = 1 is not supported`);
  const b = ctx.requireConstant(1, 'B (the weight)');
  if (b.dims.length !== 2) throw ctx.error(`B should be rank 2, got [${b.dims}]`);
  const alpha = ctx.attrFloat('alpha', 1);
  const beta = ctx.attrFloat('beta', 1);
  const transB = ctx.attrInt('transB', 0) === 1;
  const [k, n] = transB ? [b.dims[1], b.dims[0]] : b.dims;
  const kernel = transB ? transposeData(b.data, b.dims, [1, 0]) : b.data.slice();
  if (alpha !== 1) kernel.forEach((v, i) => (kernel[i] = v * alpha));
  const bias = new Float32Array(n);
  if (ctx.hasInput(2)) {
    const c = ctx.requireConstant(2, 'C (the bias)');
    if (c.data.length !== n && c.data.length !== 1)
      throw ctx.error(`C should broadcast to [${n}] per sample, got [${c.dims}]`);
    for (let j = 0; j < n; j++) bias[j] = beta * c.data[c.data.length === 1 ? 0 : j];
  }
  const { denseBias: _unused, ...out } = denseLayer(ctx, a, kernel, k, n, bias);
  return out;
};

export const matMul: OpImporter = (ctx) => {
  const a = ctx.tensorInput(0);
  const b: ConstantData | undefined = ctx.constant(1);
  if (!b)
    throw ctx.error(`MatMul of two computed tensors is not supported (the second input must be a constant weight)`);
  if (b.dims.length !== 2) throw ctx.error(`the weight should be rank 2, got [${b.dims}]`);
  const [k, n] = b.dims;
  const out = denseLayer(ctx, a, b.data, k, n, new Float32Array(n));
  // Offer the bias to a following Add only when it is this MatMul's single consumer.
  const users = ctx.consumers(0);
  return users.length === 1 && users[0].opType === 'Add' ? out : { sym: out.sym, perm: out.perm };
};
