import { Rng } from '@dlkit/core';
import { normalizeRms } from './noise';

/**
 * Babble noise: `talkers` utterances drawn from `clips` (with replacement), each at unit RMS and
 * tiled from a random offset so that every talker speaks throughout, summed and scaled to unit
 * RMS. Six or more overlapping talkers make speech-shaped noise with no intelligible word.
 * @example
 * const babble = babbleNoise(sentences, 16000, { talkers: 6, seed: 3 });
 */
export function babbleNoise(
  clips: Float32Array[],
  length: number,
  options: { talkers?: number; seed: number },
): Float32Array {
  if (clips.length === 0) throw new Error('babbleNoise: no clips to overlap');
  const rng = new Rng(options.seed);
  const out = new Float32Array(length);
  for (let t = 0; t < (options.talkers ?? 6); t++) {
    const clip = clips[rng.int(clips.length)];
    if (clip.length === 0) continue;
    const voice = normalizeRms(Float32Array.from(clip));
    const start = rng.int(voice.length);
    for (let i = 0; i < length; i++) out[i] += voice[(start + i) % voice.length];
  }
  return normalizeRms(out);
}
