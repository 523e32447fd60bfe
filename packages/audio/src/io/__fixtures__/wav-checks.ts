/** Helpers shared by the WAV specs (unit and e2e). */
import { readWav, toMono } from '../read-wav';
import { WavReader } from '../wav-reader';

/** A deterministic test signal in [-1, 1): a sine plus a small ramp, starting at -1. */
export function signal(n: number, phase = 0): Float32Array {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = 0.9 * Math.sin(0.01 * i + phase) + 0.05 * ((i % 7) / 7);
  x[0] = -1;
  return x;
}

export function maxDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Every `WavReader` window of `file` equals the same slice of `readWav` (mono, zero-padded); returns the count. */
export function expectWindowsMatchWholeRead(file: string, sizeSeconds: number, hopSeconds: number): number {
  const whole = toMono(readWav(file));
  const reader = WavReader.open(file);
  try {
    const size = Math.round(sizeSeconds * reader.sampleRate);
    const hop = Math.round(hopSeconds * reader.sampleRate);
    let count = 0;
    for (const win of reader.windows(sizeSeconds, hopSeconds)) {
      const expected = new Float32Array(size);
      expected.set(whole.subarray(win.startFrame, win.startFrame + size));
      if (win.startFrame !== count * hop) throw new Error(`window ${count} starts at ${win.startFrame}`);
      const d = maxDiff(win.samples, expected);
      if (d > 1e-7) throw new Error(`window ${count} differs from the whole-file read by ${d}`);
      count++;
    }
    if (count !== Math.ceil(whole.length / hop)) throw new Error(`${count} windows for ${whole.length} frames`);
    return count;
  } finally {
    reader.close();
  }
}
