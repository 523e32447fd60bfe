/**
 * Signals with known content, for tests, examples and pictures: a sine (its spectrum is one bin),
 * and a melody from @dlkit/sequence's public-domain tunes through its additive synthesiser
 * (harmonics 1-4 of each note, so a spectrogram shows stacked partials moving in steps).
 *
 * @example
 * const tone = sineWave(440, 1, 16000);            // 1 s of A4 at 16 kHz
 * const tune = melodySignal('amazing-grace', 16000); // Float32Array, ~40 s
 */
import { synthesizeMelody, tuneMelody, TUNES } from '@dlkit/sequence';

/** `seconds` of amplitude·sin(2π f t) at `sampleRate`. */
export function sineWave(frequency: number, seconds: number, sampleRate: number, amplitude = 1): Float32Array {
  const n = Math.round(seconds * sampleRate);
  return Float32Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
}

/** Ids of the tunes `melodySignal` can play. */
export function melodyIds(): string[] {
  return TUNES.map((t) => t.id);
}

/** A tune of @dlkit/sequence's corpus synthesised at `sampleRate` (peak 0.8), optionally cut to `seconds`. */
export function melodySignal(id: string, sampleRate: number, seconds?: number): Float32Array {
  const tune = TUNES.find((t) => t.id === id);
  if (!tune) throw new Error(`unknown tune '${id}'; expected one of ${melodyIds().join(', ')}`);
  const samples = synthesizeMelody(tuneMelody(tune), { sampleRate });
  return seconds === undefined ? samples : samples.subarray(0, Math.round(seconds * sampleRate));
}
