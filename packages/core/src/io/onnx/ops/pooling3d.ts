/**
 * MaxPooling3D and AveragePooling3D → ONNX MaxPool / AveragePool on NCDHW, with the TensorFlow
 * 'same' pads of conv.ts; tfjs 'same' average pooling excludes the padding (count_include_pad = 0).
 * (tfjs 4.22 has no GlobalAveragePooling3D / GlobalMaxPooling3D layer classes to export.)
 */
import { attr, Attr } from '../graph-builder';
import { LayerExporter, outputShape, tupleOf } from './context';
import { convLayout, spatialPads } from './conv';

function pooling3d(opType: 'MaxPool' | 'AveragePool'): LayerExporter {
  return (ctx) => {
    const { x, perm, spatial } = convLayout(ctx, 3); // [N, C, D, H, W]
    const kernel = tupleOf(ctx, 'poolSize', 3);
    const strides = tupleOf(ctx, 'strides', 3, kernel); // tfjs: strides default to the pool size
    const pads = spatialPads(ctx, ctx.config.padding, spatial, kernel, strides, [1, 1, 1]);
    const countPad: Record<string, Attr> = opType === 'AveragePool' ? { count_include_pad: attr.int(0) } : {};
    const y = ctx.g.op(opType, [x.name], { kernel_shape: attr.ints(kernel), strides: attr.ints(strides), ...pads, ...countPad }, `${ctx.name}/${opType}`);
    return ctx.g.value(y, outputShape(ctx), perm);
  };
}

export const maxPooling3d = pooling3d('MaxPool');
export const averagePooling3d = pooling3d('AveragePool');
