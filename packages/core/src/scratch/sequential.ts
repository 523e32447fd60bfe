/**
 * A stack of scratch layers: forward runs them in order, backward in reverse (DLS course 1 week 4,
 * L_model_forward / L_model_backward). Parameters and gradients are exposed flattened with
 * layer-prefixed keys ('dense1.W', 'batchNorm1.gamma'), the same `tf.Variable` objects the layers
 * own, so a `ScratchOptimizer` updating them updates the layers.
 */
import * as tf from '@tensorflow/tfjs';
import type { ForwardContext, Grads, Params, ScratchLayer } from './types';

/**
 * @example
 * const model = new ScratchSequential([
 *   new Dense({ units: 4, inputDim: 2, seed: 1 }), new ReLU(),
 *   new Dense({ units: 1, seed: 2 }), new Sigmoid(),
 * ]);
 * const A = model.forward(X, { training: true });        // X [m, 2] -> A [m, 1]
 * const { loss, dA } = binaryCrossEntropy(Y, A);
 * model.backward(dA).dispose();                           // model.grads()['dense1.W'] ...
 */
export class ScratchSequential {
  readonly layers: ScratchLayer[];
  /** Key prefix of each layer: its name, numbered per kind ('dense1', 'dense2') when it kept the default name. */
  readonly layerKeys: string[];

  constructor(layers: ScratchLayer[]) {
    if (!Array.isArray(layers) || layers.length === 0)
      throw new Error('ScratchSequential: expected a non-empty array of layers');
    this.layers = layers;
    const counts = new Map<string, number>();
    this.layerKeys = layers.map((layer) => {
      if (layer.kind === undefined || layer.name !== layer.kind) return layer.name;
      const n = (counts.get(layer.kind) ?? 0) + 1;
      counts.set(layer.kind, n);
      return `${layer.kind}${n}`;
    });
    const seen = new Set<string>();
    for (const key of this.layerKeys) {
      if (seen.has(key)) throw new Error(`ScratchSequential: two layers are named '${key}'; names must be unique`);
      seen.add(key);
    }
  }

  /** Creates every layer's parameters for a per-example input shape (no batch dimension), e.g. [784] or [28, 28, 1]. */
  build(inputShape: number[]): this {
    let shape = inputShape.slice();
    for (const [i, layer] of this.layers.entries()) {
      layer.build?.(shape);
      if (layer.computeOutputShape) shape = layer.computeOutputShape(shape);
      else if (layer.build || Object.keys(layer.params).length > 0) {
        throw new Error(
          `ScratchSequential.build: layer '${this.layerKeys[i]}' cannot compute its output shape; run a forward pass instead`,
        );
      }
    }
    return this;
  }

  /** X [m, ...] -> output [m, ...], owned by the caller. Intermediate activations are freed (layers keep what they need). */
  forward(x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
    let a = x;
    for (const layer of this.layers) {
      const next = layer.forward(a, ctx);
      if (a !== x) a.dispose();
      a = next;
    }
    return a;
  }

  /** dLoss (gradient w.r.t. the output) -> gradient w.r.t. the input X, owned by the caller; stores every layer's grads. */
  backward(dLoss: tf.Tensor): tf.Tensor {
    let d = dLoss;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const next = this.layers[i].backward(d);
      if (d !== dLoss) d.dispose();
      d = next;
    }
    return d === dLoss ? d.clone() : d;
  }

  /** Inference forward (`training: false`). */
  predict(x: tf.Tensor): tf.Tensor {
    return this.forward(x, { training: false });
  }

  /** All parameters, keyed '<layerKey>.<param>'. */
  params(): Params {
    const out: Params = {};
    this.layers.forEach((layer, i) => {
      for (const [k, v] of Object.entries(layer.params)) out[`${this.layerKeys[i]}.${k}`] = v;
    });
    return out;
  }

  /** The last backward's gradients, same keys as `params()`. Owned by the layers (do not dispose). */
  grads(): Grads {
    const out: Grads = {};
    this.layers.forEach((layer, i) => {
      for (const [k, v] of Object.entries(layer.grads)) out[`${this.layerKeys[i]}.${k}`] = v;
    });
    return out;
  }

  /** Sum of the layers' own regularization terms (e.g. Dense `l2`) for the last forward. */
  regularizationCost(): number {
    return this.layers.reduce((s, layer) => s + (layer.regularizationCost?.() ?? 0), 0);
  }

  /** Number of trainable scalars. */
  countParams(): number {
    return Object.values(this.params()).reduce((s, v) => s + v.size, 0);
  }

  /** One line per layer: key, kind, parameter shapes. */
  summary(): string {
    return this.layers
      .map((layer, i) => {
        const ps = Object.entries(layer.params)
          .map(([k, v]) => `${k}[${v.shape}]`)
          .join(' ');
        return `${this.layerKeys[i]} (${layer.kind ?? layer.name})${ps ? ' ' + ps : ''}`;
      })
      .join('\n');
  }

  dispose(): void {
    for (const layer of this.layers) layer.dispose();
  }
}
