/**
 * Drawing the next token from a model's output (DLS course 5, "Dinosaur Island" and "Jazz"):
 * temperature scaling and top-k truncation of logits, then a seeded categorical draw.
 *
 *   p_i = exp(z_i / T) / sum_j exp(z_j / T)   over the k largest z (all when k is unset)
 *
 * T → 0 approaches argmax (T = 0 is exactly argmax); T = 1 samples the model's distribution; T > 1 flattens it.
 *
 * @example
 * const rng = new Rng(1);
 * const next = sampleLogits(logits, { temperature: 0.8, topK: 5 }, rng);
 */
import type { Rng } from '@dlkit/core';

export interface SamplingOptions {
  /** Softmax temperature, >= 0; 0 means greedy (argmax). */
  temperature?: number;
  /** Keep only the k most likely tokens (ties broken by lower id). */
  topK?: number;
}

export const SAMPLING_DEFAULTS = { temperature: 1 } as const;

export function validateSampling(options: SamplingOptions): void {
  const { temperature, topK } = options;
  if (temperature !== undefined && !(Number.isFinite(temperature) && temperature >= 0)) {
    throw new Error(`temperature must be a finite number >= 0, got ${temperature}`);
  }
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 1)) {
    throw new Error(`topK must be a positive integer, got ${topK}`);
  }
}

/** The sampling distribution over ids for `logits` (float64; entries outside top-k are 0). */
export function samplingProbabilities(logits: ArrayLike<number>, options: SamplingOptions = {}): Float64Array {
  validateSampling(options);
  const n = logits.length;
  if (n === 0) throw new Error('cannot sample from empty logits');
  const temperature = options.temperature ?? SAMPLING_DEFAULTS.temperature;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b);
  const keep = order.slice(0, Math.min(options.topK ?? n, n));
  const probs = new Float64Array(n);
  if (temperature === 0) {
    probs[keep[0]] = 1;
    return probs;
  }
  const max = logits[keep[0]];
  let sum = 0;
  for (const i of keep) {
    probs[i] = Math.exp((logits[i] - max) / temperature);
    sum += probs[i];
  }
  for (const i of keep) probs[i] /= sum;
  return probs;
}

/** Draws one id from `probs` (which sums to 1) with one uniform number from `rng`. */
export function drawCategorical(probs: ArrayLike<number>, rng: Rng): number {
  const u = rng.uniform();
  let acc = 0;
  let last = 0;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] <= 0) continue;
    acc += probs[i];
    last = i;
    if (u < acc) return i;
  }
  return last; // rounding: u landed past the float64 sum
}

/** Temperature/top-k sampling of one id from logits. */
export function sampleLogits(logits: ArrayLike<number>, options: SamplingOptions, rng: Rng): number {
  return drawCategorical(samplingProbabilities(logits, options), rng);
}
