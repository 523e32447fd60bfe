/**
 * The pluggable feature network of style transfer: given an image, return named feature maps.
 * Any tfjs LayersModel with named layers plugs in through `layersFeatureNet` (the project's own
 * random multi-scale net, or a VGG imported from ONNX by core's `importOnnx`); layers are picked
 * by name, so a user can say `--content-layer conv4_2 --style-layers conv1_1,conv2_1,...`.
 *
 * @example
 * const net = layersFeatureNet(importOnnx('vgg19.onnx', { inputShape: [256, 256, 3] }), { normalize: IMAGENET_NORMALIZATION });
 * const maps = net.features(image, ['conv4_2']); // { conv4_2: [1, h, w, c] }
 */
import * as tf from '@tensorflow/tfjs';

export interface FeatureNet {
  /** Names of the layers this network can return. */
  readonly layerNames: string[];
  /**
   * Feature maps of `image` [1, H, W, 3] (RGB in [0, 1]) at the named layers, each [1, h, w, c].
   * Differentiable with respect to `image`. Throws naming any unknown layer.
   */
  features(image: tf.Tensor4D, layers: string[]): Record<string, tf.Tensor4D>;
  dispose(): void;
}

/** Per-channel normalisation applied to [0, 1] RGB before the network: (x - mean) / std. */
export interface ImageNormalization {
  mean: [number, number, number];
  std: [number, number, number];
}

/** The normalisation torchvision's ImageNet models (and their ONNX exports) expect. */
export const IMAGENET_NORMALIZATION: ImageNormalization = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };

export interface LayersFeatureNetOptions {
  /** Input normalisation; none by default (the image goes in as RGB in [0, 1]). */
  normalize?: ImageNormalization;
  /** Label for error messages (e.g. the ONNX file name). */
  label?: string;
}

/**
 * Wraps a channels-last tfjs LayersModel (input [1, H, W, 3]) as a FeatureNet. For each set of
 * requested layers it builds (once, cached) a sub-model from the input to those layers' outputs.
 */
export function layersFeatureNet(model: tf.LayersModel, options: LayersFeatureNetOptions = {}): FeatureNet {
  const label = options.label ?? `model '${model.name}'`;
  const inShape = model.inputs[0]?.shape;
  if (model.inputs.length !== 1 || !inShape || inShape.length !== 4 || (inShape[3] !== null && inShape[3] !== 3)) {
    throw new Error(
      `${label}: a feature network needs one input [batch, H, W, 3] (channels-last RGB), got ${model.inputs.map((i) => `[${i.shape}]`).join(', ')}`,
    );
  }
  const layerNames = model.layers.filter((l) => !(l.getClassName() === 'InputLayer')).map((l) => l.name);
  const cache = new Map<string, tf.LayersModel>();
  const norm = options.normalize;
  return {
    layerNames,
    features(image, layers) {
      const unknown = layers.filter((n) => !layerNames.includes(n));
      if (unknown.length > 0) {
        throw new Error(
          `${label}: no layer named ${unknown.map((n) => `'${n}'`).join(', ')}; layers are: ${layerNames.join(', ')}`,
        );
      }
      if (image.shape[3] !== 3) throw new Error(`${label}: expected an RGB image [1, H, W, 3], got [${image.shape}]`);
      const key = layers.join('\u0000');
      let sub = cache.get(key);
      if (!sub) {
        sub = tf.model({
          inputs: model.inputs,
          outputs: layers.map((n) => model.getLayer(n).output as tf.SymbolicTensor),
        });
        cache.set(key, sub);
      }
      return tf.tidy(() => {
        const x = norm ? tf.div(tf.sub(image, tf.tensor1d(norm.mean)), tf.tensor1d(norm.std)) : image;
        const out = sub!.apply(x) as tf.Tensor | tf.Tensor[];
        const list = Array.isArray(out) ? out : [out];
        const maps: Record<string, tf.Tensor4D> = {};
        layers.forEach((n, i) => {
          if (list[i].rank !== 4)
            throw new Error(
              `${label}: layer '${n}' gives shape [${list[i].shape}]; style transfer needs feature maps [1, h, w, c]`,
            );
          maps[n] = list[i] as tf.Tensor4D;
        });
        return maps;
      });
    },
    dispose() {
      // The sub-models share the wrapped model's weights; disposing the model frees them.
      cache.clear();
      model.dispose();
    },
  };
}
