/**
 * Small tfjs layers for ONNX ops that have no tfjs layer of their own: elementwise arithmetic with
 * a constant (Mul/Add/Sub/Div by a scalar or a broadcastable tensor, e.g. input normalisation),
 * Clip to an arbitrary range, and constant padding (MaxPool's explicit pads use -3.4e38, the
 * lowest float32, so padded cells never win a max). They are registered with tfjs serialization,
 * so imported models save and load with `saveModel`/`loadModel` like any other.
 *
 * @example
 * const y = new OnnxConstantOp({ op: 'mul', values: [0.5], shape: [] }).apply(x);
 */
import * as tf from '@tensorflow/tfjs';

export type ConstantOpKind = 'add' | 'sub' | 'mul' | 'div';

export interface OnnxConstantOpArgs {
  op: ConstantOpKind;
  /** Constant values, row-major, in the tfjs (channels-last) layout. */
  values: number[];
  /** Constant shape (broadcast against the input the numpy way); [] = scalar. */
  shape: number[];
  /** true: constant ∘ x (e.g. c - x); false: x ∘ constant. */
  constantFirst?: boolean;
  name?: string;
}

/** x ∘ c (or c ∘ x) with a fixed, non-trainable constant c. */
export class OnnxConstantOp extends tf.layers.Layer {
  static readonly className = 'OnnxConstantOp';
  private readonly args: Required<Omit<OnnxConstantOpArgs, 'name'>>;
  private c: tf.Tensor | undefined;

  constructor(args: OnnxConstantOpArgs) {
    super({ name: args.name });
    const n = args.shape.reduce((a, b) => a * b, 1);
    if (args.values.length !== n)
      throw new Error(`OnnxConstantOp: ${args.values.length} values for shape [${args.shape}]`);
    if (!['add', 'sub', 'mul', 'div'].includes(args.op))
      throw new Error(`OnnxConstantOp: op must be add, sub, mul or div, got ${args.op}`);
    this.args = {
      op: args.op,
      values: args.values.slice(),
      shape: args.shape.slice(),
      constantFirst: args.constantFirst ?? false,
    };
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const c = this.args.shape;
    const rank = Math.max(s.length, c.length);
    const out: tf.Shape = [];
    for (let i = 0; i < rank; i++) {
      const a = s[s.length - rank + i] ?? 1;
      const b = c[c.length - rank + i] ?? 1;
      out.push(a === 1 ? b : a);
    }
    return out;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      // The constant tensor is created once and kept (disposed with the layer).
      this.c ??= tf.keep(tf.tensor(this.args.values, this.args.shape, 'float32'));
      const [a, b] = this.args.constantFirst ? [this.c, x] : [x, this.c];
      switch (this.args.op) {
        case 'add':
          return tf.add(a, b);
        case 'sub':
          return tf.sub(a, b);
        case 'mul':
          return tf.mul(a, b);
        default:
          return tf.div(a, b);
      }
    });
  }

  override dispose(): tf.serialization.ConfigDict & { refCountAfterDispose: number; numDisposedVariables: number } {
    this.c?.dispose();
    this.c = undefined;
    return super.dispose() as ReturnType<OnnxConstantOp['dispose']>;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.args };
  }
}

export interface OnnxClipArgs {
  min: number;
  max: number;
  name?: string;
}

/** clip(x, min, max) (ONNX Clip); the gradient passes where min < x < max (tfjs clipByValue). */
export class OnnxClip extends tf.layers.Layer {
  static readonly className = 'OnnxClip';
  private readonly min: number;
  private readonly max: number;

  constructor(args: OnnxClipArgs) {
    super({ name: args.name });
    if (!(args.min <= args.max)) throw new Error(`OnnxClip: min must be <= max, got [${args.min}, ${args.max}]`);
    this.min = args.min;
    this.max = args.max;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    return tf.clipByValue(x, this.min, this.max);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), min: this.min, max: this.max };
  }
}

export interface OnnxPad2DArgs {
  /** [[top, bottom], [left, right]] of an NHWC tensor. */
  padding: [[number, number], [number, number]];
  /** Fill value (float32 lowest for max pooling). */
  value: number;
  name?: string;
}

/** The lowest float32, used as the pad value ahead of a max pool. */
export const FLOAT32_LOWEST = -3.4028234663852886e38;

/** Constant padding of H and W of an NHWC tensor with any value (tf.pad). */
export class OnnxPad2D extends tf.layers.Layer {
  static readonly className = 'OnnxPad2D';
  private readonly padding: [[number, number], [number, number]];
  private readonly value: number;

  constructor(args: OnnxPad2DArgs) {
    super({ name: args.name });
    this.padding = [
      [args.padding[0][0], args.padding[0][1]],
      [args.padding[1][0], args.padding[1][1]],
    ];
    this.value = args.value;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const [[t, b], [l, r]] = this.padding;
    return [s[0], s[1] === null ? null : s[1] + t + b, s[2] === null ? null : s[2] + l + r, s[3]];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    return tf.pad(x, [[0, 0], this.padding[0], this.padding[1], [0, 0]], this.value);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), padding: this.padding, value: this.value };
  }
}

tf.serialization.registerClass(OnnxConstantOp);
tf.serialization.registerClass(OnnxClip);
tf.serialization.registerClass(OnnxPad2D);
