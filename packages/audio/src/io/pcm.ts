/**
 * PCM sample encodings of WAV files and their mapping to floats in [-1, 1]: integer PCM of 8 bits
 * (unsigned, offset 128), 16, 24 or 32 bits (signed, two's complement, little-endian) divided by
 * 2^(bits-1); IEEE float of 32 or 64 bits as stored. The same scale serves reading and writing.
 *
 * @example
 * pcmScale(16); // 32768: int16 -32768..32767 → -1..0.99997
 */

/** How a WAV file stores its samples. */
export interface PcmFormat {
  /** Bits per sample: 8, 16, 24, 32 (integer) or 32, 64 (float). */
  bitsPerSample: number;
  /** IEEE float samples (WAVE_FORMAT_IEEE_FLOAT) rather than integer PCM. */
  float: boolean;
  /** Interleaved channels per frame. */
  channels: number;
}

/** The bit depths `writeWav` accepts (wavefile's codes: '32f' is 32-bit float). */
export type WavBitDepth = '8' | '16' | '24' | '32' | '32f';

/** Integer PCM full scale: the float 1.0 corresponds to 2^(bits-1). */
export function pcmScale(bits: number): number {
  return 2 ** (bits - 1);
}

/** A float sample as an integer PCM value of `bits`, rounded and clipped (8-bit is unsigned). */
export function quantize(x: number, bits: number): number {
  const scale = pcmScale(bits);
  const v = Math.max(-scale, Math.min(scale - 1, Math.round(x * scale)));
  return bits === 8 ? v + 128 : v;
}

/** Whether a (bits, float) pair is an encoding the readers decode. */
export function isSupportedPcm(bitsPerSample: number, float: boolean): boolean {
  return float ? bitsPerSample === 32 || bitsPerSample === 64 : [8, 16, 24, 32].includes(bitsPerSample);
}

/**
 * Decodes `frames` interleaved frames from `bytes` (starting at byte 0) into one Float32Array per
 * channel, written at `offset` in each of `out`.
 */
export function decodePcm(bytes: Uint8Array, format: PcmFormat, frames: number, out: Float32Array[], offset = 0): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { channels, bitsPerSample: bits, float } = format;
  const size = bits / 8;
  const inv = 1 / pcmScale(bits);
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < channels; c++) {
      const p = (f * channels + c) * size;
      let v: number;
      if (float) v = bits === 32 ? view.getFloat32(p, true) : view.getFloat64(p, true);
      else if (bits === 16) v = view.getInt16(p, true) * inv;
      else if (bits === 8) v = (bytes[p] - 128) * inv;
      else if (bits === 24) v = (((bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16)) << 8) >> 8) * inv;
      else v = view.getInt32(p, true) * inv;
      out[c][offset + f] = v;
    }
  }
}

/** Interleaves and encodes channels of equal length as integer PCM (8/16/24/32) or float32 bytes. */
export function encodePcm(channels: readonly Float32Array[], bitDepth: WavBitDepth): Uint8Array {
  const float = bitDepth === '32f';
  const bits = float ? 32 : Number(bitDepth);
  const size = bits / 8;
  const n = channels[0]?.length ?? 0;
  const bytes = new Uint8Array(n * channels.length * size);
  const view = new DataView(bytes.buffer);
  for (let f = 0; f < n; f++) {
    for (let c = 0; c < channels.length; c++) {
      const p = (f * channels.length + c) * size;
      const x = channels[c][f];
      if (float) view.setFloat32(p, x, true);
      else if (bits === 8) bytes[p] = quantize(x, 8);
      else if (bits === 16) view.setInt16(p, quantize(x, 16), true);
      else if (bits === 32) view.setInt32(p, quantize(x, 32), true);
      else {
        const v = quantize(x, 24);
        bytes[p] = v & 0xff;
        bytes[p + 1] = (v >> 8) & 0xff;
        bytes[p + 2] = (v >> 16) & 0xff;
      }
    }
  }
  return bytes;
}
