/**
 * A small additive synthesiser, so a generated melody can be heard without a MIDI player:
 * each note is a sum of sine harmonics (a soft, reedy tone) shaped by an ADSR envelope, mixed
 * into a mono buffer, peak-normalised below full scale and written as 16-bit PCM WAV with
 * `wavefile`.
 *
 *   tone(t)   = sum_k a_k sin(2π k f t),  a = [1, 0.5, 0.25, 0.12]   (f: equal temperament, A4 = 440 Hz)
 *   envelope  = attack 10 ms → decay 80 ms to sustain 0.7 → release 80 ms after the note ends
 *
 * @example
 * fs.writeFileSync('melody.wav', melodyToWav(melody)); // 22.05 kHz, 16-bit mono
 */
import { WaveFile } from 'wavefile';
import { Melody, midiToHz, STEPS_PER_QUARTER } from './events';

export interface SynthOptions {
  /** Samples per second. */
  sampleRate?: number;
  /** Peak level after normalisation, as a fraction of full scale (< 1 so nothing clips). */
  peak?: number;
}

export const SYNTH_DEFAULTS = { sampleRate: 22050, peak: 0.8 };

const HARMONICS = [1, 0.5, 0.25, 0.12];
const ATTACK = 0.01;
const DECAY = 0.08;
const SUSTAIN = 0.7;
const RELEASE = 0.08;

/** Seconds of one grid step at the melody's tempo. */
export function secondsPerStep(tempo: number): number {
  return 60 / tempo / STEPS_PER_QUARTER;
}

/** The melody as float samples in [-peak, peak]: its length is the melody's duration plus one release. */
export function synthesizeMelody(melody: Melody, options: SynthOptions = {}): Float32Array {
  const { sampleRate, peak } = { ...SYNTH_DEFAULTS, ...options };
  const stepSeconds = secondsPerStep(melody.tempo);
  const totalSteps = melody.events.reduce((s, e) => s + e.steps, 0);
  const out = new Float32Array(Math.ceil((totalSteps * stepSeconds + RELEASE) * sampleRate));
  const norm = HARMONICS.reduce((a, b) => a + b, 0);
  let step = 0;
  for (const e of melody.events) {
    if (e.pitch !== null) {
      const f = midiToHz(e.pitch);
      const start = Math.round(step * stepSeconds * sampleRate);
      const held = e.steps * stepSeconds;
      const n = Math.min(out.length - start, Math.round((held + RELEASE) * sampleRate));
      for (let i = 0; i < n; i++) {
        const t = i / sampleRate;
        let s = 0;
        for (let k = 0; k < HARMONICS.length; k++) {
          if ((k + 1) * f < sampleRate / 2) s += HARMONICS[k] * Math.sin(2 * Math.PI * (k + 1) * f * t); // no aliasing
        }
        out[start + i] += (envelope(t, held) * s) / norm;
      }
    }
    step += e.steps;
  }
  let max = 0;
  for (const v of out) max = Math.max(max, Math.abs(v));
  if (max > 0) for (let i = 0; i < out.length; i++) out[i] *= peak / max;
  return out;
}

/** The melody as WAV file bytes (mono, 16-bit PCM). */
export function melodyToWav(melody: Melody, options: SynthOptions = {}): Uint8Array {
  const sampleRate = options.sampleRate ?? SYNTH_DEFAULTS.sampleRate;
  const samples = synthesizeMelody(melody, options);
  const pcm = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) pcm[i] = Math.round(samples[i] * 32767);
  const wav = new WaveFile();
  wav.fromScratch(1, sampleRate, '16', pcm);
  return wav.toBuffer();
}

/** ADSR gain at time t (s) of a note held for `held` seconds. */
function envelope(t: number, held: number): number {
  const level = (u: number) =>
    u < ATTACK ? u / ATTACK : u < ATTACK + DECAY ? 1 - ((1 - SUSTAIN) * (u - ATTACK)) / DECAY : SUSTAIN;
  if (t < held) return level(t);
  return Math.max(0, level(held) * (1 - (t - held) / RELEASE));
}
