/**
 * Writing a long WAV file piece by piece without holding it in memory: a canonical 44-byte header
 * (sizes patched on `close()`), then PCM appended as it comes. The file is written to a temporary
 * sibling and renamed into place on `close()`, so a reader never sees a half-written file.
 *
 * @example
 * const w = new WavStreamWriter('/tmp/long.wav', { sampleRate: 16000 });
 * for (let s = 0; s < 7200; s++) w.write(oneSecondOfAudio(s)); // 2 hours, one second at a time
 * w.close();
 */
import * as fs from 'fs';
import * as path from 'path';
import { encodePcm, WavBitDepth } from './pcm';

export interface WavStreamWriterOptions {
  sampleRate: number;
  /** Channels per frame; `write` takes one array per channel. */
  channels?: number;
  bitDepth?: WavBitDepth;
}

const HEADER_BYTES = 44;
const MAX_DATA_BYTES = 0xffffffff - 36; // the RIFF size field is 32 bits

/** The 44-byte header of a PCM (format 1) or float (format 3) WAV with `dataBytes` of samples. */
export function wavHeaderBytes(
  sampleRate: number,
  channels: number,
  bitDepth: WavBitDepth,
  dataBytes: number,
): Uint8Array {
  const bits = bitDepth === '32f' ? 32 : Number(bitDepth);
  const blockAlign = (channels * bits) / 8;
  const b = new Uint8Array(HEADER_BYTES);
  const v = new DataView(b.buffer);
  const text = (at: number, s: string) => [...s].forEach((ch, i) => (b[at + i] = ch.charCodeAt(0)));
  text(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, bitDepth === '32f' ? 3 : 1, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * blockAlign, true);
  v.setUint16(32, blockAlign, true);
  v.setUint16(34, bits, true);
  text(36, 'data');
  v.setUint32(40, dataBytes, true);
  return b;
}

export class WavStreamWriter {
  readonly file: string;
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitDepth: WavBitDepth;
  private readonly tmp: string;
  private fd: number | undefined;
  private dataBytes = 0;
  /** Frames (samples per channel) written so far. */
  frames = 0;

  constructor(file: string, options: WavStreamWriterOptions) {
    const { sampleRate, channels = 1, bitDepth = '16' } = options;
    if (!Number.isInteger(sampleRate) || sampleRate < 1) {
      throw new Error(`${file}: sample rate should be a positive integer, got ${sampleRate}`);
    }
    if (!Number.isInteger(channels) || channels < 1) {
      throw new Error(`${file}: channels should be a positive integer, got ${channels}`);
    }
    this.file = file;
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.bitDepth = bitDepth;
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    this.fd = fs.openSync(this.tmp, 'w');
    fs.writeSync(this.fd, wavHeaderBytes(sampleRate, channels, bitDepth, 0));
  }

  /** Appends samples: one array (mono) or one per channel, all of the same length. */
  write(samples: Float32Array | readonly Float32Array[]): void {
    if (this.fd === undefined) throw new Error(`${this.file}: write after close`);
    const channels = samples instanceof Float32Array ? [samples] : samples;
    if (channels.length !== this.channels || channels.some((c) => c.length !== channels[0].length)) {
      throw new Error(`${this.file}: expected ${this.channels} channel arrays of one length, got ${channels.length}`);
    }
    const bytes = encodePcm(channels, this.bitDepth);
    if (this.dataBytes + bytes.length > MAX_DATA_BYTES) {
      throw new Error(`${this.file}: a WAV file holds at most 4 GiB of samples (RIFF sizes are 32-bit)`);
    }
    fs.writeSync(this.fd, bytes);
    this.dataBytes += bytes.length;
    this.frames += channels[0].length;
  }

  /** Writes the final sizes into the header and renames the file into place. */
  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      fs.writeSync(
        fd,
        wavHeaderBytes(this.sampleRate, this.channels, this.bitDepth, this.dataBytes),
        0,
        HEADER_BYTES,
        0,
      );
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(this.tmp, this.file);
    } catch (err) {
      fs.rmSync(this.tmp, { force: true });
      throw err;
    }
  }

  /** Closes and deletes the temporary file without creating `file`. */
  abort(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    fs.rmSync(this.tmp, { force: true });
  }
}
