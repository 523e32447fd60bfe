/**
 * Layout and shape ops: Transpose (bookkeeping only), Flatten, Reshape, Concat, and the spatial
 * Pad / Slice / Resize the exporter writes for ZeroPadding2D / Cropping2D / UpSampling2D.
 */
import * as tf from '@tensorflow/tfjs';
import { transposeData } from '../../layout';
import { CHANNELS_FIRST, ImportedValue, knownSizes, normPerm, OpImporter } from '../context';

/** Transpose: composes the layout, no layer. ONNX out axis i = in axis t[i] = tfjs axis p[t[i]]. */
export const transpose: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  if (x.rowOrder) throw ctx.error(`Transpose right after a channels-first Flatten is not supported`);
  const rank = ctx.onnxShape(x).length;
  const t = ctx.attrInts(
    'perm',
    Array.from({ length: rank }, (_, i) => rank - 1 - i),
  );
  const p = x.perm ?? Array.from({ length: rank }, (_, i) => i);
  const composed = t.map((a) => p[a]);
  if (composed[0] !== 0) throw ctx.error(`perm [${t}] moves the batch axis, which a tfjs layers model cannot do`);
  return { sym: x.sym, perm: normPerm(composed) };
};

/**
 * Flatten(axis 1). A channels-first value is flattened in tfjs (H, W, C) order; when every
 * consumer is a Gemm/MatMul the row order is handed to it (weights permuted), otherwise a Permute
 * brings the tensor to ONNX order first.
 */
export const flatten: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  const shape = ctx.onnxShape(x);
  if (ctx.attrInt('axis', 1) !== 1) throw ctx.error(`only axis = 1 is supported, got ${ctx.attrInt('axis', 1)}`);
  if (shape.length === 2 && !x.perm) return x;
  const name = ctx.layerName();
  if (!x.perm) return { sym: tf.layers.flatten({ name }).apply(x.sym) as tf.SymbolicTensor, perm: null };
  const tfShape = x.sym.shape.slice(1);
  const nonUnit = tfShape.filter((d) => d !== 1).length;
  // Only one axis larger than 1: both orders agree (e.g. [N, C, 1, 1] after global pooling).
  if (nonUnit <= 1) return { sym: tf.layers.flatten({ name }).apply(x.sym) as tf.SymbolicTensor, perm: null };
  const allDense = ctx
    .consumers(0)
    .every((n) => (n.opType === 'Gemm' || n.opType === 'MatMul') && n.input[0] === ctx.node.output[0]);
  if (allDense && knownSizes(tfShape)) {
    const n = tfShape.reduce((a, b) => a * b, 1);
    const iota = new Float32Array(n).map((_, i) => i);
    // ONNX element f sits at tfjs flat index order[f].
    const order = Int32Array.from(transposeData(iota, [1, ...tfShape], x.perm));
    return { sym: tf.layers.flatten({ name }).apply(x.sym) as tf.SymbolicTensor, perm: null, rowOrder: order };
  }
  return { sym: tf.layers.flatten({ name }).apply(ctx.inLayout(x, null)) as tf.SymbolicTensor, perm: null };
};

/** Reshape to a constant shape; entry 0 is the batch (0, -1 or the file's fixed batch size). */
export const reshape: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  if (x.rowOrder) throw ctx.error(`Reshape right after a channels-first Flatten is not supported`);
  const shape = ctx.onnxShape(x);
  const target = Array.from(ctx.requireConstant(1, 'shape').data);
  if (ctx.attrInt('allowzero', 0) !== 0) throw ctx.error(`allowzero = 1 is not supported`);
  const rest = target.slice(1).map((d, i) => (d === 0 ? shape[i + 1] : d));
  if (rest.some((d) => d === null)) throw ctx.error(`shape [${target}] copies an unknown dimension of [${shape}]`);
  if (target[0] === -1 && rest.some((d) => d === -1)) throw ctx.error(`shape [${target}] has two -1 entries`);
  const same = rest.length === shape.length - 1 && rest.every((d, i) => d === shape[i + 1]);
  if (same) return x;
  const y = tf.layers
    .reshape({ targetShape: rest as number[], name: ctx.layerName() })
    .apply(ctx.inLayout(x, null)) as tf.SymbolicTensor;
  return { sym: y, perm: null };
};

export const concat: OpImporter = (ctx) => {
  const values = ctx.node.input.map((_, i) => ctx.tensorInput(i));
  if (values.some((v) => v.rowOrder)) throw ctx.error(`Concat right after a channels-first Flatten is not supported`);
  const rank = ctx.onnxShape(values[0]).length;
  const raw = ctx.attrInt('axis', NaN);
  if (!Number.isInteger(raw)) throw ctx.error(`missing axis attribute`);
  const axis = raw < 0 ? raw + rank : raw;
  if (axis === 0) throw ctx.error(`concatenation along the batch axis is not supported`);
  if (values.length === 1) return values[0];
  const perm = values[0].perm;
  const syms = values.map((v) => ctx.inLayout(v, perm));
  const y = tf.layers
    .concatenate({ axis: perm ? perm[axis] : axis, name: ctx.layerName() })
    .apply(syms) as tf.SymbolicTensor;
  return { sym: y, perm };
};

/** Per tfjs axis (H = 1, W = 2 of NHWC), the ONNX begin/end values of a rank-4 value. */
function spatialOf(
  x: ImportedValue,
  begin: number[],
  end: number[],
): { h: [number, number]; w: [number, number]; other: number[] } {
  const perm = x.perm ?? [0, 1, 2, 3];
  const at = (tfAxis: number): [number, number] => {
    const i = perm.indexOf(tfAxis);
    return [begin[i], end[i]];
  };
  return { h: at(1), w: at(2), other: [...at(0), ...at(3)] };
}

/** Pad (constant 0) on H and W of a rank-4 tensor → zeroPadding2d. */
export const pad: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  if (ctx.onnxShape(x).length !== 4) throw ctx.error(`only rank-4 inputs are supported`);
  if (ctx.attrString('mode', 'constant') !== 'constant')
    throw ctx.error(`only mode 'constant' is supported, got '${ctx.attrString('mode', 'constant')}'`);
  const pads = ctx.opset >= 11 ? Array.from(ctx.requireConstant(1, 'pads').data) : ctx.attrInts('pads', []);
  const value =
    ctx.opset >= 11
      ? ctx.hasInput(2)
        ? ctx.requireConstant(2, 'constant_value').data[0]
        : 0
      : ctx.attrFloat('value', 0);
  if (ctx.hasInput(3)) throw ctx.error(`the axes input is not supported`);
  if (pads.length !== 8 || pads.some((p) => p < 0))
    throw ctx.error(`pads should be 8 non-negative integers, got [${pads}]`);
  const { h, w, other } = spatialOf(x, pads.slice(0, 4), pads.slice(4));
  if (other.some((p) => p !== 0)) throw ctx.error(`only padding of the spatial axes is supported, got pads [${pads}]`);
  if (value !== 0) throw ctx.error(`only zero padding is supported, got ${value}`);
  return {
    sym: tf.layers.zeroPadding2d({ padding: [h, w], name: ctx.layerName() }).apply(x.sym) as tf.SymbolicTensor,
    perm: x.perm,
  };
};

/** Slice of H and W with step 1 → cropping2d (needs known sizes). */
export const slice: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  const shape = ctx.onnxShape(x);
  if (shape.length !== 4) throw ctx.error(`only rank-4 inputs are supported`);
  const starts = Array.from(ctx.requireConstant(1, 'starts').data);
  const ends = Array.from(ctx.requireConstant(2, 'ends').data);
  const axes = ctx.hasInput(3)
    ? Array.from(ctx.requireConstant(3, 'axes').data).map((a) => (a < 0 ? a + 4 : a))
    : starts.map((_, i) => i);
  if (ctx.hasInput(4) && Array.from(ctx.requireConstant(4, 'steps').data).some((s) => s !== 1))
    throw ctx.error(`only step 1 is supported`);
  const begin = [0, 0, 0, 0];
  const cutEnd = [0, 0, 0, 0];
  axes.forEach((a, i) => {
    const size = shape[a];
    if (size === null) throw ctx.error(`slicing axis ${a} of unknown size`);
    const clamp = (v: number): number => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
    begin[a] = clamp(starts[i]);
    cutEnd[a] = size - clamp(ends[i]);
  });
  const { h, w, other } = spatialOf(x, begin, cutEnd);
  if (other.some((p) => p !== 0)) throw ctx.error(`only slicing of the spatial axes is supported, got axes [${axes}]`);
  return {
    sym: tf.layers.cropping2D({ cropping: [h, w], name: ctx.layerName() }).apply(x.sym) as tf.SymbolicTensor,
    perm: x.perm,
  };
};

/** Resize by integer scales on H, W with the 'asymmetric' transform → upSampling2d. */
export const resize: OpImporter = (ctx) => {
  const x = ctx.tensorInput(0);
  const shape = ctx.onnxShape(x);
  if (shape.length !== 4) throw ctx.error(`only rank-4 inputs are supported`);
  let scales: number[] | undefined = ctx.hasInput(2) ? Array.from(ctx.requireConstant(2, 'scales').data) : undefined;
  if ((!scales || scales.length === 0) && ctx.hasInput(3)) {
    const sizes = Array.from(ctx.requireConstant(3, 'sizes').data);
    if (!knownSizes(shape)) throw ctx.error(`sizes need known input sizes, got [${shape}]`);
    scales = sizes.map((s, i) => s / (shape[i] as number));
  }
  if (
    !scales ||
    scales.length !== 4 ||
    scales[0] !== 1 ||
    scales[1] !== 1 ||
    !scales.slice(2).every((s) => Number.isInteger(s) && s >= 1)
  ) {
    throw ctx.error(`only integer upsampling of H and W of [N, C, H, W] is supported, got scales [${scales}]`);
  }
  const mode = ctx.attrString('mode', 'nearest');
  const transform = ctx.attrString('coordinate_transformation_mode', 'half_pixel');
  const nearestMode = ctx.attrString('nearest_mode', 'round_prefer_floor');
  // With integer scales, half_pixel + rounding picks the same source pixel as asymmetric + floor.
  const nearest =
    mode === 'nearest' &&
    ((transform === 'asymmetric' && nearestMode === 'floor') ||
      (transform === 'half_pixel' && nearestMode.startsWith('round')));
  const bilinear = mode === 'linear' && transform === 'asymmetric';
  if (!nearest && !bilinear) {
    throw ctx.error(
      `only mode 'nearest' (asymmetric, floor) and 'linear' (asymmetric) are supported, got '${mode}', '${transform}', '${nearestMode}'`,
    );
  }
  const layer = tf.layers.upSampling2d({
    size: [scales[2], scales[3]],
    interpolation: nearest ? 'nearest' : 'bilinear',
    name: ctx.layerName(),
  });
  return { sym: layer.apply(ctx.inLayout(x, CHANNELS_FIRST)) as tf.SymbolicTensor, perm: CHANNELS_FIRST };
};
