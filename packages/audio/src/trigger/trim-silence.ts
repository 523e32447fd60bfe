/**
 * The part of `x` between the first and the last 10 ms frame whose RMS is within `thresholdDb`
 * of the loudest frame's: synthesized and recorded words carry silence at both ends, and the
 * labels need the moment the word itself ends. A silent input comes back whole.
 * @example
 * const word = trimSilence(spoken, 16000); // a view into `spoken`
 */
export function trimSilence(x: Float32Array, sampleRate: number, thresholdDb = -40): Float32Array {
  const size = Math.max(1, Math.round(0.01 * sampleRate));
  const frames = Math.ceil(x.length / size);
  const energy = new Float64Array(frames);
  let loudest = 0;
  for (let f = 0; f < frames; f++) {
    let s = 0;
    const end = Math.min(x.length, (f + 1) * size);
    for (let i = f * size; i < end; i++) s += x[i] * x[i];
    energy[f] = s / (end - f * size);
    loudest = Math.max(loudest, energy[f]);
  }
  if (loudest === 0) return x;
  const floor = loudest * Math.pow(10, thresholdDb / 10); // energies: dB/10
  let first = 0;
  while (energy[first] < floor) first++;
  let last = frames - 1;
  while (energy[last] < floor) last--;
  return x.subarray(first * size, Math.min(x.length, (last + 1) * size));
}
