import { rms } from './noise';

/** 10·log10(P_signal / P_noise) in dB. */
export function snrDb(signal: ArrayLike<number>, noise: ArrayLike<number>): number {
  return 20 * Math.log10(rms(signal) / rms(noise));
}

/**
 * `signal + k·noise` with k chosen so that 10·log10(P_signal / P(k·noise)) = `snr` dB; `noise` is
 * tiled or cut to the signal's length. A silent signal gets the noise at unit RMS times
 * `10^(-snr/20)` (so "silence" clips still carry noise).
 * @example
 * const noisy = mixAtSnr(speech, coloredNoise('white', speech.length, 1), 10); // 10 dB SNR
 */
export function mixAtSnr(signal: Float32Array, noise: Float32Array, snr: number): Float32Array {
  if (noise.length === 0) throw new Error('mixAtSnr: noise is empty');
  const fitted = new Float32Array(signal.length);
  for (let i = 0; i < signal.length; i++) fitted[i] = noise[i % noise.length];
  const noiseRms = rms(fitted);
  if (noiseRms === 0) return Float32Array.from(signal);
  const target = (rms(signal) || 1) / Math.pow(10, snr / 20);
  const k = target / noiseRms;
  const out = new Float32Array(signal.length);
  for (let i = 0; i < signal.length; i++) out[i] = signal[i] + k * fitted[i];
  return out;
}
