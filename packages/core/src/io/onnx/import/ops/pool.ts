/**
 * MaxPool / AveragePool → tfjs maxPooling2d / averagePooling2d; GlobalAveragePool /
 * GlobalMaxPool (and ReduceMean / ReduceMax over H and W) → global pooling, reshaped back to
 * [N, 1, 1, C] when the ONNX op keeps the dimensions. ONNX strides default to 1 (tfjs: the pool
 * size). tfjs 'same' average pooling divides by the real (unpadded) count, i.e. ONNX
 * count_include_pad = 0; explicit pads that are not TF-'same' are padded by a layer first
 * (zeros for count_include_pad = 1, the lowest float32 for max pooling).
 */
import * as tf from '@tensorflow/tfjs';
import { CHANNELS_FIRST, ImportContext, ImportedValue, OpImporter, Shape } from '../context';
import { CHANNELS_FIRST_1D } from './conv';
import { FLOAT32_LOWEST, OnnxPad2D } from '../layers';
import { spatialPadding } from './padding';

function pool(kind: 'max' | 'avg'): OpImporter {
  return (ctx) => {
    const x = ctx.tensorInput(0);
    const shape = ctx.onnxShape(x);
    if (shape.length === 3) return pool1d(ctx, kind, x, shape);
    if (shape.length !== 4)
      throw ctx.error(`only 1D and 2D pooling (input [N, C, L] or [N, C, H, W]) is supported, got [${shape}]`);
    const kernel = ctx.attrInts('kernel_shape', []);
    if (kernel.length !== 2) throw ctx.error(`kernel_shape should have 2 entries, got [${kernel}]`);
    const strides = ctx.attrInts('strides', [1, 1]);
    if (ctx.attrInts('dilations', [1, 1]).some((d) => d !== 1)) throw ctx.error(`dilated pooling is not supported`);
    if (ctx.attrInt('ceil_mode', 0) !== 0) throw ctx.error(`ceil_mode = 1 is not supported`);
    if (ctx.node.output.length > 1 && ctx.node.output[1])
      throw ctx.error(`the Indices output of MaxPool is not supported`);
    const pad = spatialPadding(ctx, shape.slice(2), kernel, strides, [1, 1]);
    let input = ctx.inLayout(x, CHANNELS_FIRST);
    let padding = pad.padding;
    if (kind === 'avg') {
      const includePad = ctx.attrInt('count_include_pad', 0) === 1;
      if (pad.explicit && !includePad)
        throw ctx.error(
          `pads [${ctx.attrInts('pads', [])}] with count_include_pad = 0 differ from TensorFlow 'same' and are not supported`,
        );
      if (includePad && pad.padding === 'same') {
        // tfjs 'same' would exclude the pads from the average: pad zeros explicitly instead.
        const p = ctx.attrInts('pads', [0, 0, 0, 0]);
        pad.explicit = [
          [p[0], p[2]],
          [p[1], p[3]],
        ];
        padding = 'valid';
      }
      if (pad.explicit)
        input = tf.layers
          .zeroPadding2d({ padding: pad.explicit as [[number, number], [number, number]], name: ctx.layerName('pad') })
          .apply(input) as tf.SymbolicTensor;
    } else if (pad.explicit) {
      input = new OnnxPad2D({
        padding: pad.explicit as [[number, number], [number, number]],
        value: FLOAT32_LOWEST,
        name: ctx.layerName('pad'),
      }).apply(input) as tf.SymbolicTensor;
    }
    const args = {
      poolSize: kernel as [number, number],
      strides: strides as [number, number],
      padding,
      name: ctx.layerName(),
    };
    const layer = kind === 'max' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    return { sym: layer.apply(input) as tf.SymbolicTensor, perm: CHANNELS_FIRST };
  };
}

/** MaxPool / AveragePool over [N, C, L] ('same' or 'valid' pads only). */
function pool1d(
  ctx: ImportContext,
  kind: 'max' | 'avg',
  x: ImportedValue & { sym: tf.SymbolicTensor },
  shape: Shape,
): ImportedValue {
  const kernel = ctx.attrInts('kernel_shape', []);
  if (kernel.length !== 1) throw ctx.error(`kernel_shape should have 1 entry for a rank-3 input, got [${kernel}]`);
  const strides = ctx.attrInts('strides', [1]);
  if (ctx.attrInt('ceil_mode', 0) !== 0) throw ctx.error(`ceil_mode = 1 is not supported`);
  const pad = spatialPadding(ctx, shape.slice(2), kernel, strides, [1]);
  if (pad.explicit || (kind === 'avg' && pad.padding === 'same' && ctx.attrInt('count_include_pad', 0) === 1)) {
    throw ctx.error(
      `1D pooling pads [${ctx.attrInts('pads', [])}] other than TensorFlow 'same'/'valid' are not supported`,
    );
  }
  const args = { poolSize: kernel[0], strides: strides[0], padding: pad.padding, name: ctx.layerName() };
  const layer = kind === 'max' ? tf.layers.maxPooling1d(args) : tf.layers.averagePooling1d(args);
  return { sym: layer.apply(ctx.inLayout(x, CHANNELS_FIRST_1D)) as tf.SymbolicTensor, perm: CHANNELS_FIRST_1D };
}

export const maxPool = pool('max');
export const averagePool = pool('avg');

/** Global pooling of a rank-4 value over H and W: [N, C, 1, 1] (keepDims) or [N, C]. */
function globalPool(ctx: ImportContext, kind: 'max' | 'avg', keepDims: boolean): ImportedValue {
  const x = ctx.tensorInput(0);
  const shape = ctx.onnxShape(x);
  const oneD = shape.length === 3;
  if (shape.length !== 4 && !oneD)
    throw ctx.error(`only inputs [N, C, L] and [N, C, H, W] are supported, got [${shape}]`);
  const c = shape[1];
  const input = ctx.inLayout(x, oneD ? CHANNELS_FIRST_1D : CHANNELS_FIRST);
  const name = ctx.layerName();
  const layer = oneD
    ? kind === 'max'
      ? tf.layers.globalMaxPooling1d({ name })
      : tf.layers.globalAveragePooling1d({ name })
    : kind === 'max'
      ? tf.layers.globalMaxPooling2d({ name })
      : tf.layers.globalAveragePooling2d({ name });
  const y = layer.apply(input) as tf.SymbolicTensor; // [N, C]
  if (!keepDims) return { sym: y, perm: null };
  if (c === null) throw ctx.error(`the channel count is unknown`);
  const kept = tf.layers
    .reshape({ targetShape: oneD ? [1, c] : [1, 1, c], name: ctx.layerName('keepdims') })
    .apply(y) as tf.SymbolicTensor;
  return { sym: kept, perm: oneD ? CHANNELS_FIRST_1D : CHANNELS_FIRST };
}

export const globalAveragePool: OpImporter = (ctx) => globalPool(ctx, 'avg', true);
export const globalMaxPool: OpImporter = (ctx) => globalPool(ctx, 'max', true);

/** ReduceMean / ReduceMax: only over the spatial axes of a rank-4 tensor (global pooling). */
function reduce(kind: 'max' | 'avg'): OpImporter {
  return (ctx) => {
    const axes = ctx.hasInput(1) ? Array.from(ctx.requireConstant(1, 'axes').data) : ctx.attrInts('axes', []);
    const rank = ctx.onnxShape(ctx.tensorInput(0)).length;
    const norm = axes.map((a) => (a < 0 ? a + rank : a)).sort();
    if (rank !== 4 || norm.length !== 2 || norm[0] !== 2 || norm[1] !== 3) {
      throw ctx.error(
        `only a reduction over axes [2, 3] of a rank-4 tensor (global pooling) is supported, got axes [${axes}] of rank ${rank}`,
      );
    }
    return globalPool(ctx, kind, ctx.attrInt('keepdims', 1) === 1);
  };
}

export const reduceMean = reduce('avg');
export const reduceMax = reduce('max');
