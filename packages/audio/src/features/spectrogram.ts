/**
 * Power and magnitude spectrograms: |STFT|² and |STFT|, [frames][bins] (bins k·sr/nFft Hz,
 * k = 0..nFft/2), as librosa's `np.abs(librosa.stft(y)) ** power`.
 *
 * @example
 * const power = powerSpectrogram(samples, { nFft: 512, hop: 160 }); // Float32Array per frame
 */
import { stft, StftOptions } from './stft';

/** |X|^power for each frame and bin (power 2: power spectrogram, 1: magnitude). */
export function spectrogram(signal: ArrayLike<number>, options: StftOptions & { power?: number } = {}): Float32Array[] {
  const { power = 2, ...stftOptions } = options;
  const { re, im } = stft(signal, stftOptions);
  return re.map((r, t) => {
    const out = new Float32Array(r.length);
    for (let k = 0; k < r.length; k++) {
      const p = r[k] * r[k] + im[t][k] * im[t][k];
      out[k] = power === 2 ? p : Math.pow(p, power / 2);
    }
    return out;
  });
}

export function powerSpectrogram(signal: ArrayLike<number>, options: StftOptions = {}): Float32Array[] {
  return spectrogram(signal, { ...options, power: 2 });
}

export function magnitudeSpectrogram(signal: ArrayLike<number>, options: StftOptions = {}): Float32Array[] {
  return spectrogram(signal, { ...options, power: 1 });
}
