/**
 * Gradient checking (DLS course 2 week 1): compare every analytic gradient with the two-sided
 * difference (J(theta + eps) - J(theta - eps)) / (2 eps) and report, per parameter tensor,
 *   relative difference = ||g_num - g_ana|| / (||g_num|| + ||g_ana||).
 *
 * Precision. tfjs computes in float32, so the course's eps = 1e-7 and threshold 1e-7 (float64)
 * do not transfer. What we do instead:
 * - the cost is summed in float64 in JavaScript from the float32 per-element terms (the scratch
 *   losses do this), so outputs that a perturbation does not touch are bitwise identical in
 *   J(theta + eps) and J(theta - eps) and cancel exactly; only touched outputs carry float32
 *   rounding (~6e-8 relative each);
 * - the step actually taken is fround(theta +- eps), and we divide by that exact float32 difference
 *   rather than by 2 eps;
 * - eps = 1e-3 balances rounding (~1e-7 |out| / eps ~ 1e-4 relative) against truncation (~eps^2 = 1e-6).
 * Pass/fail uses the relative difference over all checked entries together (the course's whole
 * theta vector; here the parameters and the input gradient). Per-tensor values are reported too,
 * but are not used for pass/fail: a tensor whose gradient happens to be ~1e-3 (e.g. a bias whose
 * errors average out) sits at the float32 noise floor (~1e-5 absolute) and reads ~1e-2 relative.
 * Measured with `gradcheckReport({ seed })` for seeds 0-39 (26 checks each, wasm backend): every
 * correct backward gave an overall relative difference between 1.5e-5 and 1.8e-4 (worst: the
 * dense-tanh-dense-sigmoid model with L2). The seven bugs planted in gradientCheck.spec.ts give
 * 0.15 to 0.71 (BatchNorm treating the batch statistics as constants: 0.15; ReLU without its mask:
 * 0.21; a Dense dividing dW by m a second time: 0.23; a flipped sign on one dW: 0.52; a loss whose dA
 * misses the 1/m: (m-1)/(m+1) = 0.71 at m = 6). GRADCHECK_THRESHOLD = 1e-3 is ~5x above the worst
 * correct case, ~150x below the subtlest planted bug, and is the value above which the course says
 * a gradient "probably has a bug".
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../data/rng';
import { l2Penalty } from './l2-penalty';
import type { LossFn } from './losses/types';
import { ScratchSequential } from './sequential';
import type { Grads, Params, ScratchLayer } from './types';

/** Relative-difference threshold for float32 checks with eps = 1e-3 (see the measurements above). */
export const GRADCHECK_THRESHOLD = 1e-3;
/** Default perturbation for float32 checks. */
export const GRADCHECK_EPSILON = 1e-3;

export interface GradientCheckOptions {
  /** Perturbation size. */
  epsilon?: number;
  /** Pass/fail threshold on the overall relative difference. */
  threshold?: number;
  /** Check at most this many entries per tensor, a seeded random subset (the norms use the same subset). */
  maxEntriesPerTensor?: number;
  /** Seed for that subset. */
  seed?: number;
  /** Also check dJ/dX (the gradient `backward` returns), under the key 'input'. */
  checkInput?: boolean;
  /** Forward mode used for both the analytic and the numeric passes. */
  training?: boolean;
  /** Adds `l2Penalty(params, l2, m)` to the cost and its gradient to the weights' gradients. */
  l2?: number;
}

const GRADIENT_CHECK_DEFAULTS = {
  epsilon: GRADCHECK_EPSILON,
  threshold: GRADCHECK_THRESHOLD,
  maxEntriesPerTensor: Number.POSITIVE_INFINITY,
  seed: 0,
  checkInput: true,
  training: true,
  l2: 0,
};

export interface GradientCheckEntry {
  /** Parameter key ('W', 'dense1.W', ...) or 'input'. */
  key: string;
  relativeDifference: number;
  numericNorm: number;
  analyticNorm: number;
  /** Entries compared (of `size`). */
  checked: number;
  size: number;
}

export interface GradientCheckResult {
  /** Relative difference over all checked entries together (parameters and input): decides `passed`. */
  relativeDifference: number;
  /** Largest per-tensor relative difference (diagnostic; noisy for tensors with tiny gradients). */
  worst: number;
  threshold: number;
  epsilon: number;
  /** `relativeDifference` < `threshold`. */
  passed: boolean;
  entries: GradientCheckEntry[];
}

export type GradientCheckTarget = ScratchLayer | ScratchSequential;

/**
 * Checks `model`'s backward against two-sided numeric differences of the cost
 * lossFn(y, model.forward(x)) + the model's regularization (+ `l2` penalty if given).
 * Layers with randomness must be made deterministic first (e.g. `Dropout.setFixedMask`).
 * BatchNorm running statistics are updated by the extra forward passes.
 *
 * @example
 * const r = gradientCheck(model, binaryCrossEntropy, X, Y);
 * r.passed; // r.entries: [{ key: 'dense1.W', relativeDifference: 3e-7, ... }, ...]
 */
export function gradientCheck(
  model: GradientCheckTarget,
  lossFn: LossFn,
  x: tf.Tensor,
  y: tf.Tensor,
  options: GradientCheckOptions = {},
): GradientCheckResult {
  const o = { ...GRADIENT_CHECK_DEFAULTS, ...options };
  if (!(o.epsilon > 0)) throw new Error(`gradientCheck: epsilon must be > 0, got ${o.epsilon}`);
  const ctx = { training: o.training };
  const m = x.shape[0];
  const getParams = (): Params => (model instanceof ScratchSequential ? model.params() : model.params);
  const getGrads = (): Grads => (model instanceof ScratchSequential ? model.grads() : model.grads);

  // J(theta) for the current parameter values, in float64
  const cost = (input: tf.Tensor): number => {
    const out = model.forward(input, ctx);
    const { loss, dA } = lossFn(y, out);
    out.dispose();
    dA.dispose();
    let J = loss + (model.regularizationCost?.() ?? 0);
    if (o.l2 > 0) {
      const p = l2Penalty(getParams(), o.l2, m);
      for (const g of Object.values(p.grads)) g.dispose();
      J += p.cost;
    }
    return J;
  };

  // analytic gradients
  const out = model.forward(x, ctx);
  const { dA } = lossFn(y, out);
  out.dispose();
  const dX = model.backward(dA);
  dA.dispose();
  const params = getParams();
  const grads = getGrads();
  const analytic = new Map<string, Float32Array>();
  for (const key of Object.keys(params)) {
    const g = grads[key];
    if (!g) throw new Error(`gradientCheck: no gradient for parameter '${key}' after backward`);
    if (g.size !== params[key].size)
      throw new Error(`gradientCheck: gradient '${key}' has shape [${g.shape}], parameter has [${params[key].shape}]`);
    const values = Float32Array.from(g.dataSync());
    if (o.l2 > 0) {
      const p = l2Penalty({ [key]: params[key] }, o.l2, m);
      const extra = p.grads[key];
      if (extra) {
        const e = extra.dataSync();
        for (let i = 0; i < values.length; i++) values[i] += e[i];
      }
      for (const t of Object.values(p.grads)) t.dispose();
    }
    analytic.set(key, values);
  }
  const dXValues = Float32Array.from(dX.dataSync());
  dX.dispose();

  const rng = new Rng(o.seed);
  const pick = (size: number): number[] =>
    size <= o.maxEntriesPerTensor
      ? Array.from({ length: size }, (_, i) => i)
      : rng.permutation(size).slice(0, o.maxEntriesPerTensor);
  const entries: GradientCheckEntry[] = [];
  let allNum: number[] = [];
  let allAna: number[] = [];

  // numeric gradient of one tensor's entries; `evaluate(values)` returns J with those values in place
  const check = (
    key: string,
    base: Float32Array,
    ana: Float32Array,
    evaluate: (values: Float32Array) => number,
  ): void => {
    const idx = pick(base.length);
    const num: number[] = [];
    const anaPicked: number[] = [];
    for (const i of idx) {
      const values = base.slice();
      const plus = Math.fround(base[i] + o.epsilon);
      const minus = Math.fround(base[i] - o.epsilon);
      values[i] = plus;
      const jPlus = evaluate(values);
      values[i] = minus;
      const jMinus = evaluate(values);
      num.push((jPlus - jMinus) / (plus - minus));
      anaPicked.push(ana[i]);
    }
    const rel = relativeDifference(num, anaPicked);
    entries.push({
      key,
      relativeDifference: rel,
      numericNorm: norm(num),
      analyticNorm: norm(anaPicked),
      checked: idx.length,
      size: base.length,
    });
    allNum = allNum.concat(num);
    allAna = allAna.concat(anaPicked);
  };

  for (const [key, v] of Object.entries(params)) {
    const base = Float32Array.from(v.dataSync());
    check(key, base, analytic.get(key)!, (values) => {
      const t = tf.tensor(values, v.shape, 'float32');
      v.assign(t);
      t.dispose();
      return cost(x);
    });
    const restore = tf.tensor(base, v.shape, 'float32');
    v.assign(restore);
    restore.dispose();
  }
  if (o.checkInput) {
    const base = Float32Array.from(x.dataSync());
    check('input', base, dXValues, (values) => {
      const t = tf.tensor(values, x.shape, 'float32');
      const J = cost(t);
      t.dispose();
      return J;
    });
  }
  const worst = entries.reduce((w, e) => Math.max(w, e.relativeDifference), 0);
  const overall = relativeDifference(allNum, allAna);
  return {
    relativeDifference: overall,
    worst,
    threshold: o.threshold,
    epsilon: o.epsilon,
    passed: entries.length > 0 && overall < o.threshold,
    entries,
  };
}

/** ||a - b|| / (||a|| + ||b||), 0 when both are zero (course 2 week 1). */
export function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`relativeDifference: lengths differ (${a.length} vs ${b.length})`);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff += (a[i] - b[i]) ** 2;
  const denom = norm(a) + norm(b);
  return denom === 0 ? 0 : Math.sqrt(diff) / denom;
}

function norm(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}
