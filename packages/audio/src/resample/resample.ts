/**
 * Band-limited resampling with a Kaiser-windowed sinc (Smith, "Digital Audio Resampling Home Page";
 * the method of libsamplerate/resampy). Output sample n sits at input position p = n · from / to;
 * it is the sum of input samples x_j weighted by a low-pass sinc at the lower of the two Nyquist
 * rates (times `rolloff`), cut to `zeroCrossings` lobes per side by a Kaiser window:
 *
 *   y_n = Σ_j x_j · fc · sinc(fc (p − j)) · kaiser((p − j) / W),   fc = rolloff · min(1, to/from),  W = zeroCrossings / fc
 *
 * (τ in input samples, sinc(x) = sin(πx)/(πx)). With from/to = down/up in lowest terms there are
 * only `up` distinct fractional positions, so each phase's taps are computed once. Outside the
 * signal the input counts as zeros. resample.spec.ts measures it on sines.
 *
 * @example
 * const speech16k = resample(samples, 44100, 16000); // Float32Array of ceil(n · 16000 / 44100) samples
 */
import { stripUndefined } from '@dlkit/core';
import { besselI0 } from '../features/window';

export interface ResampleOptions {
  /** Sinc lobes kept on each side: longer filters, sharper cutoff. */
  zeroCrossings?: number;
  /** Cutoff as a fraction of the lower Nyquist frequency (the transition band ends at Nyquist). */
  rolloff?: number;
  /** Kaiser window shape: 8.6 gives ~-90 dB stop-band side lobes. */
  beta?: number;
}

export const RESAMPLE_DEFAULTS = { zeroCrossings: 32, rolloff: 0.94, beta: 8.6 };

/** Phases whose taps are cached (memory: phases × taps floats); beyond it taps are computed per sample. */
const MAX_CACHED_PHASES = 8192;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export function resample(
  signal: ArrayLike<number>,
  fromRate: number,
  toRate: number,
  options: ResampleOptions = {},
): Float32Array {
  const { zeroCrossings, rolloff, beta } = { ...RESAMPLE_DEFAULTS, ...stripUndefined(options) };
  for (const [name, rate] of [
    ['fromRate', fromRate],
    ['toRate', toRate],
  ] as const) {
    if (!Number.isInteger(rate) || rate < 1)
      throw new Error(`resample: ${name} should be a positive integer (Hz), got ${rate}`);
  }
  if (!(rolloff > 0 && rolloff <= 1)) throw new Error(`resample: rolloff should be in (0, 1], got ${rolloff}`);
  if (!(zeroCrossings >= 1)) throw new Error(`resample: zeroCrossings should be at least 1, got ${zeroCrossings}`);
  if (fromRate === toRate) return Float32Array.from(signal);
  const g = gcd(fromRate, toRate);
  const up = toRate / g;
  const down = fromRate / g;
  const fc = rolloff * Math.min(1, toRate / fromRate);
  const halfWidth = zeroCrossings / fc; // W, in input samples
  const k = Math.ceil(halfWidth);
  const i0Beta = besselI0(beta);
  // taps for input samples j = i − k + 1 .. i + k, where p = i + phase / up
  const tapsOf = (phase: number): Float64Array => {
    const frac = phase / up;
    const taps = new Float64Array(2 * k);
    for (let t = 0; t < 2 * k; t++) {
      const tau = frac + k - 1 - t; // p − j
      const r = tau / halfWidth;
      if (Math.abs(r) >= 1) continue;
      const x = fc * tau;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      taps[t] = fc * sinc * (besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta);
    }
    return taps;
  };
  const cache = new Map<number, Float64Array>();
  const n = signal.length;
  const out = new Float32Array(Math.ceil((n * up) / down));
  for (let m = 0; m < out.length; m++) {
    const i = Math.floor((m * down) / up);
    const phase = (m * down) % up;
    let taps = cache.get(phase);
    if (!taps) {
      taps = tapsOf(phase);
      if (up <= MAX_CACHED_PHASES) cache.set(phase, taps);
    }
    const j0 = i - k + 1;
    let s = 0;
    for (let t = Math.max(0, -j0), end = Math.min(2 * k, n - j0); t < end; t++) s += signal[j0 + t] * taps[t];
    out[m] = s;
  }
  return out;
}
