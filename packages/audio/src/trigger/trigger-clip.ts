import { Rng } from '@dlkit/core';
import { rms } from '../speech/noise';

/** Where the words and the background of generated clips come from (synthesized speech, or folders of WAVs). */
export interface TriggerSource {
  /** One trigger word at the clip rate, silence trimmed. */
  positive(rng: Rng): Promise<Float32Array>;
  /** One other word at the clip rate, silence trimmed, and what it is (a word or a file). */
  negative(rng: Rng): Promise<{ samples: Float32Array; label: string }>;
  /** Unit-RMS background noise, `length` samples. */
  background(rng: Rng, length: number): Promise<Float32Array>;
}

/** A word inserted into a clip. */
export interface PlacedWord {
  label: string;
  trigger: boolean;
  /** Seconds from the clip start. */
  start: number;
  end: number;
}

export interface TriggerClip {
  samples: Float32Array;
  /** End times (s) of the trigger words, increasing. */
  triggerEnds: number[];
  words: PlacedWord[];
}

/** How clips vary; `[low, high]` ranges are drawn uniformly per clip (counts: integers, inclusive). */
export interface TriggerClipOptions {
  sampleRate: number;
  clipSeconds: number;
  /** Trigger words per clip. */
  positives?: [number, number];
  /** Other words per clip. */
  negatives?: [number, number];
  /** Speech level against the background, dB. */
  snrDb?: [number, number];
  /** The clip's speech level, dB relative to 0.1 RMS. */
  levelDb?: [number, number];
  /** Each word's level around the clip's, ± dB. */
  wordJitterDb?: number;
  /** A trigger word ends at least this long before the clip does, so its 0.5 s evaluation window fits (s). */
  endMarginSeconds?: number;
  /** Silence kept between words (s). */
  gapSeconds?: number;
}

/**
 * The course's mix: 0-4 "activate" and 0-2 other words in 10 s of background. SNR and levels as
 * the keyword clips (ClipGenerator's 5-30 dB, gains −12…0 dB).
 */
export const TRIGGER_CLIP_DEFAULTS = {
  positives: [0, 4],
  negatives: [0, 2],
  snrDb: [5, 30],
  levelDb: [-12, 0],
  wordJitterDb: 3,
  endMarginSeconds: 0.5,
  gapSeconds: 0.05,
} satisfies Partial<TriggerClipOptions>;

/** Tries per word to find a free place before giving the word up. */
const PLACEMENT_TRIES = 100;

/**
 * One clip: background at unit RMS, trigger and other words at random non-overlapping positions
 * (tried in random order; a word that finds no free place after 100 draws is left out), each word
 * scaled to 0.1 RMS × its level, the background scaled to the clip's SNR against that level. Every
 * draw comes from `seed`.
 * @example
 * const clip = await composeTriggerClip(source, 7, { sampleRate: 16000, clipSeconds: 10 });
 * clip.triggerEnds; // e.g. [2.41, 6.93]: what triggerLabels takes
 */
export async function composeTriggerClip(
  source: TriggerSource,
  seed: number,
  options: TriggerClipOptions,
): Promise<TriggerClip> {
  const o = { ...TRIGGER_CLIP_DEFAULTS, ...options };
  const rng = new Rng(seed);
  const length = Math.round(o.sampleRate * o.clipSeconds);
  const count = ([low, high]: [number, number]) => low + rng.int(high - low + 1);
  const level = draw(rng, o.levelDb);
  const snr = draw(rng, o.snrDb);
  const words: { samples: Float32Array; label: string; trigger: boolean }[] = [];
  for (let i = count(o.positives); i > 0; i--)
    words.push({ samples: await source.positive(rng), label: 'trigger', trigger: true });
  for (let i = count(o.negatives); i > 0; i--) words.push({ ...(await source.negative(rng)), trigger: false });
  const out = Float32Array.from(await source.background(rng, length));
  const speechRms = 0.1 * Math.pow(10, level / 20);
  const noiseGain = speechRms / Math.pow(10, snr / 20);
  for (let i = 0; i < out.length; i++) out[i] *= noiseGain;

  const placed: PlacedWord[] = [];
  const spans: [number, number][] = []; // the placed words in samples
  const gap = Math.round(o.gapSeconds * o.sampleRate);
  for (const k of rng.permutation(words.length)) {
    const w = words[k];
    const limit = w.trigger ? length - Math.round(o.endMarginSeconds * o.sampleRate) : length;
    const n = w.samples.length;
    if (n === 0 || n > limit) continue;
    for (let attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
      const start = rng.int(limit - n + 1);
      if (!spans.every(([a, b]) => start + n + gap <= a || start >= b + gap)) continue;
      const gain =
        (speechRms * Math.pow(10, draw(rng, [-o.wordJitterDb, o.wordJitterDb]) / 20)) / (rms(w.samples) || 1);
      for (let i = 0; i < n; i++) out[start + i] += gain * w.samples[i];
      spans.push([start, start + n]);
      placed.push({ label: w.label, trigger: w.trigger, start: start / o.sampleRate, end: (start + n) / o.sampleRate });
      break;
    }
  }
  placed.sort((a, b) => a.start - b.start);
  return { samples: out, triggerEnds: placed.filter((p) => p.trigger).map((p) => p.end), words: placed };
}

function draw(rng: Rng, [low, high]: [number, number]): number {
  return low === high ? low : rng.range(low, high);
}
