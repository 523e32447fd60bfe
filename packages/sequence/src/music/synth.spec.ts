// The WAV synthesiser: right length, no clipping, and each note sounds at its pitch.
import { WaveFile } from 'wavefile';
import { midiToHz, type Melody } from './events';
import { melodyToWav, secondsPerStep, synthesizeMelody } from './synth';

/**
 * The strongest frequency (1 Hz resolution, 50-2000 Hz) of a stretch of samples: the DFT power
 * |sum_n x_n e^(-iwn)|^2 at each frequency, computed with the Goertzel recurrence.
 */
function dominantHz(x: ArrayLike<number>, sampleRate: number): number {
  let best = 0;
  let bestPower = -1;
  for (let f = 50; f <= 2000; f++) {
    const coeff = 2 * Math.cos((2 * Math.PI * f) / sampleRate);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < x.length; i++) {
      const s0 = x[i] + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    if (power > bestPower) [best, bestPower] = [f, power];
  }
  return best;
}

// 120 bpm: a quarter (4 steps) lasts 0.5 s. A4 quarter, eighth rest, E5 half, C4 eighth.
const melody: Melody = {
  title: 't',
  tempo: 120,
  events: [
    { pitch: 69, steps: 4 },
    { pitch: null, steps: 2 },
    { pitch: 76, steps: 8 },
    { pitch: 60, steps: 2 },
  ],
};

describe('melodyToWav', () => {
  const bytes = melodyToWav(melody);
  const wav = new WaveFile(bytes);
  const fmt = wav.fmt as { sampleRate: number; bitsPerSample: number; numChannels: number };
  const samples = wav.getSamples(false, Float64Array) as unknown as Float64Array;

  it('is 16-bit mono PCM at 22.05 kHz lasting the melody plus the release', () => {
    expect([fmt.sampleRate, fmt.bitsPerSample, fmt.numChannels]).toEqual([22050, 16, 1]);
    expect(secondsPerStep(120)).toBe(0.125);
    // 16 steps * 0.125 s = 2 s, plus the 80 ms release of the last note.
    expect(samples.length / 22050).toBeCloseTo(2.08, 3);
  });

  it('peaks at 80% of full scale: loud enough, never clipping', () => {
    let peak = 0;
    for (const s of samples) peak = Math.max(peak, Math.abs(s));
    expect(peak / 32767).toBeCloseTo(0.8, 3);
  });

  it('sounds each note at its pitch, and is silent in the rest', () => {
    const at = (t0: number, t1: number) => samples.slice(Math.round(t0 * 22050), Math.round(t1 * 22050));
    expect(midiToHz(69)).toBe(440);
    expect(dominantHz(at(0.1, 0.4), 22050)).toBe(440); // A4
    expect(Math.abs(dominantHz(at(0.9, 1.5), 22050) - midiToHz(76))).toBeLessThanOrEqual(1); // E5 659.26 Hz
    expect(Math.abs(dominantHz(at(1.76, 1.99), 22050) - midiToHz(60))).toBeLessThanOrEqual(2); // C4 261.63 Hz
    const rest = at(0.6, 0.74); // after A4's 80 ms release, before E5 at 0.75 s
    expect(Math.max(...rest.map(Math.abs))).toBe(0);
  });

  it('has a smooth attack rather than a click', () => {
    const x = synthesizeMelody(melody);
    // The first 1 ms (attack is 10 ms) stays below 15% of the peak.
    expect(Math.max(...Array.from(x.subarray(0, 22), Math.abs))).toBeLessThan(0.15 * 0.8);
  });
});
