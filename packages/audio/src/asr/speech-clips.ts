/**
 * Spoken sentences for speech-to-text: each sentence spoken by one voice (round robin from a seeded
 * start), at a drawn rate, pitch, speed and gain (ClipGenerator.utterance), with 50-300 ms of lead
 * and tail, mixed with white, pink or brown noise at a drawn SNR. Babble is left out: it is speech,
 * and its words would be heard but not in the transcript. Clips keep their own length.
 *
 * @example
 * const gen = new ClipGenerator(tts, { clipSeconds: 6, noise: ['white', 'pink', 'brown'] });
 * const set = await generateSpeechClips(gen, split.train, ['call anna at seven'], { seed: 1 });
 */
import { Rng } from '@dlkit/core';
import type { ClipGenerator } from '../speech/clip-generator';
import { applyGainDb, placeInWindow } from '../speech/perturb';
import { mixAtSnr } from '../speech/snr';
import { voiceName, type VoiceSpec } from '../speech/speech-synthesizer';

/** Utterances and their transcripts. */
export interface SpeechClips {
  clips: Float32Array[];
  texts: string[];
  /** Where each clip came from (a file, or `voice+variant`). */
  sources: string[];
}

export interface SpeechClipOptions {
  seed: number;
  /** Called after each clip (progress). */
  onClip?: (done: number, total: number) => void;
}

/** Lead and tail silence, seconds (drawn per clip). */
const MARGIN_SECONDS: [number, number] = [0.05, 0.3];

/** One clip per sentence. Throws naming the sentence when an utterance does not fit `gen`'s clip length. */
export async function generateSpeechClips(
  gen: ClipGenerator,
  voices: VoiceSpec[],
  sentences: readonly string[],
  o: SpeechClipOptions,
): Promise<SpeechClips> {
  if (voices.length === 0) throw new Error('generateSpeechClips: no voices');
  const rng = new Rng(o.seed);
  const out: SpeechClips = { clips: [], texts: [], sources: [] };
  const { sampleRate, gainDb, snrDb } = gen.options;
  let v = rng.int(voices.length);
  for (const text of sentences) {
    const voice = voices[v++ % voices.length];
    const clipRng = new Rng(rng.nextSeed());
    const speech = applyGainDb(await gen.utterance(text, voice, clipRng), clipRng.range(gainDb[0], gainDb[1]));
    const margin = () => Math.round(sampleRate * clipRng.range(MARGIN_SECONDS[0], MARGIN_SECONDS[1]));
    const lead = margin();
    const length = lead + speech.length + margin();
    if (length > gen.length)
      throw new Error(
        `generateSpeechClips: "${text}" in ${voiceName(voice)} takes ${(length / sampleRate).toFixed(2)} s, more than the ${gen.options.clipSeconds} s clips`,
      );
    const noise = (await gen.noise(clipRng)).subarray(0, length);
    out.clips.push(mixAtSnr(placeInWindow(speech, length, lead), noise, clipRng.range(snrDb[0], snrDb[1])));
    out.texts.push(text);
    out.sources.push(voiceName(voice));
    o.onClip?.(out.clips.length, sentences.length);
  }
  return out;
}
