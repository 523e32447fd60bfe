/**
 * The mel scale, in librosa's two variants:
 *
 *   HTK (Young et al., The HTK Book):  mel = 2595 · log10(1 + f / 700)
 *   Slaney (Auditory Toolbox, librosa's default): linear below 1 kHz, mel = 3 f / 200,
 *     logarithmic above, mel = 15 + ln(f / 1000) / (ln(6.4) / 27)
 *
 * @example
 * hzToMel(1000, 'htk');    // 999.99 (≈ 1000 by design)
 * hzToMel(1000, 'slaney'); // 15
 */

export type MelScale = 'htk' | 'slaney';

const F_SP = 200 / 3; // Hz per mel below 1 kHz (Slaney)
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP; // 15
const LOG_STEP = Math.log(6.4) / 27;

export function hzToMel(hz: number, scale: MelScale = 'slaney'): number {
  if (scale === 'htk') return 2595 * Math.log10(1 + hz / 700);
  return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
}

export function melToHz(mel: number, scale: MelScale = 'slaney'): number {
  if (scale === 'htk') return 700 * (10 ** (mel / 2595) - 1);
  return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
}

/** `n` frequencies evenly spaced in mels from fMin to fMax (librosa.mel_frequencies). */
export function melFrequencies(n: number, fMin: number, fMax: number, scale: MelScale = 'slaney'): Float64Array {
  const lo = hzToMel(fMin, scale);
  const hi = hzToMel(fMax, scale);
  return Float64Array.from({ length: n }, (_, i) => melToHz(n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1), scale));
}
