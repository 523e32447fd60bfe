/**
 * Reading a whole WAV file with `wavefile`: PCM 8/16/24/32-bit or float 32/64, any number of
 * channels and any sample rate, as one Float32Array per channel in [-1, 1]. The header is checked
 * first by our own parser (wav-header.ts), so a missing, empty, truncated or non-WAV file fails
 * with a `WavError` naming the file and what was expected. (wavefile 11 decodes WAVE_FORMAT_EXTENSIBLE
 * float as integers; those samples are decoded by `decodePcm` instead.)
 *
 * @example
 * const { sampleRate, channels } = readWav('speech.wav'); // channels[0]: Float32Array in [-1, 1]
 */
import { WaveFile } from 'wavefile';
import { assertFiniteSamples } from './finite-samples';
import { decodePcm, pcmScale } from './pcm';
import { readWavBytes } from './wav-file';
import { WavError } from './wav-error';
import { bytesSource, parseWavHeader } from './wav-header';

/** Decoded audio: samples per channel, normalised to [-1, 1]. */
export interface AudioData {
  /** Samples per second. */
  sampleRate: number;
  /** One array per channel, all of the same length. */
  channels: Float32Array[];
}

export function readWav(file: string): AudioData {
  const bytes = readWavBytes(file);
  const header = parseWavHeader(bytesSource(bytes), file);
  let wav: WaveFile;
  let raw: Float64Array | Float64Array[];
  try {
    wav = new WaveFile();
    wav.fromBuffer(bytes);
    raw = wav.getSamples(false, Float64Array) as unknown as Float64Array | Float64Array[];
  } catch (err) {
    throw new WavError(file, `corrupt WAV, wavefile could not decode it (${(err as Error).message})`);
  }
  if (header.float && wav.bitDepth !== '32f' && wav.bitDepth !== '64') {
    // wavefile 11 reads WAVE_FORMAT_EXTENSIBLE float as integers: decode those samples ourselves.
    const channels = Array.from({ length: header.channels }, () => new Float32Array(header.frames));
    decodePcm(bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes), header, header.frames, channels);
    assertFiniteSamples(file, channels);
    return { sampleRate: header.sampleRate, channels };
  }
  const perChannel = header.channels === 1 ? [raw as Float64Array] : (raw as Float64Array[]);
  // wavefile returns integer PCM as stored (8-bit unsigned), float as is.
  const offset = !header.float && header.bitsPerSample === 8 ? 128 : 0;
  const inv = header.float ? 1 : 1 / pcmScale(header.bitsPerSample);
  const channels = perChannel.map((c) => {
    const out = new Float32Array(header.frames);
    for (let i = 0; i < out.length; i++) out[i] = (c[i] - offset) * inv;
    return out;
  });
  if (header.float) assertFiniteSamples(file, channels);
  return { sampleRate: header.sampleRate, channels };
}

/** The average of the channels (mono audio is returned as is). */
export function toMono(audio: AudioData): Float32Array {
  const { channels } = audio;
  if (channels.length === 1) return channels[0];
  const out = new Float32Array(channels[0].length);
  for (const c of channels) for (let i = 0; i < out.length; i++) out[i] += c[i];
  for (let i = 0; i < out.length; i++) out[i] /= channels.length;
  return out;
}
