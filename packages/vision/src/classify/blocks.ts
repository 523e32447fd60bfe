/**
 * Building blocks of the image classifiers, as functions over tfjs functional-API symbolic
 * tensors: `y = block(x, options, ctx)`. Each block names its layers `<name>_<part>` and draws
 * initialiser seeds from `ctx`, so a whole network is reproducible from one seed.
 *
 * - `convBlock`: conv → BN → ReLU (Ioffe & Szegedy 2015), or conv(ReLU) → max-pool → BN, which
 *   trains ~1.7x faster on wasm (BN on 4x fewer values, and a conv with a non-linear activation
 *   skips the fused path's needless input gradient; see models/mnist-cnn.ts).
 * - `residualBlock`: the ResNet basic block (He et al. 2016, "Deep Residual Learning", Fig. 2):
 *   conv3x3 → BN → ReLU → conv3x3 → BN, plus the shortcut, then ReLU. The shortcut is the
 *   identity when shape is kept, else a projection: 1x1 conv with the block's stride → BN
 *   (option B of §3.3).
 * - `separableBlock`: MobileNet v1's depthwise-separable conv (Howard et al. 2017, Fig. 3):
 *   depthwise 3x3 → BN → ReLU → pointwise 1x1 → BN → ReLU.
 * - `invertedResidualBlock`: MobileNetV2's bottleneck (Sandler et al. 2018, Table 1): expand
 *   1x1 (×t) → BN → ReLU6 → depthwise 3x3 (stride s) → BN → ReLU6 → project 1x1 → BN, LINEAR
 *   (no activation: §3.2), with a residual add when s = 1 and input/output channels match.
 *
 * Convs followed by BN have no bias (BN's β replaces it). L2 weight decay (`l2`) applies to
 * conv/dense kernels, as Keras's kernel_regularizer.
 *
 * @example
 * const ctx = new BlockContext({ seed: 1, l2: 1e-4 });
 * const input = tf.input({ shape: [32, 32, 3] });
 * const y = residualBlock(convBlock(input, { filters: 16, name: 'stem' }, ctx), { filters: 32, strides: 2, name: 'res1' }, ctx);
 */
import * as tf from '@tensorflow/tfjs';

type Sym = tf.SymbolicTensor;
type Initializer = ReturnType<typeof tf.initializers.heNormal>;
type Regularizer = ReturnType<typeof tf.regularizers.l2>;

export interface BlockContextOptions {
  /** First initialiser seed; each layer takes the next one. */
  seed?: number;
  /** L2 penalty on conv and dense kernels (0: none). */
  l2?: number;
  /** Batch-norm momentum (tfjs/Keras convention: weight of the old moving average). */
  bnMomentum?: number;
}

/** Seeds and shared layer settings of one network under construction. */
export class BlockContext {
  private seed: number;
  readonly l2: number;
  readonly bnMomentum: number;

  constructor(options: BlockContextOptions = {}) {
    this.seed = options.seed ?? 0;
    this.l2 = options.l2 ?? 0;
    // 0.9 (PyTorch's 0.1): moving statistics that keep up with short runs, as in the MNIST CNN.
    this.bnMomentum = options.bnMomentum ?? 0.9;
    if (!(this.l2 >= 0)) throw new Error(`l2 must be ≥ 0, got ${this.l2}`);
  }

  /** He-normal initialiser (He et al. 2015: std = sqrt(2 / fanIn), for ReLU layers). */
  he(): Initializer {
    return tf.initializers.heNormal({ seed: this.seed++ });
  }

  glorot(): Initializer {
    return tf.initializers.glorotUniform({ seed: this.seed++ });
  }

  regularizer(): Regularizer | undefined {
    return this.l2 > 0 ? tf.regularizers.l2({ l2: this.l2 }) : undefined;
  }

  bn(name: string): tf.layers.Layer {
    return tf.layers.batchNormalization({ momentum: this.bnMomentum, name });
  }
}

function apply(layer: tf.layers.Layer, x: Sym | Sym[]): Sym {
  return layer.apply(x) as Sym;
}

function channelsOf(x: Sym): number {
  return x.shape[x.shape.length - 1] as number;
}

export interface ConvBlockOptions {
  filters: number;
  name: string;
  kernelSize?: number;
  strides?: number;
  /** 'conv-bn-relu' (classic), or 'conv-relu-pool-bn' (faster on wasm; halves the spatial size). */
  order?: 'conv-bn-relu' | 'conv-relu-pool-bn';
}

/** [B, H, W, C] -> [B, H/s, W/s, filters] (conv-relu-pool-bn: a further /2). */
export function convBlock(x: Sym, o: ConvBlockOptions, ctx: BlockContext): Sym {
  const { filters, name, kernelSize = 3, strides = 1, order = 'conv-bn-relu' } = o;
  if (order === 'conv-relu-pool-bn') {
    let y = apply(
      tf.layers.conv2d({
        filters,
        kernelSize,
        strides,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: ctx.he(),
        kernelRegularizer: ctx.regularizer(),
        name: `${name}_conv`,
      }),
      x,
    );
    y = apply(tf.layers.maxPooling2d({ poolSize: 2, name: `${name}_pool` }), y);
    return apply(ctx.bn(`${name}_bn`), y);
  }
  let y = apply(
    tf.layers.conv2d({
      filters,
      kernelSize,
      strides,
      padding: 'same',
      useBias: false,
      kernelInitializer: ctx.he(),
      kernelRegularizer: ctx.regularizer(),
      name: `${name}_conv`,
    }),
    x,
  );
  y = apply(ctx.bn(`${name}_bn`), y);
  return apply(tf.layers.reLU({ name: `${name}_relu` }), y);
}

export interface ResidualBlockOptions {
  filters: number;
  name: string;
  /** 2 halves the spatial size (and forces a projection shortcut). */
  strides?: number;
}

/** ResNet basic block. [B, H, W, C] -> [B, H/s, W/s, filters]; identity shortcut iff s = 1 and C = filters. */
export function residualBlock(x: Sym, o: ResidualBlockOptions, ctx: BlockContext): Sym {
  const { filters, name, strides = 1 } = o;
  const conv = (kernelSize: number, s: number, part: string) =>
    tf.layers.conv2d({
      filters,
      kernelSize,
      strides: s,
      padding: 'same',
      useBias: false,
      kernelInitializer: ctx.he(),
      kernelRegularizer: ctx.regularizer(),
      name: `${name}_${part}`,
    });
  let y = apply(conv(3, strides, 'conv1'), x);
  y = apply(tf.layers.reLU({ name: `${name}_relu1` }), apply(ctx.bn(`${name}_bn1`), y));
  y = apply(ctx.bn(`${name}_bn2`), apply(conv(3, 1, 'conv2'), y));
  const shortcut =
    strides === 1 && channelsOf(x) === filters
      ? x
      : apply(ctx.bn(`${name}_proj_bn`), apply(conv(1, strides, 'proj'), x));
  return apply(tf.layers.reLU({ name: `${name}_relu2` }), apply(tf.layers.add({ name: `${name}_add` }), [y, shortcut]));
}

export interface SeparableBlockOptions {
  filters: number;
  name: string;
  strides?: number;
}

/** MobileNet v1 depthwise-separable block. [B, H, W, C] -> [B, H/s, W/s, filters]. */
export function separableBlock(x: Sym, o: SeparableBlockOptions, ctx: BlockContext): Sym {
  const { filters, name, strides = 1 } = o;
  let y = apply(
    tf.layers.depthwiseConv2d({
      kernelSize: 3,
      strides,
      padding: 'same',
      useBias: false,
      depthwiseInitializer: ctx.he(),
      name: `${name}_dw`,
    }),
    x,
  );
  y = apply(tf.layers.reLU({ name: `${name}_dw_relu` }), apply(ctx.bn(`${name}_dw_bn`), y));
  y = apply(
    tf.layers.conv2d({
      filters,
      kernelSize: 1,
      useBias: false,
      kernelInitializer: ctx.he(),
      kernelRegularizer: ctx.regularizer(),
      name: `${name}_pw`,
    }),
    y,
  );
  return apply(tf.layers.reLU({ name: `${name}_pw_relu` }), apply(ctx.bn(`${name}_pw_bn`), y));
}

export interface InvertedResidualOptions {
  filters: number;
  name: string;
  strides?: number;
  /** Expansion factor t of the 1x1 expand conv (MobileNetV2 uses 6). */
  expansion?: number;
}

/** MobileNetV2 inverted residual. [B, H, W, C] -> [B, H/s, W/s, filters]; residual iff s = 1 and C = filters. */
export function invertedResidualBlock(x: Sym, o: InvertedResidualOptions, ctx: BlockContext): Sym {
  const { filters, name, strides = 1, expansion = 6 } = o;
  const cin = channelsOf(x);
  const relu6 = (part: string) => tf.layers.reLU({ maxValue: 6, name: `${name}_${part}` });
  let y = x;
  if (expansion !== 1) {
    y = apply(
      tf.layers.conv2d({
        filters: cin * expansion,
        kernelSize: 1,
        useBias: false,
        kernelInitializer: ctx.he(),
        kernelRegularizer: ctx.regularizer(),
        name: `${name}_expand`,
      }),
      y,
    );
    y = apply(relu6('expand_relu6'), apply(ctx.bn(`${name}_expand_bn`), y));
  }
  y = apply(
    tf.layers.depthwiseConv2d({
      kernelSize: 3,
      strides,
      padding: 'same',
      useBias: false,
      depthwiseInitializer: ctx.he(),
      name: `${name}_dw`,
    }),
    y,
  );
  y = apply(relu6('dw_relu6'), apply(ctx.bn(`${name}_dw_bn`), y));
  // Linear bottleneck: no activation after the projection (Sandler et al. 2018, §3.2).
  y = apply(
    tf.layers.conv2d({
      filters,
      kernelSize: 1,
      useBias: false,
      kernelInitializer: ctx.glorot(),
      kernelRegularizer: ctx.regularizer(),
      name: `${name}_project`,
    }),
    y,
  );
  y = apply(ctx.bn(`${name}_project_bn`), y);
  return strides === 1 && cin === filters ? apply(tf.layers.add({ name: `${name}_add` }), [x, y]) : y;
}
