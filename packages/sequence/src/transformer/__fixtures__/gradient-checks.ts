/**
 * The gradient checks of the attention (attention-gradients.spec.ts asserts them, the bench prints
 * them): tfjs's gradients (tf.grads / tf.variableGrads on the current backend, float32) against
 * central differences of the float64 reference (attention-reference.ts), after checking that the
 * reference's forward pass equals tfjs's. Measure: the course's relative difference
 * ‖a − n‖ / (‖a‖ + ‖n‖), or the max absolute difference where the true gradient is 0.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '@dlkit/core';
import { maxAbsDiff } from '@dlkit/core/testing';
import { paddingMask, scaledDotProductAttention } from '../attention';
import { MultiHeadAttention } from '../multi-head-attention';
import {
  numericGradient,
  referenceAttention,
  referenceSelfAttention,
  ReferenceMhaWeights,
  relativeDifference,
  weightedSum,
} from './attention-reference';

export interface GradientCheckRow {
  /** What is differentiated: 'q', 'input', 'query/kernel', ... */
  name: string;
  measure: 'relative difference' | 'max abs difference';
  value: number;
}

export interface GradientCheck {
  /** max |tfjs forward − float64 reference forward|. */
  forwardError: number;
  rows: GradientCheckRow[];
}

/** Standard normal values rounded to float32 (what the tfjs side sees exactly). */
function seeded(n: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from(Float32Array.from({ length: n }, () => rng.normal()));
}

const f32 = (x: Float64Array, shape: number[]) => tf.tensor(Float32Array.from(x), shape);

/** scaledDotProductAttention, q [2, 3, 5], k [2, 4, 5], v [2, 4, 2], the last two keys of row 2 padded. */
export function sdpaGradientCheck(): GradientCheck {
  const dims = { batch: 2, tq: 3, tk: 4, dk: 5, dv: 2 };
  const shapes = [
    [2, 3, 5],
    [2, 4, 5],
    [2, 4, 2],
  ];
  const [q, k, v] = shapes.map((s, i) => seeded(s[0] * s[1] * s[2], 1 + i));
  const r = seeded(12, 4);
  const mask = Float64Array.from([1, 1, 1, 1, 1, 1, 0, 0]);
  const reference = () => referenceAttention(q, k, v, dims, mask);
  const { forwardError, analytic } = tf.tidy(() => {
    const m = paddingMask(f32(mask, [2, 4]));
    const run = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => scaledDotProductAttention(a, b, c, m).output;
    const inputs = [q, k, v].map((x, i) => f32(x, shapes[i]));
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
      tf.sum(tf.mul(run(a, b, c), f32(r, [2, 3, 2]))),
    );
    return {
      forwardError: maxAbsDiff(run(inputs[0], inputs[1], inputs[2]), reference()),
      analytic: grads(inputs).map((g) => g.dataSync()),
    };
  });
  const f = () => weightedSum(reference(), r);
  const rows = [q, k, v].map((x, i) => ({
    name: ['q', 'k', 'v'][i],
    measure: 'relative difference' as const,
    value: relativeDifference(analytic[i], numericGradient(f, x)),
  }));
  return { forwardError, rows };
}

/**
 * A causal MultiHeadAttention (2 heads of 3, d_model 6) over x [2, 4, 6] with the last position of
 * row 2 padded; every weight random (biases too, so no gradient is checked at a special point).
 */
export function mhaGradientCheck(): GradientCheck {
  const shape = { batch: 2, length: 4, dModel: 6, numHeads: 2 };
  const x = seeded(48, 11);
  const r = seeded(48, 12);
  const mask = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 0]);
  const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, causal: true, seed: 5 });
  const [xT, maskT, rT] = [f32(x, [2, 4, 6]), f32(mask, [2, 4]), f32(r, [2, 4, 6])];
  try {
    tf.dispose(layer.apply([xT, maskT]) as tf.Tensor); // builds the weights
    layer.trainableWeights.forEach((w, i) => {
      const value = tf.randomNormal(w.shape as number[], 0, 0.5, 'float32', 20 + i);
      w.write(value); // the variable takes its own reference
      value.dispose();
    });
    const p = layer.projections();
    const read = (v: tf.LayerVariable | null) => Float64Array.from(v!.read().dataSync());
    const w: ReferenceMhaWeights = {
      query: [read(p.query.kernel), read(p.query.bias)],
      key: [read(p.key.kernel), read(p.key.bias)],
      value: [read(p.value.kernel), read(p.value.bias)],
      output: [read(p.output.kernel), read(p.output.bias)],
    };
    const reference = () => referenceSelfAttention(x, w, shape, mask, true);
    const vars = layer.trainableWeights.map((v) => v.read() as tf.Variable);
    const { forwardError, analytic } = tf.tidy(() => {
      const loss = (input: tf.Tensor) => tf.sum(tf.mul(layer.apply([input, maskT]) as tf.Tensor, rT)) as tf.Scalar;
      const { grads } = tf.variableGrads(() => loss(xT), vars);
      return {
        forwardError: maxAbsDiff(layer.apply([xT, maskT]) as tf.Tensor, reference()),
        analytic: [tf.grad(loss)(xT), ...vars.map((v) => grads[v.name])].map((g) => g.dataSync()),
      };
    });
    // layer.trainableWeights: query, key, value, output; kernel then bias (the order of `flat`).
    const names = ['input', ...layer.trainableWeights.map((v) => v.originalName.slice(layer.name.length + 1))];
    const flat = [x, ...[w.query, w.key, w.value, w.output].flat()];
    const f = () => weightedSum(reference(), r);
    const rows = flat.map((values, i): GradientCheckRow => {
      const numeric = numericGradient(f, values);
      // The key bias adds q·b_k to all scores of a query: softmax ignores it, the true gradient is 0.
      return names[i] === 'key/bias'
        ? { name: names[i], measure: 'max abs difference', value: maxAbsDiff(analytic[i], numeric) }
        : { name: names[i], measure: 'relative difference', value: relativeDifference(analytic[i], numeric) };
    });
    return { forwardError, rows };
  } finally {
    tf.dispose([xT, maskT, rT]);
    layer.dispose();
  }
}
