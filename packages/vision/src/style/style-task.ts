/**
 * Style transfer from files: reads the content and style images (resized to size x size),
 * builds the feature network (the offline random multi-scale net by default, or an ONNX model
 * imported by core's `importOnnx`, layers picked by name), runs `styleTransfer` and writes the
 * result as a PNG.
 *
 * @example
 * const r = await runStyleTransfer({ content: 'house.png', style: 'strokes.png', output: 'out.png' });
 * console.log(r.styleLoss, r.seconds); // [first, last]
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { importOnnx, initBackend } from '@dlkit/core';
import { FeatureNet, IMAGENET_NORMALIZATION, layersFeatureNet } from './feature-net';
import { RANDOM_NET_LAYERS, randomFeatureNet } from './random-feature-net';
import { readRgbImage, writeRgbPng } from './rgb-image';
import { STYLE_TRANSFER_DEFAULTS, StyleCosts, styleTransfer } from './style-transfer';

export interface RunStyleTransferOptions {
  /** Content image file. */
  content: string;
  /** Style image file. */
  style: string;
  /** Output PNG file. */
  output: string;
  /** Both images are resized (cover) to size x size. */
  size?: number;
  steps?: number;
  seed?: number;
  learningRate?: number;
  /** An .onnx feature network (e.g. VGG19); the offline random net when absent. */
  features?: string;
  /** Content layer name (default: the random net's 'conv3'; required with `features`). */
  contentLayer?: string;
  /** Style layer names, equally weighted (default: the random net's conv1..conv4; required with `features`). */
  styleLayers?: string[];
  /** Normalise with ImageNet mean/std before an ONNX network (torchvision's VGG expects it). */
  imagenetNormalization?: boolean;
  /** Extra weights, passed through. */
  contentWeight?: number;
  styleWeight?: number;
  tvWeight?: number;
  onStep?: (step: number, steps: number, costs: StyleCosts) => void;
}

export const RUN_STYLE_DEFAULTS = { size: 256, steps: STYLE_TRANSFER_DEFAULTS.steps, seed: 1 };

export interface RunStyleTransferResult {
  task: 'style';
  output: string;
  /** Style cost of the starting image and of the result. */
  styleLoss: [number, number];
  contentLoss: [number, number];
  seconds: number;
  steps: number;
  size: number;
  features: string;
  contentLayer: string;
  styleLayers: string[];
  backend: string;
}

export async function runStyleTransfer(options: RunStyleTransferOptions): Promise<RunStyleTransferResult> {
  const started = Date.now();
  const size = options.size ?? RUN_STYLE_DEFAULTS.size;
  const steps = options.steps ?? RUN_STYLE_DEFAULTS.steps;
  const seed = options.seed ?? RUN_STYLE_DEFAULTS.seed;
  if (options.features && (!options.contentLayer || !options.styleLayers?.length)) {
    throw new Error(
      `--features ${options.features}: name the layers too (contentLayer and styleLayers), e.g. a VGG's conv4_2 and conv1_1,conv2_1,conv3_1,conv4_1,conv5_1`,
    );
  }
  const { backend } = await initBackend();
  const content = await readRgbImage(options.content, size, 'content image');
  let style: tf.Tensor4D | undefined;
  let net: FeatureNet | undefined;
  try {
    style = await readRgbImage(options.style, size, 'style image');
    net = options.features
      ? onnxFeatureNet(options.features, size, options.imagenetNormalization ?? true)
      : randomFeatureNet({ seed });
    const contentLayer = options.contentLayer ?? RANDOM_NET_LAYERS.contentLayer;
    const styleLayers = options.styleLayers ?? RANDOM_NET_LAYERS.styleLayers;
    const r = styleTransfer(content, style, {
      featureNet: net,
      contentLayer,
      styleLayers,
      steps,
      seed,
      learningRate: options.learningRate,
      contentWeight: options.contentWeight,
      styleWeight: options.styleWeight,
      tvWeight: options.tvWeight,
      onStep: options.onStep,
    });
    fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
    await writeRgbPng(options.output, r.image);
    r.image.dispose();
    return {
      task: 'style',
      output: path.resolve(options.output),
      styleLoss: [r.styleLoss[0], r.styleLoss[r.styleLoss.length - 1]],
      contentLoss: [r.contentLoss[0], r.contentLoss[r.contentLoss.length - 1]],
      seconds: (Date.now() - started) / 1000,
      steps,
      size,
      features: options.features ? path.resolve(options.features) : 'random',
      contentLayer,
      styleLayers,
      backend,
    };
  } finally {
    content.dispose();
    style?.dispose();
    net?.dispose();
  }
}

/** An ONNX CNN (NCHW RGB input, e.g. torchvision's VGG19 export) as a feature net at size x size. */
export function onnxFeatureNet(file: string, size: number, imagenetNormalization = true): FeatureNet {
  if (!fs.existsSync(file)) throw new Error(`${file}: ONNX model file not found`);
  // Bytes as a plain Uint8Array copy, not the fs Buffer: core's float fast path calls
  // rawData.slice().buffer, which on a Buffer view is the whole shared pool (unaligned bytes).
  const bytes = new Uint8Array(fs.readFileSync(file));
  const model = importOnnx(bytes, { inputShape: [size, size, 3], label: file });
  return layersFeatureNet(model, {
    label: file,
    normalize: imagenetNormalization ? IMAGENET_NORMALIZATION : undefined,
  });
}
