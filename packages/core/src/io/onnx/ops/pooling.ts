/**
 * MaxPooling1D/2D/3D and AveragePooling1D/2D/3D → ONNX MaxPool / AveragePool, channels-first.
 * (tfjs 4.22 has no GlobalAveragePooling3D / GlobalMaxPooling3D layer classes to export.)
 * tfjs 'same' average pooling divides by the number of real (unpadded) elements in each
 * window, which is ONNX's count_include_pad = 0; max pooling ignores padding in both.
 */
import { attr } from '../graph-builder';
import { convLayout, spatialPads } from './conv';
import { LayerExporter, outputShape, tupleOf } from './context';

function pooling(opType: 'MaxPool' | 'AveragePool', spatialRank: number): LayerExporter {
  return (ctx) => {
    const { x, perm, spatial } = convLayout(ctx, spatialRank);
    const kernel = tupleOf(ctx, 'poolSize', spatialRank);
    // tfjs: strides default to the pool size.
    const strides = tupleOf(ctx, 'strides', spatialRank, kernel);
    const ones = new Array<number>(spatialRank).fill(1);
    const attrs = {
      kernel_shape: attr.ints(kernel),
      strides: attr.ints(strides),
      ...spatialPads(ctx, ctx.config.padding, spatial, kernel, strides, ones),
      ...(opType === 'AveragePool' ? { count_include_pad: attr.int(0) } : {}),
    };
    const y = ctx.g.op(opType, [x.name], attrs, `${ctx.name}/${opType}`);
    return ctx.g.value(y, outputShape(ctx), perm);
  };
}

export const maxPooling1d = pooling('MaxPool', 1);
export const maxPooling2d = pooling('MaxPool', 2);
export const averagePooling1d = pooling('AveragePool', 1);
export const averagePooling2d = pooling('AveragePool', 2);
export const maxPooling3d = pooling('MaxPool', 3);
export const averagePooling3d = pooling('AveragePool', 3);
