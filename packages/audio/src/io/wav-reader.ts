/**
 * Reading long WAV files in pieces: our own header parser (wav-header.ts) finds the data chunk,
 * then every read is one positioned `fs.readSync` of just the frames asked for, so a 2-hour file is
 * scanned window by window in constant memory (packages/audio/bench/long-wav-scan.js measures it).
 *
 * @example
 * const reader = WavReader.open('meeting.wav');
 * for (const w of reader.windows(30, 30)) transcribe(w.samples, reader.sampleRate); // 30 s mono windows
 * reader.close();
 */
import { assertFiniteSamples } from './finite-samples';
import { decodePcm } from './pcm';
import { FileSource, openWavSource } from './wav-file';
import { parseWavHeader, WavHeader } from './wav-header';

/** One window of a long file: mono samples (zero-padded past the end) and where it starts. */
export interface AudioWindow {
  /** Window number, from 0. */
  index: number;
  /** First frame of the window. */
  startFrame: number;
  /** Start in seconds. */
  startSeconds: number;
  /** Frames of real audio in the window (the rest, at the end of the file, are zeros). */
  validFrames: number;
  /** Mono samples (the channels' average), `size` of them. */
  samples: Float32Array;
}

export class WavReader {
  readonly file: string;
  readonly header: WavHeader;
  private source: FileSource | undefined;
  /** Frames per positioned read, and the reused buffers of one read (bytes, decoded channels). */
  private readonly piece: number;
  private readonly scratch: Uint8Array;
  private readonly scratchChannels: Float32Array[];

  private constructor(file: string, source: FileSource, header: WavHeader) {
    this.file = file;
    this.source = source;
    this.header = header;
    // Reads of at most 1 MiB into one reused buffer: a scan allocates nothing per window.
    this.piece = Math.max(1, Math.floor((1 << 20) / header.blockAlign));
    this.scratch = new Uint8Array(this.piece * header.blockAlign);
    this.scratchChannels = Array.from({ length: header.channels }, () => new Float32Array(this.piece));
  }

  /** Opens `file` and parses its header (a `WavError` names the file if it is not a readable WAV). */
  static open(file: string): WavReader {
    const source = openWavSource(file);
    try {
      return new WavReader(file, source, parseWavHeader(source, file));
    } catch (err) {
      source.close();
      throw err;
    }
  }

  get sampleRate(): number {
    return this.header.sampleRate;
  }
  get channelCount(): number {
    return this.header.channels;
  }
  /** Samples per channel. */
  get frames(): number {
    return this.header.frames;
  }
  get durationSeconds(): number {
    return this.header.frames / this.header.sampleRate;
  }

  /** `count` frames from `startFrame` (clamped to the file), one Float32Array per channel in [-1, 1]. */
  read(startFrame: number, count: number): Float32Array[] {
    const n = this.available(startFrame, count);
    const out = Array.from({ length: this.channelCount }, () => new Float32Array(n));
    this.eachPiece(startFrame, n, (frames, done) => {
      decodePcm(this.scratch, this.header, frames, out, done);
      if (this.header.float) assertFiniteSamples(this.file, out, done, frames, startFrame + done);
    });
    return out;
  }

  /** Like `read`, averaged over channels, written into `out` (zeros past the end of the file). */
  readMono(startFrame: number, count: number, out = new Float32Array(count)): Float32Array {
    const n = Math.min(this.available(startFrame, count), out.length);
    out.fill(0);
    const channels = this.scratchChannels;
    const scale = 1 / channels.length;
    this.eachPiece(startFrame, n, (frames, done) => {
      decodePcm(this.scratch, this.header, frames, channels, 0);
      if (this.header.float) assertFiniteSamples(this.file, channels, 0, frames, startFrame + done);
      for (const c of channels) for (let i = 0; i < frames; i++) out[done + i] += c[i] * scale;
    });
    return out;
  }

  /** Frames readable from `startFrame` (checked arguments, clamped to the file). */
  private available(startFrame: number, count: number): number {
    if (!this.source) throw new Error(`${this.file}: read after close`);
    if (!Number.isInteger(startFrame) || startFrame < 0 || !Number.isInteger(count) || count < 0) {
      throw new Error(`${this.file}: read(${startFrame}, ${count}) needs non-negative integer frames`);
    }
    return Math.max(0, Math.min(count, this.frames - startFrame));
  }

  /** Positioned reads of `n` frames from `startFrame` into the scratch buffer, one piece at a time. */
  private eachPiece(startFrame: number, n: number, use: (frames: number, done: number) => void): void {
    const { blockAlign, dataOffset } = this.header;
    for (let done = 0; done < n; done += this.piece) {
      const frames = Math.min(this.piece, n - done);
      this.source!.readInto(dataOffset + (startFrame + done) * blockAlign, frames * blockAlign, this.scratch);
      use(frames, done);
    }
  }

  /**
   * Mono windows of `sizeSeconds` every `hopSeconds` (default: back to back), from the start until
   * the last window that begins before the end; the last one is zero-padded. Each window is a
   * fresh array unless `reuse` is set (then one buffer is overwritten: copy what you keep).
   */
  *windows(sizeSeconds: number, hopSeconds = sizeSeconds, { reuse = false } = {}): Generator<AudioWindow> {
    const size = Math.round(sizeSeconds * this.sampleRate);
    const hop = Math.round(hopSeconds * this.sampleRate);
    if (!(size >= 1) || !(hop >= 1)) {
      throw new Error(
        `${this.file}: windows need at least one frame each (size ${sizeSeconds} s, hop ${hopSeconds} s)`,
      );
    }
    const buffer = new Float32Array(size);
    for (let index = 0, start = 0; start < this.frames; index++, start += hop) {
      const samples = this.readMono(start, size, reuse ? buffer : new Float32Array(size));
      const validFrames = Math.min(size, this.frames - start);
      yield { index, startFrame: start, startSeconds: start / this.sampleRate, validFrames, samples };
    }
  }

  close(): void {
    this.source?.close();
    this.source = undefined;
  }
}
