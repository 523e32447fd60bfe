/**
 * Power and magnitude spectrograms: |STFT|² and |STFT|, [frames][bins] (bins k·sr/nFft Hz,
 * k = 0..nFft/2), as librosa's `np.abs(librosa.stft(y)) ** power`.
 *
 * @example
 * const power = powerSpectrogram(samples, { nFft: 512, hop: 160 }); // Float32Array per frame
 */
import { forEachStftFrame, StftOptions } from './stft';

/** |X|^power for each frame and bin (power 2: power spectrogram, 1: magnitude). */
export function spectrogram(signal: ArrayLike<number>, options: StftOptions & { power?: number } = {}): Float32Array[] {
  const { power = 2, ...stftOptions } = options;
  const out: Float32Array[] = [];
  forEachStftFrame(signal, stftOptions, (re, im) => {
    const row = new Float32Array(re.length);
    for (let k = 0; k < re.length; k++) {
      const p = re[k] * re[k] + im[k] * im[k];
      row[k] = power === 2 ? p : Math.pow(p, power / 2);
    }
    out.push(row);
  });
  return out;
}

export function powerSpectrogram(signal: ArrayLike<number>, options: StftOptions = {}): Float32Array[] {
  return spectrogram(signal, { ...options, power: 2 });
}

export function magnitudeSpectrogram(signal: ArrayLike<number>, options: StftOptions = {}): Float32Array[] {
  return spectrogram(signal, { ...options, power: 1 });
}
