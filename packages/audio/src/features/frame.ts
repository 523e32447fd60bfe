/**
 * Framing: cutting a signal into overlapping frames of `frameLength` samples every `hop`. With
 * `center` (librosa's default) the signal is padded by frameLength/2 on both sides first, so frame
 * t is centred on sample t·hop: zeros (`padMode: 'constant'`, librosa ≥ 0.10) or the signal
 * mirrored without repeating its edge sample (`'reflect'`, numpy's `np.pad(mode='reflect')`).
 *
 *   frames = 1 + floor((N + 2·pad − frameLength) / hop),  pad = center ? floor(frameLength/2) : 0
 *
 * `frameIndices` is the single description of that layout: the source sample of every frame
 * element, or −1 for a padding zero. `frame` reads signals with it; the in-graph layers gather with it.
 *
 * @example
 * frame(Float32Array.from([1, 2, 3, 4, 5]), 4, 2, { center: false }); // [[1, 2, 3, 4]]
 */
import { stripUndefined } from '@dlkit/core';

export type PadMode = 'constant' | 'reflect';

export interface FrameOptions {
  /** Pad frameLength/2 samples on both sides so frames are centred on t·hop. */
  center?: boolean;
  padMode?: PadMode;
}

export const FRAME_DEFAULTS = { center: true, padMode: 'constant' as PadMode };

/** Number of frames for a signal of `length` samples. */
export function frameCount(length: number, frameLength: number, hop: number, options: FrameOptions = {}): number {
  const { center } = { ...FRAME_DEFAULTS, ...stripUndefined(options) };
  if (!Number.isInteger(frameLength) || frameLength < 1) {
    throw new Error(`frame length should be a positive integer, got ${frameLength}`);
  }
  if (!Number.isInteger(hop) || hop < 1) throw new Error(`hop should be a positive integer, got ${hop}`);
  const padded = length + (center ? 2 * Math.floor(frameLength / 2) : 0);
  if (padded < frameLength) {
    throw new Error(
      `a signal of ${length} samples is shorter than one frame of ${frameLength}${center ? ' (even padded)' : ''}`,
    );
  }
  return 1 + Math.floor((padded - frameLength) / hop);
}

/** numpy's reflect padding: −1 → 1, N → N − 2, repeating for pads longer than the signal. */
function reflect(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  const m = ((i % period) + period) % period;
  return m < n ? m : period - m;
}

/** Source sample of each frame element, row-major [frames, frameLength]; −1 marks a padding zero. */
export function frameIndices(length: number, frameLength: number, hop: number, options: FrameOptions = {}): Int32Array {
  const { center, padMode } = { ...FRAME_DEFAULTS, ...stripUndefined(options) };
  const frames = frameCount(length, frameLength, hop, options);
  const pad = center ? Math.floor(frameLength / 2) : 0;
  const out = new Int32Array(frames * frameLength);
  for (let t = 0; t < frames; t++) {
    for (let k = 0; k < frameLength; k++) {
      const i = t * hop + k - pad;
      out[t * frameLength + k] = i >= 0 && i < length ? i : padMode === 'reflect' ? reflect(i, length) : -1;
    }
  }
  return out;
}

/** The signal's frames, [frames][frameLength]. */
export function frame(
  signal: ArrayLike<number>,
  frameLength: number,
  hop: number,
  options: FrameOptions = {},
): Float32Array[] {
  const idx = frameIndices(signal.length, frameLength, hop, options);
  const frames = idx.length / frameLength;
  return Array.from({ length: frames }, (_, t) => {
    const row = new Float32Array(frameLength);
    for (let k = 0; k < frameLength; k++) {
      const i = idx[t * frameLength + k];
      row[k] = i < 0 ? 0 : signal[i];
    }
    return row;
  });
}
