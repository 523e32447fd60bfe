/**
 * Neural style transfer by optimising the pixels (Gatys, Ecker & Bethge 2016): starting from the
 * content image plus noise, Adam minimises
 *   J(G) = α J_content(C, G) + β Σ_l λ_l J_style^[l](S, G) + γ TV(G)
 * over the generated image G (a tf.variable), clipped to [0, 1] after every step. Feature maps
 * come from a pluggable FeatureNet (layers picked by name). Normalisation of the costs as in
 * deeplearning.ai's course (see costs.ts).
 *
 * @example
 * const net = randomFeatureNet();
 * const r = styleTransfer(content, style, { featureNet: net, ...RANDOM_NET_LAYERS, steps: 200 });
 * r.image; // [1, H, W, 3] in [0, 1]; r.styleLoss[0] / r.styleLoss.at(-1) is the style-loss ratio
 */
import * as tf from '@tensorflow/tfjs';
import { contentCost, gramMatrix, layerStyleCost, totalVariationCost } from './costs';
import { FeatureNet } from './feature-net';
import { stripUndefined } from '@dlkit/core';

/** A style layer and its weight λ_l; plain names get equal weights 1 / L. */
export type StyleLayer = string | { name: string; weight: number };

export interface StyleTransferOptions {
  featureNet: FeatureNet;
  /** Layer whose activations the content cost compares. */
  contentLayer: string;
  /** Layers whose Gram matrices the style cost compares. */
  styleLayers: StyleLayer[];
  steps?: number;
  /** Adam step size on pixels in [0, 1]. */
  learningRate?: number;
  /** α: weight of the content cost. */
  contentWeight?: number;
  /** β: weight of the style cost. */
  styleWeight?: number;
  /** γ: weight of the total-variation cost. */
  tvWeight?: number;
  /** Half-width of the uniform noise added to the content image to start from. */
  noise?: number;
  seed?: number;
  /** Called after every step with the costs of the image before that step's update. */
  onStep?: (step: number, steps: number, costs: StyleCosts) => void;
}

// Tuned for the random feature net (docs/style.md): its normalised Gram costs are ~1e-4, so β is
// 1e4 rather than the course's 40 (which balanced VGG's larger activations); γ keeps the strokes
// from dissolving into pixel noise without blurring them. 100 steps at 256 x 256: style loss
// ~260x lower in ~30 s of CPU time on 2 cores.
export const STYLE_TRANSFER_DEFAULTS = {
  steps: 100,
  learningRate: 0.05,
  contentWeight: 10,
  styleWeight: 1e4,
  tvWeight: 1e-3,
  noise: 0.2,
  seed: 1,
} satisfies Omit<Required<StyleTransferOptions>, 'featureNet' | 'contentLayer' | 'styleLayers' | 'onStep'>;

export interface StyleCosts {
  /** Σ_l λ_l J_style^[l] (not multiplied by β). */
  style: number;
  /** J_content (not multiplied by α). */
  content: number;
  /** TV (not multiplied by γ). */
  tv: number;
  /** The weighted total J. */
  total: number;
}

export interface StyleTransferResult {
  /** The generated image [1, H, W, 3] in [0, 1] (the caller disposes it). */
  image: tf.Tensor4D;
  /** Style cost of the starting image and after each step: steps + 1 values. */
  styleLoss: number[];
  contentLoss: number[];
  totalLoss: number[];
}

/**
 * The total cost J(G) as a differentiable function of the generated image, with the targets
 * (content activations, style Gram matrices) computed once from `content` and `style`.
 * Returned `cost(g)` gives [J, J_style, J_content, TV] as scalars; call `dispose()` to free the targets.
 */
export function styleCostFunction(
  content: tf.Tensor4D,
  style: tf.Tensor4D,
  options: Pick<
    StyleTransferOptions,
    'featureNet' | 'contentLayer' | 'styleLayers' | 'contentWeight' | 'styleWeight' | 'tvWeight'
  >,
): {
  cost: (g: tf.Tensor4D) => { total: tf.Scalar; style: tf.Scalar; content: tf.Scalar; tv: tf.Scalar };
  dispose: () => void;
} {
  const o = { ...STYLE_TRANSFER_DEFAULTS, ...stripUndefined(options) } as Required<StyleTransferOptions>;
  const layers = normaliseLayers(o.styleLayers);
  if (layers.length === 0) throw new Error('styleLayers: give at least one layer');
  if (content.rank !== 4 || style.rank !== 4 || content.shape[0] !== 1 || style.shape[0] !== 1) {
    throw new Error(
      `content and style must be single images [1, H, W, 3], got [${content.shape}] and [${style.shape}]`,
    );
  }
  if (content.shape.join() !== style.shape.join()) {
    // The course's Gram normalisation 1/(n_H n_W)² assumes both images have the same size.
    throw new Error(
      `content [${content.shape}] and style [${style.shape}] must have the same size (resize the style image to the content's)`,
    );
  }
  const net = o.featureNet;
  const names = layers.map((l) => l.name);
  const targets = tf.tidy(() => {
    const aC = net.features(content, [o.contentLayer])[o.contentLayer];
    const sMaps = net.features(style, names);
    return { aC, gS: names.map((n) => gramMatrix(sMaps[n])) };
  });
  const all = [o.contentLayer, ...names.filter((n) => n !== o.contentLayer)];
  const cost = (g: tf.Tensor4D) => {
    const maps = net.features(g, all);
    const jContent = contentCost(targets.aC, maps[o.contentLayer]);
    let jStyle = tf.scalar(0);
    layers.forEach((l, i) => {
      jStyle = tf.add(jStyle, tf.mul(l.weight, layerStyleCost(targets.gS[i], maps[l.name])));
    });
    const tv = totalVariationCost(g);
    const total = tf.addN([
      tf.mul(o.contentWeight, jContent),
      tf.mul(o.styleWeight, jStyle),
      tf.mul(o.tvWeight, tv),
    ]) as tf.Scalar;
    return { total, style: jStyle, content: jContent, tv };
  };
  return { cost, dispose: () => tf.dispose([targets.aC, ...targets.gS]) };
}

/** Runs the optimisation; see the file comment. content, style: [1, H, W, 3] in [0, 1], same size. */
export function styleTransfer(
  content: tf.Tensor4D,
  style: tf.Tensor4D,
  options: StyleTransferOptions,
): StyleTransferResult {
  const o = { ...STYLE_TRANSFER_DEFAULTS, ...stripUndefined(options) } as Required<StyleTransferOptions>;
  if (!Number.isInteger(o.steps) || o.steps < 0)
    throw new Error(`steps must be a non-negative integer, got ${o.steps}`);
  const { cost, dispose } = styleCostFunction(content, style, o);
  // G0 = clip(C + U(-noise, noise)) (Gatys et al. start from noise; the course from noisy content).
  const start = tf.tidy(() =>
    tf.clipByValue(tf.add(content, tf.randomUniform(content.shape, -o.noise, o.noise, 'float32', o.seed)), 0, 1),
  );
  const image = tf.variable(start);
  start.dispose();
  const optimizer = tf.train.adam(o.learningRate);
  const styleLoss: number[] = [];
  const contentLoss: number[] = [];
  const totalLoss: number[] = [];
  const record = (values: Float32Array | Int32Array | Uint8Array, step: number) => {
    const c: StyleCosts = { total: values[0], style: values[1], content: values[2], tv: values[3] };
    if (!Number.isFinite(c.total)) throw new Error(`style transfer diverged at step ${step}: cost ${c.total}`);
    totalLoss.push(c.total);
    styleLoss.push(c.style);
    contentLoss.push(c.content);
    return c;
  };
  try {
    for (let step = 1; step <= o.steps; step++) {
      const parts = tf.tidy(() => {
        let extras: tf.Tensor | undefined;
        const { value, grads } = tf.variableGrads(() => {
          const c = cost(image as tf.Tensor4D);
          extras = tf.keep(tf.stack([c.style, c.content, c.tv]));
          return c.total;
        }, [image]);
        optimizer.applyGradients([{ name: image.name, tensor: grads[image.name] }]);
        image.assign(tf.clipByValue(image, 0, 1));
        const out = tf.concat([value.reshape([1]), extras!]);
        extras!.dispose();
        return out;
      });
      const c = record(parts.dataSync(), step);
      parts.dispose();
      o.onStep?.(step, o.steps, c);
    }
    // Costs of the final image (the last entry), so [0] and [steps] bracket the run.
    const final = tf.tidy(() => {
      const c = cost(image as tf.Tensor4D);
      return tf.stack([c.total, c.style, c.content, c.tv]);
    });
    record(final.dataSync(), o.steps);
    final.dispose();
    return { image: tf.clone(image) as tf.Tensor4D, styleLoss, contentLoss, totalLoss };
  } finally {
    image.dispose();
    optimizer.dispose();
    dispose();
  }
}

function normaliseLayers(layers: StyleLayer[]): { name: string; weight: number }[] {
  const plain = layers.filter((l) => typeof l === 'string').length;
  return layers.map((l) => {
    if (typeof l === 'string') return { name: l, weight: 1 / plain };
    if (!(l.weight >= 0)) throw new Error(`style layer '${l.name}': weight must be >= 0, got ${l.weight}`);
    return l;
  });
}
