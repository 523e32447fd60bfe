/**
 * Conv1D and Conv2D → ONNX Conv in channels-first layout, with the explicit pads tfjs uses.
 * The helpers here (`spatialPads`, `convLayout`) are shared with the depthwise/separable
 * convolutions and the pooling layers.
 */
import { attr, Attr, OnnxValue, Shape } from '../graph-builder';
import { channelsFirstPerm, transposeData } from '../layout';
import { applyActivation } from './activations';
import { LayerExportContext, LayerExporter, layerError, outputShape, singleInput, tupleOf } from './context';

/**
 * tfjs padding as ONNX attributes. 'same' follows TensorFlow (tfjs-core conv_util
 * computePaddingInfo): out = ceil(in / s), total = max(0, (out - 1) s + (k - 1) d + 1 - in),
 * begin = floor(total / 2), end = total - begin, which is ONNX's SAME_UPPER. Explicit pads are
 * written when the spatial sizes are known; otherwise auto_pad = SAME_UPPER. (tfjs 4.22 cannot
 * run Conv1D 'causal' padding, so no model to export uses it.) Returns ONNX `pads` = [begin..., end...].
 */
export function spatialPads(
  ctx: LayerExportContext,
  padding: unknown,
  inSizes: (number | null)[],
  kernel: number[],
  strides: number[],
  dilations: number[],
): Record<string, Attr> {
  const n = kernel.length;
  if (padding === 'valid') return { pads: attr.ints(new Array(2 * n).fill(0)) };
  if (padding !== 'same')
    throw layerError(ctx, `unsupported padding ${JSON.stringify(padding)} (expected 'valid' or 'same')`);
  if (inSizes.some((s) => s === null)) return { auto_pad: attr.string('SAME_UPPER') };
  const begin: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < n; i++) {
    const size = inSizes[i] as number;
    const out = Math.ceil(size / strides[i]);
    const effective = (kernel[i] - 1) * dilations[i] + 1;
    const total = Math.max(0, (out - 1) * strides[i] + effective - size);
    begin.push(Math.floor(total / 2));
    end.push(total - Math.floor(total / 2));
  }
  return { pads: attr.ints([...begin, ...end]) };
}

/**
 * The layout a spatial layer computes in: channels-first. For tfjs `dataFormat: 'channelsFirst'`
 * the logical layout already is, so no transpose is needed. Returns the input in that layout and
 * its spatial sizes.
 */
export function convLayout(
  ctx: LayerExportContext,
  spatialRank: number,
): { x: OnnxValue; perm: number[] | null; spatial: Shape } {
  const input = singleInput(ctx);
  const rank = spatialRank + 2;
  if (input.shape.length !== rank) throw layerError(ctx, `expected a rank-${rank} input, got shape [${input.shape}]`);
  const format = ctx.config.dataFormat ?? 'channelsLast';
  if (format === 'channelsFirst') return { x: ctx.g.toLayout(input, null), perm: null, spatial: input.shape.slice(2) };
  if (format !== 'channelsLast') throw layerError(ctx, `unsupported dataFormat ${JSON.stringify(format)}`);
  const perm = channelsFirstPerm(rank);
  return { x: ctx.g.toLayout(input, perm), perm, spatial: input.shape.slice(1, rank - 1) };
}

/** tfjs conv kernel [k..., in, out] → ONNX Conv weight [out, in, k...]. */
export function convWeight(kernel: { data: Float32Array; shape: number[] }): { data: Float32Array; dims: number[] } {
  const r = kernel.shape.length;
  const perm = [r - 1, r - 2, ...Array.from({ length: r - 2 }, (_, i) => i)];
  return { data: transposeData(kernel.data, kernel.shape, perm), dims: perm.map((p) => kernel.shape[p]) };
}

/** Conv1D / Conv2D / Conv3D: Conv(x, W, B) + activation, output kept channels-first (kernel [k..., in, out] -> [out, in, k...]). */
function convolution(spatialRank: number): LayerExporter {
  return (ctx) => {
    const { g, name } = ctx;
    const { x, perm, spatial } = convLayout(ctx, spatialRank);
    const kernel = ctx.requireWeight('kernel');
    const k = kernel.shape.slice(0, spatialRank);
    const strides = tupleOf(ctx, 'strides', spatialRank, new Array(spatialRank).fill(1));
    const dilations = tupleOf(ctx, 'dilationRate', spatialRank, new Array(spatialRank).fill(1));
    const w = convWeight(kernel);
    const inputs = [x.name, g.initializer(`${name}/kernel`, w.data, w.dims)];
    const bias = ctx.weight('bias');
    if (bias) inputs.push(g.initializer(`${name}/bias`, bias.data, bias.shape));
    const y = g.op(
      'Conv',
      inputs,
      {
        kernel_shape: attr.ints(k),
        strides: attr.ints(strides),
        dilations: attr.ints(dilations),
        group: attr.int(1),
        ...spatialPads(ctx, ctx.config.padding, spatial, k, strides, dilations),
      },
      `${name}/Conv`,
    );
    return applyActivation(ctx, g.value(y, outputShape(ctx), perm), ctx.config.activation);
  };
}

export const conv1d = convolution(1);
export const conv2d = convolution(2);
export const conv3d = convolution(3);
