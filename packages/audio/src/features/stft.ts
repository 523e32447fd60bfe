/**
 * The short-time Fourier transform of a real signal: frames (frame.ts) × window (window.ts), then
 * the real FFT of `fft.js` for power-of-two sizes, or the DFT basis (dft-basis.ts) as a direct
 * sum for other sizes (Whisper's 400). Computed in float64; bins k = 0..nFft/2 are at k·sr/nFft Hz.
 *
 * @example
 * const { re, im } = stft(samples, { nFft: 512, hop: 160 }); // re[t][k], im[t][k]: frame t, bin k
 */
import { stripUndefined } from '@dlkit/core';
import FFT from 'fft.js';
import { binCount, dftBasis } from './dft-basis';
import { frameCount, FRAME_DEFAULTS, frameIndices, FrameOptions } from './frame';
import { windowFunction, WindowSpec } from './window';

export interface StftOptions extends FrameOptions {
  /** FFT size = frame length (power of two for fft.js; other sizes use a direct DFT). */
  nFft?: number;
  /** Samples between frame starts. */
  hop?: number;
  window?: WindowSpec;
}

export const STFT_DEFAULTS = { ...FRAME_DEFAULTS, nFft: 512, hop: 128, window: 'hann' as WindowSpec };

/** Frames × bins of complex values, as separate real and imaginary parts. */
export interface Stft {
  re: Float64Array[];
  im: Float64Array[];
}

const isPowerOfTwo = (n: number) => n >= 2 && (n & (n - 1)) === 0;

/**
 * Calls `visit(re, im, t)` for each frame t in order, with buffers that are reused between frames
 * (copy what you keep): the spectrogram of a long window without holding every complex frame.
 */
export function forEachStftFrame(
  signal: ArrayLike<number>,
  options: StftOptions,
  visit: (re: Float64Array, im: Float64Array, t: number) => void,
): number {
  const o = { ...STFT_DEFAULTS, ...stripUndefined(options) };
  const { nFft, hop } = o;
  const frames = frameCount(signal.length, nFft, hop, o);
  const idx = frameIndices(signal.length, nFft, hop, o);
  const w = windowFunction(o.window, nFft);
  const bins = binCount(nFft);
  const x = new Float64Array(nFft);
  const re = new Float64Array(bins);
  const im = new Float64Array(bins);
  const transform = isPowerOfTwo(nFft) ? fftTransform(nFft) : directTransform(nFft);
  for (let t = 0; t < frames; t++) {
    for (let j = 0; j < nFft; j++) {
      const i = idx[t * nFft + j];
      x[j] = i < 0 ? 0 : signal[i] * w[j];
    }
    transform(x, re, im);
    visit(re, im, t);
  }
  return frames;
}

export function stft(signal: ArrayLike<number>, options: StftOptions = {}): Stft {
  const out: Stft = { re: [], im: [] };
  forEachStftFrame(signal, options, (re, im) => {
    out.re.push(re.slice());
    out.im.push(im.slice());
  });
  return out;
}

type Transform = (x: Float64Array, re: Float64Array, im: Float64Array) => void;

function fftTransform(n: number): Transform {
  const fft = new FFT(n);
  const out = new Float64Array(2 * n);
  return (x, re, im) => {
    fft.realTransform(out, x);
    for (let k = 0; k < re.length; k++) {
      re[k] = out[2 * k];
      im[k] = out[2 * k + 1];
    }
  };
}

/** O(n · bins) DFT with an unwindowed basis (the window is already applied to x). */
function directTransform(n: number): Transform {
  const bins = binCount(n);
  const basis = dftBasis(n, new Float64Array(n).fill(1));
  return (x, re, im) => {
    re.fill(0);
    im.fill(0);
    for (let j = 0; j < n; j++) {
      const xj = x[j];
      if (xj === 0) continue;
      const row = j * 2 * bins;
      for (let k = 0; k < bins; k++) {
        re[k] += xj * basis[row + k];
        im[k] += xj * basis[row + bins + k];
      }
    }
  };
}
