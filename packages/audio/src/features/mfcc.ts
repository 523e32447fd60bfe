/**
 * MFCCs as librosa.feature.mfcc: the DCT-II (orthonormal, scipy.fftpack.dct(norm='ortho')) of
 * each frame's log-mel spectrum (dB), keeping the first nMfcc coefficients:
 *
 *   c_k = s_k Σ_{m<M} x_m cos(π k (2m + 1) / (2M)),   s_0 = sqrt(1/M),  s_k = sqrt(2/M)
 *
 * `dctMatrix` is that transform as an [nOut][M] matrix (orthonormal rows), shared with MfccLayer.
 *
 * @example
 * const c = mfcc(samples, { sampleRate: 16000, nFft: 512, hop: 160, nMels: 40, nMfcc: 13 }); // [frames][13]
 */
import { applyRows } from './matrix';
import { logMelSpectrogram, LogMelOptions } from './mel-spectrogram';

export interface MfccOptions extends LogMelOptions {
  /** Coefficients kept per frame. */
  nMfcc?: number;
}

export const MFCC_DEFAULTS = { nMfcc: 13 };

/** The first `nOut` rows of the orthonormal DCT-II of size n. */
export function dctMatrix(n: number, nOut = n): Float64Array[] {
  if (!Number.isInteger(nOut) || nOut < 1 || nOut > n)
    throw new Error(`DCT coefficients should be 1..${n}, got ${nOut}`);
  return Array.from({ length: nOut }, (_, k) => {
    const s = Math.sqrt((k === 0 ? 1 : 2) / n);
    return Float64Array.from({ length: n }, (_, m) => s * Math.cos((Math.PI * k * (2 * m + 1)) / (2 * n)));
  });
}

/** DCT-II, orthonormal, of each row (all coefficients). */
export function dct(rows: readonly ArrayLike<number>[]): Float32Array[] {
  return rows.length ? applyRows(rows, dctMatrix(rows[0].length)) : [];
}

export function mfcc(signal: ArrayLike<number>, options: MfccOptions): Float32Array[] {
  const { nMfcc = MFCC_DEFAULTS.nMfcc, ...logMelOptions } = options;
  const logMel = logMelSpectrogram(signal, logMelOptions);
  return applyRows(logMel, dctMatrix(logMel[0].length, nMfcc));
}
