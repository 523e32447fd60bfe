import { logMelSpectrogram } from '../features/mel-spectrogram';
import type { TriggerGeometry } from './trigger-geometry';

/**
 * The model's input for one clip: the log-mel spectrogram (dB, librosa's power_to_db with topDb
 * 80) of exactly `g.samples` samples (cut or zero-padded), computed with fft.js, as one
 * `Float32Array` of [frames × nMels] values, frame after frame. Training and serving both call it.
 */
export function triggerFeatures(samples: Float32Array, g: TriggerGeometry): Float32Array {
  const clip = samples.length === g.samples ? samples : fit(samples, g.samples);
  const rows = logMelSpectrogram(clip, { sampleRate: g.sampleRate, nFft: g.nFft, hop: g.hop, nMels: g.nMels });
  if (rows.length !== g.frames) throw new Error(`triggerFeatures: ${rows.length} frames, expected ${g.frames}`);
  const out = new Float32Array(g.frames * g.nMels);
  rows.forEach((row, f) => out.set(row, f * g.nMels));
  return out;
}

function fit(x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n);
  out.set(x.subarray(0, n));
  return out;
}
