/**
 * Writing a WAV file with `wavefile`, atomically (core's `writeFileAtomic`: a reader never sees
 * half a file). Floats are clipped to [-1, 1) and rounded to integer PCM of 8/16/24/32 bits, or
 * stored as float32 ('32f').
 *
 * @example
 * writeWav('out/tone.wav', { sampleRate: 16000, channels: [sineWave(440, 1, 16000)] }, { bitDepth: '24' });
 */
import { writeFileAtomic } from '@dlkit/core';
import { WaveFile } from 'wavefile';
import { quantize, WavBitDepth } from './pcm';
import type { AudioData } from './read-wav';

export interface WriteWavOptions {
  /** Sample encoding: integer PCM '8' | '16' | '24' | '32', or '32f' (IEEE float). */
  bitDepth?: WavBitDepth;
}

export const WRITE_WAV_DEFAULTS = { bitDepth: '16' as WavBitDepth };

/** Checks channels and sample rate before writing; the message names the file. */
function checkAudio(file: string, audio: AudioData): void {
  const { sampleRate, channels } = audio;
  if (!Number.isInteger(sampleRate) || sampleRate < 1) {
    throw new Error(`${file}: sample rate should be a positive integer, got ${sampleRate}`);
  }
  if (channels.length === 0) throw new Error(`${file}: audio needs at least one channel`);
  if (channels.some((c) => c.length !== channels[0].length)) {
    throw new Error(`${file}: channels differ in length (${channels.map((c) => c.length).join(', ')})`);
  }
}

export function writeWav(file: string, audio: AudioData, options: WriteWavOptions = {}): void {
  const { bitDepth } = { ...WRITE_WAV_DEFAULTS, ...options };
  if (!['8', '16', '24', '32', '32f'].includes(bitDepth)) {
    throw new Error(`${file}: bitDepth should be '8', '16', '24', '32' or '32f', got ${JSON.stringify(bitDepth)}`);
  }
  checkAudio(file, audio);
  const samples = audio.channels.map((c) => {
    if (bitDepth === '32f') return Float64Array.from(c);
    const bits = Number(bitDepth);
    const out = new Float64Array(c.length);
    for (let i = 0; i < c.length; i++) out[i] = quantize(c[i], bits);
    return out;
  });
  const wav = new WaveFile();
  wav.fromScratch(samples.length, audio.sampleRate, bitDepth, samples.length === 1 ? samples[0] : samples);
  writeFileAtomic(file, wav.toBuffer());
}
