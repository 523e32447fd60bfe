/**
 * The image classifiers of `dlkit train images`: three architectures built from blocks.ts, all
 * trainable on the wasm backend and exportable to ONNX (core's exporter covers every layer used).
 *
 * - `small`: three conv(ReLU) → pool → BN blocks (16, 32, 64 filters), the fast wasm order of the
 *   MNIST CNN, then global average pooling and the classifier.
 * - `resnet`: a ResNet-style stack (He et al. 2016): conv stem, one basic block per stage at
 *   16 / 32 / 64 filters, the later stages opening with a stride-2 projection block.
 * - `mobilenet`: a MobileNetV2-style stack (Sandler et al. 2018): stride-2 stem, a depthwise-
 *   separable block, then inverted residuals (expansion 4) at 24 and 32 channels, each stage's
 *   second block using the residual add; 1x1 conv to 128 features.
 * All end with GlobalAveragePooling2D → optional Dropout → Dense(classes, softmax).
 *
 * Dropout caveat (measured in tfjs 4.22): an unseeded Dropout layer makes a run irreproducible
 * and a resume inexact, a seeded one reuses the same mask every step. It is therefore off by
 * default; augmentation, BN and L2 regularise instead.
 *
 * @example
 * const model = buildImageClassifier({ arch: 'resnet', inputShape: [64, 64, 3], classes: 2, seed: 1 });
 */
import * as tf from '@tensorflow/tfjs';
import { BlockContext, convBlock, invertedResidualBlock, residualBlock, separableBlock } from './blocks';
import { stripUndefined } from '@dlkit/core';

export const IMAGE_ARCHS = ['small', 'resnet', 'mobilenet'] as const;
export type ImageArch = (typeof IMAGE_ARCHS)[number];

export interface ImageClassifierConfig {
  arch?: ImageArch;
  /** [height, width, channels] of one image. */
  inputShape: [number, number, number];
  classes: number;
  /** Width multiplier on every layer's channels (MobileNet's α), ≥ 0.25. */
  width?: number;
  /** Dropout rate before the classifier (0: none; see the caveat above). */
  dropout?: number;
  /** L2 penalty on conv/dense kernels. */
  l2?: number;
  seed?: number;
}

export const IMAGE_CLASSIFIER_DEFAULTS = { arch: 'small' as ImageArch, width: 1, dropout: 0, l2: 0, seed: 1 };

type Sym = tf.SymbolicTensor;

/** One row per architecture: the feature extractor, [B, H, W, C] -> [B, h, w, F]. */
const BACKBONES: Record<ImageArch, (x: Sym, ctx: BlockContext, ch: (n: number) => number) => Sym> = {
  small: (x, ctx, ch) => {
    [16, 32, 64].forEach(
      (f, i) => (x = convBlock(x, { filters: ch(f), order: 'conv-relu-pool-bn', name: `block${i + 1}` }, ctx)),
    );
    return x;
  },
  resnet: (x, ctx, ch) => {
    x = convBlock(x, { filters: ch(16), name: 'stem' }, ctx);
    x = residualBlock(x, { filters: ch(16), name: 'res1' }, ctx); // identity shortcut
    x = residualBlock(x, { filters: ch(32), strides: 2, name: 'res2' }, ctx); // projection shortcut
    return residualBlock(x, { filters: ch(64), strides: 2, name: 'res3' }, ctx);
  },
  mobilenet: (x, ctx, ch) => {
    x = convBlock(x, { filters: ch(16), strides: 2, name: 'stem' }, ctx);
    x = separableBlock(x, { filters: ch(16), name: 'sep1' }, ctx);
    x = invertedResidualBlock(x, { filters: ch(24), strides: 2, expansion: 4, name: 'ir1' }, ctx);
    x = invertedResidualBlock(x, { filters: ch(24), expansion: 4, name: 'ir2' }, ctx); // residual add
    x = invertedResidualBlock(x, { filters: ch(32), strides: 2, expansion: 4, name: 'ir3' }, ctx);
    x = invertedResidualBlock(x, { filters: ch(32), expansion: 4, name: 'ir4' }, ctx); // residual add
    return convBlock(x, { filters: ch(128), kernelSize: 1, name: 'head' }, ctx);
  },
};

export function buildImageClassifier(config: ImageClassifierConfig): tf.LayersModel {
  const c = {
    ...IMAGE_CLASSIFIER_DEFAULTS,
    ...stripUndefined(config),
    inputShape: config.inputShape,
    classes: config.classes,
  };
  if (!IMAGE_ARCHS.includes(c.arch)) throw new Error(`arch must be one of ${IMAGE_ARCHS.join(', ')}, got '${c.arch}'`);
  const [h, w, channels] = c.inputShape;
  if (!(h >= 16 && w >= 16 && (channels === 1 || channels === 3)))
    throw new Error(`inputShape must be [H ≥ 16, W ≥ 16, 1 or 3], got [${c.inputShape}]`);
  if (!(Number.isInteger(c.classes) && c.classes >= 2))
    throw new Error(`classes must be an integer ≥ 2, got ${c.classes}`);
  if (!(c.width >= 0.25)) throw new Error(`width must be ≥ 0.25, got ${c.width}`);
  if (!(c.dropout >= 0 && c.dropout < 1)) throw new Error(`dropout must be in [0, 1), got ${c.dropout}`);
  const ctx = new BlockContext({ seed: c.seed, l2: c.l2 });
  const ch = (n: number) => Math.max(4, Math.round(n * c.width));
  const input = tf.input({ shape: [h, w, channels], name: 'image' });
  let x = BACKBONES[c.arch](input, ctx, ch);
  x = tf.layers.globalAveragePooling2d({ name: 'gap' }).apply(x) as Sym;
  if (c.dropout > 0) x = tf.layers.dropout({ rate: c.dropout, name: 'dropout' }).apply(x) as Sym;
  const probs = tf.layers
    .dense({
      units: c.classes,
      activation: 'softmax',
      kernelInitializer: ctx.glorot(),
      kernelRegularizer: ctx.regularizer(),
      name: 'classes',
    })
    .apply(x) as Sym;
  return tf.model({ inputs: input, outputs: probs, name: `images_${c.arch}` });
}
