/**
 * Mel filterbank as librosa.filters.mel builds it: nMels triangles over the FFT bins, with corners
 * at nMels + 2 frequencies evenly spaced in mels between fMin and fMax. Filter m rises from corner
 * m to m + 1 and falls to m + 2:
 *
 *   w[m][k] = max(0, min((f_k − c_m) / (c_{m+1} − c_m), (c_{m+2} − f_k) / (c_{m+2} − c_{m+1})))
 *
 * `norm: 'slaney'` scales each triangle by 2 / (c_{m+2} − c_m) so that its area is constant (equal
 * energy per channel); `norm: null` leaves peaks at 1 (HTK-style).
 *
 * @example
 * const fb = melFilterbank({ sampleRate: 16000, nFft: 512, nMels: 40 }); // 40 rows of 257 weights
 */
import { stripUndefined } from '@dlkit/core';
import { binCount } from './dft-basis';
import { melFrequencies, MelScale } from './mel-scale';

export interface MelOptions {
  sampleRate: number;
  /** Mel bands. */
  nMels?: number;
  /** Lowest frequency, Hz. */
  fMin?: number;
  /** Highest frequency, Hz (default: sampleRate / 2). */
  fMax?: number;
  melScale?: MelScale;
  /** 'slaney': constant-area triangles (librosa's default); null: unit-peak triangles. */
  norm?: 'slaney' | null;
}

export const MEL_DEFAULTS = { nMels: 64, fMin: 0, melScale: 'slaney' as MelScale, norm: 'slaney' as 'slaney' | null };

/** The options with every default filled in (fMax = sampleRate / 2), checked. */
export function melSettings(options: MelOptions): Required<MelOptions> {
  const o = {
    ...MEL_DEFAULTS,
    fMax: options.sampleRate / 2,
    ...stripUndefined(options),
    sampleRate: options.sampleRate,
  };
  if (!(o.sampleRate > 0)) throw new Error(`sampleRate should be positive, got ${o.sampleRate}`);
  if (!Number.isInteger(o.nMels) || o.nMels < 1) throw new Error(`nMels should be a positive integer, got ${o.nMels}`);
  if (!(o.fMin >= 0 && o.fMin < o.fMax && o.fMax <= o.sampleRate / 2)) {
    throw new Error(
      `need 0 <= fMin < fMax <= sampleRate / 2, got fMin ${o.fMin}, fMax ${o.fMax}, sampleRate ${o.sampleRate}`,
    );
  }
  return o;
}

/** [nMels][nFft/2 + 1] weights. */
export function melFilterbank(options: MelOptions & { nFft: number }): Float64Array[] {
  const { sampleRate, nMels, fMin, fMax, melScale, norm } = melSettings(options);
  const bins = binCount(options.nFft);
  const corners = melFrequencies(nMels + 2, fMin, fMax, melScale);
  const fft = Float64Array.from({ length: bins }, (_, k) => (k * sampleRate) / options.nFft);
  return Array.from({ length: nMels }, (_, m) => {
    const row = new Float64Array(bins);
    const [lo, mid, hi] = [corners[m], corners[m + 1], corners[m + 2]];
    const scale = norm === 'slaney' ? 2 / (hi - lo) : 1;
    for (let k = 0; k < bins; k++) {
      const up = (fft[k] - lo) / (mid - lo);
      const down = (hi - fft[k]) / (hi - mid);
      row[k] = Math.max(0, Math.min(up, down)) * scale;
    }
    return row;
  });
}
