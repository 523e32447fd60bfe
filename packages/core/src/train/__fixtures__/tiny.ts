/**
 * Tiny seeded models and data for the train/ specs and the kill-and-resume child process
 * (which loads this file through a transpile-only require hook, so keep it free of jest).
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../data/rng';

/**
 * Three Gaussian blobs in 2-D (centres (0,2), (2,-1), (-2,-1), std 0.7): x [m, 2],
 * y one-hot [m, 3]; the classes are listed in order 0,1,2,0,1,2,...
 */
export function blobs(m: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D; labels: number[] } {
  const rng = new Rng(seed);
  const centres = [
    [0, 2],
    [2, -1],
    [-2, -1],
  ];
  const xs: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < m; i++) {
    const c = i % 3;
    xs.push(centres[c][0] + rng.normal(0, 0.7), centres[c][1] + rng.normal(0, 0.7));
    labels.push(c);
  }
  return {
    x: tf.tensor2d(xs, [m, 2]),
    y: tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 3).toFloat() as tf.Tensor2D),
    labels,
  };
}

/** 2 -> hidden (relu) -> 3 (softmax), with seeded Glorot initialisation, optional L2 on the kernels. */
export function tinyClassifier(
  seed: number,
  { hidden = 8, l2 = 0 }: { hidden?: number; l2?: number } = {},
): tf.LayersModel {
  const reg = l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined;
  return tf.sequential({
    layers: [
      tf.layers.dense({
        units: hidden,
        inputShape: [2],
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
        kernelRegularizer: reg,
      }),
      tf.layers.dense({
        units: 3,
        activation: 'softmax',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
        kernelRegularizer: reg,
      }),
    ],
  });
}

/** All weights of a model, flattened in model.weights order. */
export function flatWeights(model: tf.LayersModel): Float32Array {
  const parts = model.weights.map((w) => w.read().dataSync() as Float32Array);
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
