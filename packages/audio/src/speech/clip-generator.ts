import { Rng } from '@dlkit/core';
import { resample } from '../resample/resample';
import { babbleNoise } from './babble';
import { coloredNoise, type NoiseColor } from './noise';
import { applyGainDb, placeInWindow, speedPerturb } from './perturb';
import { mixAtSnr } from './snr';
import type { SpeechSynthesizer, VoiceSpec } from './speech-synthesizer';

export type NoiseKind = NoiseColor | 'babble';

/** How clips vary; `[low, high]` ranges are drawn uniformly per clip. */
export interface ClipGeneratorOptions {
  /** Output rate of every clip (Hz). */
  sampleRate?: number;
  /** Clip length in seconds. */
  clipSeconds?: number;
  /** Engine rates (eSpeak: words per minute). */
  rate?: [number, number];
  /** Engine pitches (eSpeak: 0-100). */
  pitch?: [number, number];
  /** Speed perturbation factors (tempo and pitch together). */
  speed?: [number, number];
  /** Gain in dB applied to the speech before mixing. */
  gainDb?: [number, number];
  /** Signal-to-noise ratios in dB. */
  snrDb?: [number, number];
  /** Noise kinds, one drawn per clip. */
  noise?: NoiseKind[];
  /** Sentences whose overlapping speech makes babble. */
  babbleTexts?: string[];
  /** Voices that speak the babble (use the training voices for training clips). */
  babbleVoices?: VoiceSpec[];
  /** Overlapping talkers in babble. */
  babbleTalkers?: number;
}

export const CLIP_GENERATOR_DEFAULTS = {
  sampleRate: 16000,
  clipSeconds: 1,
  rate: [130, 210],
  pitch: [25, 75],
  speed: [0.9, 1.1],
  gainDb: [-12, 0],
  snrDb: [5, 30],
  noise: ['white', 'pink', 'brown', 'babble'],
  babbleTexts: [
    'the quick brown fox jumps over the lazy dog',
    'she sells sea shells by the sea shore',
    'a journey of a thousand miles begins with a single step',
    'all that glitters is not gold',
    'the rain in spain stays mainly in the plain',
    'early to bed and early to rise',
  ],
  babbleTalkers: 6,
} satisfies ClipGeneratorOptions;

/**
 * Makes fixed-length training clips from a speech synthesizer: a word or sentence in a given voice
 * at a random rate and pitch, speed-perturbed, resampled to `sampleRate`, given a random gain,
 * placed at a random time shift, and mixed with white, pink, brown or babble noise at a random SNR.
 * Every draw comes from the clip's seed, so a seed names one clip; wrap the synthesizer in a
 * CachedSynthesizer to make reruns read the speech from disk.
 * @example
 * const gen = new ClipGenerator(new CachedSynthesizer(engine, 'cache'), { babbleVoices: split.train });
 * const clip = await gen.speech('yes', { voice: 'en-us', variant: 'f2' }, 42); // Float32Array(16000)
 * const quiet = await gen.noiseOnly(43);                                       // a "silence" clip
 */
export class ClipGenerator {
  readonly options: Required<Omit<ClipGeneratorOptions, 'babbleVoices'>> & { babbleVoices: VoiceSpec[] };

  /** Babble sentences at the clip rate, by text and voice (a few dozen, reused by every clip). */
  private readonly babbleClips = new Map<string, Float32Array>();

  constructor(
    readonly synthesizer: SpeechSynthesizer,
    options: ClipGeneratorOptions = {},
  ) {
    this.options = { ...CLIP_GENERATOR_DEFAULTS, babbleVoices: [], ...options };
  }

  get length(): number {
    return Math.round(this.options.sampleRate * this.options.clipSeconds);
  }

  /** The speech of `text` in `voice` at a drawn rate and pitch, resampled to the clip rate and speed-perturbed. */
  async utterance(text: string, voice: VoiceSpec, rng: Rng): Promise<Float32Array> {
    const o = this.options;
    // rate and pitch on a grid of 10 so that the cache is reused; speed perturbation varies continuously
    const spoken = { ...voice, rate: round10(draw(rng, o.rate)), pitch: round10(draw(rng, o.pitch)) };
    return speedPerturb(await this.spoken(text, spoken), draw(rng, o.speed));
  }

  /** The synthesizer's speech at the clip rate. */
  private async spoken(text: string, voice: VoiceSpec): Promise<Float32Array> {
    const { samples, sampleRate } = await this.synthesizer.speak(text, voice);
    return sampleRate === this.options.sampleRate ? samples : resample(samples, sampleRate, this.options.sampleRate);
  }

  /** One clip of `text` spoken in `voice`, perturbed and mixed with noise (all drawn from `seed`). */
  async speech(text: string, voice: VoiceSpec, seed: number): Promise<Float32Array> {
    const rng = new Rng(seed);
    const o = this.options;
    const speech = applyGainDb(await this.utterance(text, voice, rng), draw(rng, o.gainDb));
    // a shift that keeps the word inside the clip when it fits, else a random cut of it
    const slack = this.length - speech.length;
    const offset = slack >= 0 ? rng.int(slack + 1) : -rng.int(-slack + 1);
    const placed = placeInWindow(speech, this.length, offset);
    return mixAtSnr(placed, await this.noise(rng), draw(rng, o.snrDb));
  }

  /** A clip of noise alone (a "silence" example), at a random level from 0.001 to 0.1 RMS. */
  async noiseOnly(seed: number): Promise<Float32Array> {
    const rng = new Rng(seed);
    const noise = await this.noise(rng);
    return applyGainDb(noise, draw(rng, [-60, -20]));
  }

  /** Unit-RMS noise of one drawn kind, the clip's length. */
  async noise(rng: Rng): Promise<Float32Array> {
    const o = this.options;
    const kinds = o.babbleVoices.length ? o.noise : o.noise.filter((k) => k !== 'babble');
    const kind = kinds[rng.int(kinds.length)];
    const seed = rng.nextSeed();
    if (kind !== 'babble') return coloredNoise(kind, this.length, seed);
    const clips: Float32Array[] = [];
    for (let t = 0; t < o.babbleTalkers; t++) {
      const text = o.babbleTexts[rng.int(o.babbleTexts.length)];
      // each voice's own rate and pitch: a small set of sentences that the cache keeps
      const voice = o.babbleVoices[rng.int(o.babbleVoices.length)];
      const key = JSON.stringify([text, voice]);
      if (!this.babbleClips.has(key)) this.babbleClips.set(key, await this.spoken(text, voice));
      clips.push(this.babbleClips.get(key) as Float32Array);
    }
    return babbleNoise(clips, this.length, { talkers: o.babbleTalkers, seed });
  }
}

const round10 = (x: number) => Math.round(x / 10) * 10;

function draw(rng: Rng, [low, high]: [number, number]): number {
  return low === high ? low : rng.range(low, high);
}
