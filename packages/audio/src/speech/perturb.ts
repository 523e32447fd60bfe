import { resample } from '../resample/resample';

/** `x · 10^(db/20)`, a new array. */
export function applyGainDb(x: Float32Array, db: number): Float32Array {
  const g = Math.pow(10, db / 20);
  return x.map((v) => v * g);
}

/**
 * `x` placed in `length` samples starting at `offset` (negative: its start is cut), zeros elsewhere.
 * @example
 * const clip = placeInWindow(word, 16000, 3000); // the word starts 3,000 samples into a 1 s clip
 */
export function placeInWindow(x: Float32Array, length: number, offset: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = Math.max(0, -offset); i < x.length && i + offset < length; i++) out[i + offset] = x[i];
  return out;
}

/**
 * Speed perturbation (Ko et al. 2015, "Audio augmentation for speech recognition"): plays `x`
 * `factor` times faster, changing tempo and pitch together, by resampling from `round(100·factor)`
 * to 100 (then read at the original rate). 1.1 shortens by 1/1.1.
 */
export function speedPerturb(x: Float32Array, factor: number): Float32Array {
  if (!(factor > 0)) throw new Error(`speedPerturb: factor should be positive, got ${factor}`);
  const from = Math.round(factor * 100);
  return from === 100 ? Float32Array.from(x) : resample(x, from, 100);
}
