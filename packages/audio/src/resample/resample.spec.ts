import { powerSpectrogram } from '../features/spectrogram';
import { resample } from './resample';

const sine = (f: number, sr: number, n: number, a = 1) =>
  Float64Array.from({ length: n }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / sr));
const rms = (x: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / (to - from));
};

describe('windowed-sinc resampling', () => {
  it('44.1 kHz → 16 kHz keeps a 440 Hz sine: frequency and amplitude within 1e-3', () => {
    const y = resample(sine(440, 44100, 44100, 0.8), 44100, 16000);
    expect(y).toHaveLength(16000);
    // Away from the edges (where the zeros outside the signal enter the filter), the output is the
    // same sine sampled at 16 kHz: any frequency error would grow linearly with time.
    const expected = sine(440, 16000, 16000, 0.8);
    let maxErr = 0;
    for (let i = 400; i < 15600; i++) maxErr = Math.max(maxErr, Math.abs(y[i] - expected[i]));
    expect(maxErr).toBeLessThan(1e-3);
    // amplitude from the RMS over a whole number of periods: 4400 samples at 16 kHz = 0.275 s = 121 periods of 440 Hz
    expect(Math.abs(rms(y, 1000, 5400) * Math.SQRT2 - 0.8)).toBeLessThan(1e-3);
    // peak bin of a 4096-point spectrum (3.906 Hz per bin): 440 / 3.906 = 112.6 → bin 113
    const mid = powerSpectrogram(y.subarray(6000, 6000 + 4096), { nFft: 4096, center: false })[0];
    expect(mid.indexOf(Math.max(...mid))).toBe(113);
  });

  // The cutoff is 0.94 × 8 kHz = 7.52 kHz and the Kaiser window (β 8.6, 32 zero crossings) leaves
  // the transition band by 8 kHz: tones above it, which would alias back below 8 kHz, measure
  // 97-117 dB down (bench/reference-errors.js); the specs keep a margin.
  it.each([8400, 8800, 10000, 20000])(
    'attenuates a %i Hz tone (above the new 8 kHz Nyquist) by at least 90 dB',
    (f) => {
      const y = resample(sine(f, 44100, 22050), 44100, 16000);
      const attenuation = -20 * Math.log10(rms(y, 400, 7600) / rms(sine(f, 44100, 22050), 0, 22050));
      expect(attenuation).toBeGreaterThan(90);
    },
  );

  it('upsamples 16 kHz → 44.1 kHz and round-trips within 1e-3', () => {
    const x = sine(1000, 16000, 8000, 0.5);
    const back = resample(resample(x, 16000, 44100), 44100, 16000);
    expect(back).toHaveLength(8000);
    let maxErr = 0;
    for (let i = 400; i < 7600; i++) maxErr = Math.max(maxErr, Math.abs(back[i] - x[i]));
    expect(maxErr).toBeLessThan(1e-3);
  });

  it('rejects bad rates by name and copies when the rates are equal', () => {
    expect(() => resample([1, 2], 0, 16000)).toThrow('resample: fromRate should be a positive integer (Hz), got 0');
    expect(() => resample([1, 2], 16000, 8000.5)).toThrow('toRate should be a positive integer');
    expect(Array.from(resample([1, 2], 8000, 8000))).toEqual([1, 2]);
  });
});
