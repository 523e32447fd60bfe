import { Rng } from '@dlkit/core';

export type NoiseColor = 'white' | 'pink' | 'brown';

/** Scales `x` in place to unit RMS (no-op for silence) and returns it. */
export function normalizeRms(x: Float32Array): Float32Array {
  const r = rms(x);
  if (r > 0) for (let i = 0; i < x.length; i++) x[i] /= r;
  return x;
}

/** Root mean square of a signal (0 for an empty one). */
export function rms(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return x.length ? Math.sqrt(s / x.length) : 0;
}

/**
 * Seeded coloured noise of unit RMS. White: independent normals (flat spectrum). Pink (1/f power):
 * Paul Kellet's "refined" filter of white noise, a sum of seven first-order sections within ±0.05 dB
 * of -3 dB/octave above ~10 Hz at 44.1 kHz (musicdsp.org, 1999). Brown (1/f², -6 dB/octave): leaky
 * integration of white noise (leak 0.998 keeps it from drifting; the pole sits near 5 Hz at 16 kHz).
 * @example
 * const hiss = coloredNoise('pink', 16000, 7); // 1 s at 16 kHz, RMS 1
 */
export function coloredNoise(color: NoiseColor, length: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const out = new Float32Array(length);
  if (color === 'white') {
    for (let i = 0; i < length; i++) out[i] = rng.normal();
  } else if (color === 'pink') {
    let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0; // prettier-ignore
    for (let i = 0; i < length; i++) {
      const w = rng.normal();
      b0 = 0.99886 * b0 + w * 0.0555179;
      b1 = 0.99332 * b1 + w * 0.0750759;
      b2 = 0.969 * b2 + w * 0.153852;
      b3 = 0.8665 * b3 + w * 0.3104856;
      b4 = 0.55 * b4 + w * 0.5329522;
      b5 = -0.7616 * b5 - w * 0.016898;
      out[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
      b6 = w * 0.115926;
    }
  } else if (color === 'brown') {
    let y = 0;
    for (let i = 0; i < length; i++) out[i] = y = 0.998 * y + rng.normal();
  } else {
    throw new Error(`coloredNoise: color should be 'white', 'pink' or 'brown', got '${color as string}'`);
  }
  return normalizeRms(out);
}
