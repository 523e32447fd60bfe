/**
 * The chime the course plays where the trigger word was heard, generated here instead of read
 * from a file: a small bell, three inharmonic partials (1, 2.76 and 5.4 times the fundamental:
 * the lowest modes of a free bar, as in a glockenspiel) with exponential decays, higher partials
 * dying faster, and a 5 ms attack so it starts without a click.
 */

export interface ChimeOptions {
  /** Fundamental frequency (Hz). */
  frequency?: number;
  seconds?: number;
  /** Peak amplitude (of [-1, 1]). */
  amplitude?: number;
}

export const CHIME_DEFAULTS = { frequency: 1046.5, seconds: 0.4, amplitude: 0.5 } satisfies ChimeOptions; // C6

const PARTIALS = [
  { ratio: 1, gain: 1, decay: 6 },
  { ratio: 2.76, gain: 0.4, decay: 12 },
  { ratio: 5.4, gain: 0.2, decay: 20 },
];

/**
 * The chime's samples at `sampleRate` (peak `amplitude`).
 * @example
 * const ding = chimeTone(16000); // Float32Array(6400): 0.4 s
 */
export function chimeTone(sampleRate: number, options: ChimeOptions = {}): Float32Array {
  const o = { ...CHIME_DEFAULTS, ...options };
  const n = Math.round(o.seconds * sampleRate);
  const out = new Float32Array(n);
  const attack = 0.005 * sampleRate;
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    let v = 0;
    for (const p of PARTIALS) {
      const f = p.ratio * o.frequency;
      if (f < sampleRate / 2) v += p.gain * Math.exp(-p.decay * t) * Math.sin(2 * Math.PI * f * t);
    }
    out[i] = v * Math.min(1, i / attack);
    peak = Math.max(peak, Math.abs(out[i]));
  }
  if (peak > 0) for (let i = 0; i < n; i++) out[i] *= o.amplitude / peak;
  return out;
}

/**
 * `channels` with the chime added (mixed, then clipped to [-1, 1]) at each time in `times` (s);
 * new arrays, the input is kept. A chime running past the end is cut.
 * @example
 * const [chimed] = insertChimes([speech], 16000, [2.31, 7.05]);
 */
export function insertChimes(
  channels: readonly Float32Array[],
  sampleRate: number,
  times: readonly number[],
  options: ChimeOptions = {},
): Float32Array[] {
  const ding = chimeTone(sampleRate, options);
  return channels.map((channel) => {
    const out = Float32Array.from(channel);
    for (const t of times) {
      const start = Math.round(t * sampleRate);
      for (let i = Math.max(0, -start); i < ding.length && start + i < out.length; i++) {
        out[start + i] = Math.max(-1, Math.min(1, out[start + i] + ding[i]));
      }
    }
    return out;
  });
}
