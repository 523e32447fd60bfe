/**
 * ONNX pads/auto_pad → tfjs padding. TensorFlow 'same' (tfjs-core conv_util computePaddingInfo):
 * out = ceil(in / s), total = max(0, (out - 1) s + (k - 1) d + 1 - in), begin = floor(total / 2),
 * which is ONNX SAME_UPPER. Pads equal to that become 'same', zero pads 'valid', and anything else
 * (e.g. PyTorch's symmetric pads with stride 2) an explicit padding layer followed by 'valid'.
 */
import { ImportContext, knownSizes, Shape } from '../context';

export interface SpatialPadding {
  padding: 'same' | 'valid';
  /** [begin, end] per spatial axis ([[top, bottom], [left, right]] in 2D) to pad explicitly before a 'valid' op. */
  explicit?: [number, number][];
}

/** TensorFlow 'same' pads [begin..., end...] for known sizes. */
export function tfSamePads(sizes: number[], kernel: number[], strides: number[], dilations: number[]): number[] {
  const begin: number[] = [];
  const end: number[] = [];
  sizes.forEach((size, i) => {
    const out = Math.ceil(size / strides[i]);
    const total = Math.max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - size);
    begin.push(Math.floor(total / 2));
    end.push(total - Math.floor(total / 2));
  });
  return [...begin, ...end];
}

/** The padding of a 1D/2D Conv/Pool node over spatial sizes `sizes` ([L] or [H, W], null when unknown). */
export function spatialPadding(
  ctx: ImportContext,
  sizes: Shape,
  kernel: number[],
  strides: number[],
  dilations: number[],
): SpatialPadding {
  const n = sizes.length;
  const autoPad = ctx.attrString('auto_pad', 'NOTSET');
  if (autoPad === 'VALID') return { padding: 'valid' };
  if (autoPad === 'SAME_UPPER') return { padding: 'same' };
  let pads: number[];
  if (autoPad === 'SAME_LOWER') {
    if (!knownSizes(sizes))
      throw ctx.error(`auto_pad SAME_LOWER needs known spatial sizes, got [${sizes}] (pass inputShape)`);
    const upper = tfSamePads(sizes, kernel, strides, dilations);
    // SAME_LOWER puts the odd extra pad at the beginning.
    pads = [...upper.slice(n), ...upper.slice(0, n)];
  } else if (autoPad === 'NOTSET') {
    pads = ctx.attrInts('pads', new Array<number>(2 * n).fill(0));
  } else {
    throw ctx.error(`unknown auto_pad '${autoPad}'`);
  }
  if (pads.length !== 2 * n || pads.some((p) => !Number.isInteger(p) || p < 0))
    throw ctx.error(`pads should be ${2 * n} non-negative integers, got [${pads}]`);
  if (pads.every((p) => p === 0)) return { padding: 'valid' };
  if (knownSizes(sizes)) {
    const same = tfSamePads(sizes, kernel, strides, dilations);
    if (same.every((p, i) => p === pads[i])) return { padding: 'same' };
  }
  return { padding: 'valid', explicit: Array.from({ length: n }, (_, i): [number, number] => [pads[i], pads[n + i]]) };
}
