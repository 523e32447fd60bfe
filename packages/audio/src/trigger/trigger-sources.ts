import * as fs from 'fs';
import * as path from 'path';
import { Rng } from '@dlkit/core';
import { readWav, toMono } from '../io/read-wav';
import { KEYWORDS, UNKNOWN_WORDS } from '../keywords/keyword-labels';
import { resample } from '../resample/resample';
import type { ClipGenerator } from '../speech/clip-generator';
import { normalizeRms } from '../speech/noise';
import { voiceName, type VoiceSpec } from '../speech/speech-synthesizer';
import type { TriggerSource } from './trigger-clip';
import { trimSilence } from './trim-silence';

/** The course's trigger word. */
export const TRIGGER_WORD = 'activate';

/**
 * Words spoken as negatives: Speech Commands' keywords and auxiliary words, and words that share
 * sounds with "activate" (the hard negatives a user would say near the device).
 */
export const TRIGGER_NEGATIVE_WORDS: readonly string[] = [
  ...KEYWORDS,
  ...UNKNOWN_WORDS,
  'active', 'activity', 'actor', 'captivate', 'motivate', 'cultivate', 'navigate', 'elevate',
  'estimate', 'vacation', 'alligator', 'actually', 'attitude', 'cabbage', 'tomato', 'calculate',
]; // prettier-ignore

/** A mono file at `sampleRate` (resampled when needed); a bad file throws audio's WavError naming it. */
export function readMonoAt(file: string, sampleRate: number): Float32Array {
  const wav = readWav(file);
  const mono = toMono(wav);
  return wav.sampleRate === sampleRate ? mono : resample(mono, wav.sampleRate, sampleRate);
}

/**
 * Words spoken by a synthesizer through a ClipGenerator (drawn rate, pitch and speed per word),
 * in voices drawn from `voices`; the generator's noise (white, pink, brown, or babble spoken by
 * its `babbleVoices`) as background, so its clipSeconds must be the clip length.
 * @example
 * const source = synthesizedTriggerSource(new ClipGenerator(tts, { clipSeconds: 10, babbleVoices: split.train }), split.train);
 */
export function synthesizedTriggerSource(
  gen: ClipGenerator,
  voices: readonly VoiceSpec[],
  words: { trigger?: string; negatives?: readonly string[] } = {},
): TriggerSource {
  if (voices.length === 0) throw new Error('synthesizedTriggerSource: no voices');
  const trigger = words.trigger ?? TRIGGER_WORD;
  const negatives = words.negatives ?? TRIGGER_NEGATIVE_WORDS;
  const rate = gen.options.sampleRate;
  const say = async (text: string, rng: Rng) =>
    trimSilence(await gen.utterance(text, voices[rng.int(voices.length)], rng), rate);
  return {
    positive: (rng) => say(trigger, rng),
    negative: async (rng) => {
      const voice = voices[rng.int(voices.length)];
      const text = negatives[rng.int(negatives.length)];
      return {
        samples: trimSilence(await gen.utterance(text, voice, rng), rate),
        label: `${text}@${voiceName(voice)}`,
      };
    },
    background: async (rng, length) => {
      if (length !== gen.length)
        throw new Error(`synthesizedTriggerSource: the generator makes ${gen.length} samples of noise, not ${length}`);
      return gen.noise(rng);
    },
  };
}

/** The WAV files of a folder, sorted; errors name the folder and what it should hold. */
export function listWavFiles(dir: string, what: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new Error(`${dir}: not a directory, expected a folder of ${what}`);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.wav'))
    .sort()
    .map((f) => path.join(dir, f));
  if (files.length === 0) throw new Error(`${dir}: no .wav files, expected a folder of ${what}`);
  return files;
}

/** WAV files for each role of a folder-based TriggerSource. */
export interface TriggerFiles {
  /** Clips of the trigger word (one word per file; silence around it is trimmed). */
  positives: string[];
  /** Clips of other words. */
  negatives: string[];
  /** Background recordings of any length (10 s excerpts are drawn from them). */
  background: string[];
}

/**
 * Words and background read from WAV files (any rate, depth and channel count; resampled to
 * `sampleRate`, read once and kept). Backgrounds give a random excerpt of the clip length, tiled
 * when the file is shorter, at unit RMS.
 */
export function folderTriggerSource(files: TriggerFiles, sampleRate: number): TriggerSource {
  const cache = new Map<string, Float32Array>();
  const read = (file: string, trim: boolean) => {
    if (!cache.has(file)) {
      const x = readMonoAt(file, sampleRate);
      cache.set(file, trim ? trimSilence(x, sampleRate) : x);
    }
    return cache.get(file) as Float32Array;
  };
  const pick = (list: string[], rng: Rng) => list[rng.int(list.length)];
  return {
    positive: async (rng) => read(pick(files.positives, rng), true),
    negative: async (rng) => {
      const file = pick(files.negatives, rng);
      return { samples: read(file, true), label: path.basename(file) };
    },
    background: async (rng, length) => {
      const file = pick(files.background, rng);
      const x = read(file, false);
      const out = new Float32Array(length);
      if (x.length === 0) return out;
      const offset = rng.int(x.length);
      for (let i = 0; i < length; i++) out[i] = x[(offset + i) % x.length];
      return normalizeRms(out);
    },
  };
}
