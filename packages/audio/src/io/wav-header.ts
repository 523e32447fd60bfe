/**
 * A small RIFF/WAVE header parser, so that long files can be read in positioned chunks (wavefile
 * parses whole buffers). It walks the chunks after `RIFF....WAVE` (id, little-endian size, body,
 * one pad byte after an odd-sized body), reads `fmt ` (PCM, IEEE float, or WAVE_FORMAT_EXTENSIBLE,
 * whose sub-format GUID starts with the real format code) and stops at `data`, skipping `LIST`,
 * `fact` and any other chunk on the way.
 *
 * @example
 * const header = parseWavHeader(bytesSource(fs.readFileSync('a.wav')), 'a.wav');
 * header.dataOffset; // byte where the samples start; header.frames: samples per channel
 */
import { isSupportedPcm, PcmFormat } from './pcm';
import { WavError } from './wav-error';

export interface WavHeader extends PcmFormat {
  sampleRate: number;
  /** The fmt chunk's format code after resolving WAVE_FORMAT_EXTENSIBLE: 1 = PCM, 3 = IEEE float. */
  formatCode: number;
  /** Bytes per frame (all channels of one sample instant). */
  blockAlign: number;
  /** Byte offset of the first sample. */
  dataOffset: number;
  /** Bytes of sample data. */
  dataBytes: number;
  /** Samples per channel. */
  frames: number;
}

/** Random access to the bytes of a file or a buffer. */
export interface ByteSource {
  size: number;
  /** Up to `length` bytes at `offset` (fewer at the end). */
  read(offset: number, length: number): Uint8Array;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

/** A `ByteSource` over bytes in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));
const printable = (s: string) => JSON.stringify(s.replace(/[^\x20-\x7e]/g, '?'));

/** Reads the header of a WAV file; throws `WavError` naming `label` for anything it cannot read. */
export function parseWavHeader(source: ByteSource, label: string): WavHeader {
  if (source.size === 0) throw new WavError(label, 'empty file, expected a WAV file (RIFF/WAVE header)');
  const head = source.read(0, 12);
  if (head.length < 12 || ascii(head, 0) !== 'RIFF' || ascii(head, 8) !== 'WAVE') {
    const id = head.length >= 4 ? ascii(head, 0) : '';
    const detail =
      id === 'RIFX' || id === 'RF64'
        ? `${id} (big-endian or 64-bit) WAV files are not supported, expected a RIFF/WAVE file`
        : `not a WAV file: expected a RIFF/WAVE header, found ${printable(ascii(head, 0))}`;
    throw new WavError(label, detail);
  }
  let fmt: Omit<WavHeader, 'dataOffset' | 'dataBytes' | 'frames'> | undefined;
  let pos = 12;
  while (pos + 8 <= source.size) {
    const chunk = source.read(pos, 8);
    const id = ascii(chunk, 0);
    const size = new DataView(chunk.buffer, chunk.byteOffset, 8).getUint32(4, true);
    const body = pos + 8;
    if (id === 'fmt ') fmt = readFmt(source.read(body, Math.min(size, 40)), label);
    else if (id === 'data') {
      if (!fmt) throw new WavError(label, "corrupt WAV: the 'data' chunk comes before any 'fmt ' chunk");
      const available = source.size - body;
      // Streaming writers leave 0 or 0xFFFFFFFF when they cannot seek back: take what is there.
      const declared = size === 0 || size === 0xffffffff ? available : size;
      if (declared > available) {
        throw new WavError(
          label,
          `truncated WAV: the data chunk declares ${declared} bytes, the file holds ${available} of them`,
        );
      }
      const frames = Math.floor(declared / fmt.blockAlign);
      return { ...fmt, dataOffset: body, dataBytes: frames * fmt.blockAlign, frames };
    }
    pos = body + size + (size % 2); // RIFF pads odd-sized chunks with one byte
  }
  throw new WavError(
    label,
    fmt ? "truncated or corrupt WAV: no 'data' chunk" : "truncated or corrupt WAV: no 'fmt ' chunk",
  );
}

function readFmt(b: Uint8Array, label: string): Omit<WavHeader, 'dataOffset' | 'dataBytes' | 'frames'> {
  if (b.length < 16)
    throw new WavError(label, `truncated or corrupt WAV: the 'fmt ' chunk has ${b.length} bytes, expected 16 or more`);
  const v = new DataView(b.buffer, b.byteOffset, b.length);
  let formatCode = v.getUint16(0, true);
  const channels = v.getUint16(2, true);
  const sampleRate = v.getUint32(4, true);
  const blockAlign = v.getUint16(12, true);
  const bitsPerSample = v.getUint16(14, true);
  if (formatCode === FORMAT_EXTENSIBLE) {
    if (b.length < 26) throw new WavError(label, 'corrupt WAV: WAVE_FORMAT_EXTENSIBLE without its sub-format');
    formatCode = v.getUint16(24, true); // first two bytes of the sub-format GUID
  }
  const float = formatCode === FORMAT_FLOAT;
  if ((formatCode !== FORMAT_PCM && !float) || !isSupportedPcm(bitsPerSample, float)) {
    throw new WavError(
      label,
      `unsupported WAV encoding (format code ${formatCode}, ${bitsPerSample} bits): expected PCM of 8, 16, 24 or 32 bits, or float of 32 or 64 bits`,
    );
  }
  if (channels < 1 || sampleRate < 1 || blockAlign !== (channels * bitsPerSample) / 8) {
    throw new WavError(
      label,
      `corrupt WAV 'fmt ' chunk: ${channels} channels, ${sampleRate} Hz, block align ${blockAlign} for ${bitsPerSample}-bit samples`,
    );
  }
  return { formatCode, channels, sampleRate, blockAlign, bitsPerSample, float };
}
