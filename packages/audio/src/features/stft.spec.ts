import { binCount } from './dft-basis';
import { frame, frameCount, frameIndices } from './frame';
import { magnitudeSpectrogram, powerSpectrogram } from './spectrogram';
import { stft } from './stft';
import { hammingWindow, hannWindow, kaiserWindow, windowFunction } from './window';

const sine = (f: number, sr: number, n: number, a = 1) =>
  Float32Array.from({ length: n }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / sr));

/** Seeded uniform noise in [-1, 1) (mulberry32). */
function noise(n: number, seed = 1): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  });
}

describe('frames and windows', () => {
  it('centres frames with zero or reflect padding (numpy np.pad modes)', () => {
    const x = Float32Array.from([1, 2, 3, 4, 5]);
    // pad 2 each side: constant 0 0 | 1 2 3 4 5 | 0 0, reflect 3 2 | 1 2 3 4 5 | 4 3
    expect(frame(x, 4, 2).map((f) => Array.from(f))).toEqual([
      [0, 0, 1, 2],
      [1, 2, 3, 4],
      [3, 4, 5, 0],
    ]);
    expect(frame(x, 4, 2, { padMode: 'reflect' }).map((f) => Array.from(f))).toEqual([
      [3, 2, 1, 2],
      [1, 2, 3, 4],
      [3, 4, 5, 4],
    ]);
    expect(frame(x, 4, 2, { center: false }).map((f) => Array.from(f))).toEqual([[1, 2, 3, 4]]);
    expect(Array.from(frameIndices(2, 8, 8, { padMode: 'reflect' }))).toEqual([0, 1, 0, 1, 0, 1, 0, 1]); // reflect repeats
    expect(frameCount(16000, 400, 160, { center: false })).toBe(98); // 1 + floor((16000 - 400) / 160)
    expect(() => frame(x, 8, 2, { center: false })).toThrow('a signal of 5 samples is shorter than one frame of 8');
    expect(() => frame(x, 4, 0)).toThrow('hop should be a positive integer, got 0');
  });

  it('windows: periodic Hann and Hamming, symmetric variants, Kaiser', () => {
    const h = hannWindow(8); // 0.5 - 0.5 cos(2πi/8)
    expect(h[0]).toBe(0);
    expect(h[4]).toBeCloseTo(1, 15);
    expect(h[2]).toBeCloseTo(0.5, 15);
    expect(hannWindow(5, { periodic: false })[4]).toBeCloseTo(0, 15);
    expect(hammingWindow(8)[0]).toBeCloseTo(0.08, 15);
    const k = kaiserWindow(9, 8.6);
    expect(k[4]).toBe(1);
    expect(k[0]).toBeCloseTo(1 / 754.88, 4); // 1 / I0(8.6), I0(8.6) ≈ 754.88
    expect(() => windowFunction([1, 2], 4)).toThrow('window has 2 values, expected the frame length 4');
  });
});

describe('STFT', () => {
  it('puts a pure tone in its bin: |X_k0| = A·N/4, |X_k0±1| = A·N/8, elsewhere 0', () => {
    // sr 16 kHz, N = 512: bin k is k·31.25 Hz, so 1000 Hz is exactly bin 32. For x_n = A sin(2π k0 n / N)
    // and the periodic Hann window w_n = 1/2 − 1/4 e^(2πin/N) − 1/4 e^(−2πin/N), the DFT of w·x is
    // A/(2i) [W(k − k0) − W(k + k0)] with W(0) = N/2, W(±1) = −N/4 and W = 0 elsewhere; so
    // |X_32| = A·N/4 = 64 for A = 0.5, |X_31| = |X_33| = A·N/8 = 32, and every other bin is 0.
    const mag = magnitudeSpectrogram(sine(1000, 16000, 4096, 0.5), { nFft: 512, hop: 256, center: false });
    for (const row of mag) {
      expect(row).toHaveLength(257);
      expect(row[32]).toBeCloseTo(64, 4);
      expect(row[31]).toBeCloseTo(32, 4);
      expect(row[33]).toBeCloseTo(32, 4);
      const rest = Array.from(row).filter((_, k) => k < 31 || k > 33);
      expect(Math.max(...rest)).toBeLessThan(1e-3);
    }
  });

  test.each([512, 400])('Parseval holds for nFft %i: Σ x² = (1/N)(|X_0|² + 2 Σ_{0<k<N/2} |X_k|² + |X_{N/2}|²)', (n) => {
    // With a rectangular window the DFT is unitary up to 1/N; a real signal's spectrum is
    // conjugate-symmetric, so the one-sided bins 1..N/2−1 count twice (N even: N/2 once).
    const x = noise(n * 4, n);
    const ones = new Float64Array(n).fill(1);
    const power = powerSpectrogram(x, { nFft: n, hop: n, center: false, window: ones });
    expect(power).toHaveLength(4);
    power.forEach((row, t) => {
      let time = 0;
      for (let i = t * n; i < (t + 1) * n; i++) time += x[i] * x[i];
      let freq = row[0] + row[n / 2];
      for (let k = 1; k < n / 2; k++) freq += 2 * row[k];
      expect(Math.abs(freq / n - time) / time).toBeLessThan(1e-6);
    });
  });

  it('fft.js matches the DFT definition X_k = Σ w_j x_j e^(−2πi jk/N)', () => {
    const x = noise(2048, 7);
    const a = stft(x, { nFft: 256, hop: 100 });
    const w = hannWindow(256);
    const t = 3;
    const frameT = frame(x, 256, 100)[t];
    for (const k of [0, 1, 17, 128]) {
      let re = 0;
      let im = 0;
      for (let j = 0; j < 256; j++) {
        re += w[j] * frameT[j] * Math.cos((2 * Math.PI * j * k) / 256);
        im -= w[j] * frameT[j] * Math.sin((2 * Math.PI * j * k) / 256);
      }
      expect(a.re[t][k]).toBeCloseTo(re, 9);
      expect(a.im[t][k]).toBeCloseTo(im, 9);
    }
    expect(binCount(400)).toBe(201);
  });
});
