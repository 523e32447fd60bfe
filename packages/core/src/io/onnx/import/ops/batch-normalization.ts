/**
 * BatchNormalization (inference form, y = (x - mean) / sqrt(var + ε) · scale + B) → tfjs
 * batchNormalization on the last (channel) axis, with gamma, beta, moving mean and variance set.
 * ONNX normalises axis 1: a rank-4 value is brought to NHWC (rank 3: NLC), a rank-2 [N, C] value stays.
 * Momentum keeps its meaning (moving = moving · momentum + batch · (1 - momentum) in both).
 */
import * as tf from '@tensorflow/tfjs';
import { CHANNELS_FIRST, OpImporter } from '../context';
import { CHANNELS_FIRST_1D } from './conv';

export const batchNormalization: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  const rank = ctx.onnxShape(x).length;
  if (rank < 2 || rank > 4)
    throw ctx.error(`only inputs [N, C], [N, C, L] and [N, C, H, W] are supported, got rank ${rank}`);
  if (ctx.node.output.filter((o) => o).length > 1)
    throw ctx.error(`training-mode outputs (running mean/var) are not supported`);
  const [scale, bias, mean, variance] = [1, 2, 3, 4].map(
    (i) => ctx.requireConstant(i, ['scale', 'B', 'input_mean', 'input_var'][i - 1]).data,
  );
  const perm = rank === 4 ? CHANNELS_FIRST : rank === 3 ? CHANNELS_FIRST_1D : null;
  const input = ctx.inLayout(x, perm);
  const layer = tf.layers.batchNormalization({
    axis: -1,
    epsilon: ctx.attrFloat('epsilon', 1e-5),
    momentum: ctx.attrFloat('momentum', 0.9),
    name: ctx.layerName(),
  });
  const y = layer.apply(input) as tf.SymbolicTensor;
  const c = y.shape[y.shape.length - 1];
  if (scale.length !== c) throw ctx.error(`scale has ${scale.length} values for ${c} channels`);
  const weights = [scale, bias, mean, variance].map((d) => tf.tensor1d(d));
  layer.setWeights(weights);
  tf.dispose(weights);
  return { sym: y, perm };
};
