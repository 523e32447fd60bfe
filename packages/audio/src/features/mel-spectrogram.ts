/**
 * Mel and log-mel spectrograms, as librosa.feature.melspectrogram (power 2) followed by
 * librosa.power_to_db: the power spectrogram's frames times the mel filterbank, then decibels.
 *
 * @example
 * const logMel = logMelSpectrogram(samples, { sampleRate: 16000, nFft: 512, hop: 160, nMels: 40 }); // [frames][40] dB
 */
import { applyRows } from './matrix';
import { melFilterbank, MelOptions } from './mel-filterbank';
import { DbOptions, powerToDb } from './power-to-db';
import { powerSpectrogram } from './spectrogram';
import { STFT_DEFAULTS, StftOptions } from './stft';

export type MelSpectrogramOptions = StftOptions & MelOptions;
export type LogMelOptions = MelSpectrogramOptions & DbOptions;

/** [frames][nMels] mel-band power. */
export function melSpectrogram(signal: ArrayLike<number>, options: MelSpectrogramOptions): Float32Array[] {
  const nFft = options.nFft ?? STFT_DEFAULTS.nFft;
  return applyRows(powerSpectrogram(signal, options), melFilterbank({ ...options, nFft }));
}

/** [frames][nMels] mel-band power in dB (power_to_db: ref, amin, topDb). */
export function logMelSpectrogram(signal: ArrayLike<number>, options: LogMelOptions): Float32Array[] {
  const { ref, amin, topDb, ...melOptions } = options;
  return powerToDb(melSpectrogram(signal, melOptions), { ref, amin, topDb });
}
