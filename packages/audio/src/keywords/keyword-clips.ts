import { Rng } from '@dlkit/core';
import type { ClipGenerator } from '../speech/clip-generator';
import type { VoiceSpec } from '../speech/speech-synthesizer';
import { KEYWORD_LABELS, UNKNOWN_WORDS } from './keyword-labels';

/** 1 s clips and their class indices (into `labels`). */
export interface KeywordClips {
  clips: Float32Array[];
  labels: Int32Array;
  /** Where each clip came from (a file, or `text@voice+variant`), for error analysis. */
  sources: string[];
}

export interface KeywordClipOptions {
  /** Clips per class. */
  perLabel: number;
  seed: number;
  /** Called after each clip (progress). */
  onClip?: (done: number, total: number) => void;
}

/**
 * A balanced set of generated keyword clips: `perLabel` clips of each keyword, of "unknown" (the
 * Speech Commands auxiliary words) and of "silence" (noise alone), spoken by `voices` in turn
 * (round robin from a seeded start, so every voice speaks every word about equally often).
 * @example
 * const train = await generateKeywordClips(gen, split.train, { perLabel: 200, seed: 1 });
 */
export async function generateKeywordClips(
  gen: ClipGenerator,
  voices: VoiceSpec[],
  o: KeywordClipOptions,
): Promise<KeywordClips> {
  if (voices.length === 0) throw new Error('generateKeywordClips: no voices');
  const rng = new Rng(o.seed);
  const out: KeywordClips = { clips: [], labels: new Int32Array(KEYWORD_LABELS.length * o.perLabel), sources: [] };
  const total = out.labels.length;
  let v = rng.int(voices.length);
  for (const [label, name] of KEYWORD_LABELS.entries()) {
    for (let i = 0; i < o.perLabel; i++) {
      const seed = rng.nextSeed();
      if (name === 'silence') {
        out.clips.push(await gen.noiseOnly(seed));
        out.sources.push('silence');
      } else {
        const text = name === 'unknown' ? UNKNOWN_WORDS[rng.int(UNKNOWN_WORDS.length)] : name;
        const voice = voices[v++ % voices.length];
        out.clips.push(await gen.speech(text, voice, seed));
        out.sources.push(`${text}@${voice.variant ? `${voice.voice}+${voice.variant}` : voice.voice}`);
      }
      out.labels[out.clips.length - 1] = label;
      o.onClip?.(out.clips.length, total);
    }
  }
  return out;
}
