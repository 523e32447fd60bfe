import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WaveFile } from 'wavefile';
import { expectWindowsMatchWholeRead, maxDiff, signal } from './__fixtures__/wav-checks';
import { encodePcm, WavBitDepth } from './pcm';
import { readWav, toMono } from './read-wav';
import { WavError } from './wav-error';
import { WavReader } from './wav-reader';
import { wavHeaderBytes, WavStreamWriter } from './wav-stream-writer';
import { writeWav } from './write-wav';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-wav-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const text = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const u32 = (v: number) => Uint8Array.from([v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255]);
const u16 = (v: number) => Uint8Array.from([v & 255, (v >> 8) & 255]);

describe('readWav / writeWav', () => {
  // Quantisation error of rounding to b-bit PCM is at most half a step: 0.5 / 2^(b-1).
  test.each<[WavBitDepth, number]>([
    ['8', 0.5 / 128],
    ['16', 0.5 / 32768],
    ['24', 0.5 / 8388608],
    ['32', 1e-7],
    ['32f', 0],
  ])('%s-bit mono and stereo round-trip within half a quantisation step', (bitDepth, tol) => {
    for (const channels of [[signal(1000)], [signal(1000), signal(1000, 1)]]) {
      const file = path.join(dir, `rt-${bitDepth}-${channels.length}.wav`);
      writeWav(file, { sampleRate: 22050, channels }, { bitDepth });
      const back = readWav(file);
      expect(back.sampleRate).toBe(22050);
      expect(back.channels).toHaveLength(channels.length);
      channels.forEach((c, i) => expect(maxDiff(back.channels[i], c)).toBeLessThanOrEqual(tol + 1e-9));
      // the chunked reader decodes the same samples as wavefile
      const reader = WavReader.open(file);
      reader.read(0, 1000).forEach((c, i) => expect(maxDiff(c, back.channels[i])).toBe(0));
      expect(maxDiff(reader.readMono(0, 1000), toMono(back))).toBeLessThan(1e-7);
      reader.close();
    }
  });

  it('reads float64, 8-bit extremes and any sample rate', () => {
    const wav = new WaveFile();
    wav.fromScratch(1, 7919, '64', [0.25, -0.5, 1]);
    fs.writeFileSync(path.join(dir, 'f64.wav'), wav.toBuffer());
    expect(readWav(path.join(dir, 'f64.wav'))).toEqual({
      sampleRate: 7919,
      channels: [Float32Array.from([0.25, -0.5, 1])],
    });
    const w8 = new WaveFile();
    w8.fromScratch(1, 8000, '8', [0, 128, 255]); // unsigned: 0 → -1, 128 → 0, 255 → 127/128
    fs.writeFileSync(path.join(dir, 'u8.wav'), w8.toBuffer());
    expect(Array.from(readWav(path.join(dir, 'u8.wav')).channels[0])).toEqual([-1, 0, 127 / 128]);
  });

  test.each([
    ['16-bit PCM', 1, '16'],
    ['float32', 3, '32f'],
  ] as const)(
    'parses LIST chunks before data, odd-sized chunks with their pad byte, and WAVE_FORMAT_EXTENSIBLE %s',
    (_n, code, depth) => {
      const pcm = encodePcm([Float32Array.from([0.5, -0.25, 0.125])], depth);
      const bits = depth === '16' ? 16 : 32;
      // fmt (extensible, 40 bytes): sub-format GUID 0000000c-0000-0010-8000-00aa00389b71, c = 1 (PCM) or 3 (float)
      const guid = Uint8Array.from([code, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71]);
      const fmt = concat(
        text('fmt '),
        u32(40),
        u16(0xfffe),
        u16(1),
        u32(16000),
        u32(2000 * bits),
        u16(bits / 8),
        u16(bits),
      );
      const ext = concat(u16(22), u16(bits), u32(4), guid);
      const list = concat(text('LIST'), u32(9), text('INFOtest!'), Uint8Array.from([0])); // odd size + pad byte
      const data = concat(text('data'), u32(pcm.length), pcm);
      const body = concat(text('WAVE'), fmt, ext, list, data);
      const file = path.join(dir, `ext-${depth}.wav`);
      fs.writeFileSync(file, concat(text('RIFF'), u32(body.length), body));
      const reader = WavReader.open(file);
      expect(reader.header).toMatchObject({ formatCode: code, channels: 1, sampleRate: 16000, frames: 3 });
      expect(Array.from(reader.read(0, 10)[0])).toEqual([0.5, -0.25, 0.125]);
      reader.close();
      expect(Array.from(readWav(file).channels[0])).toEqual([0.5, -0.25, 0.125]);
    },
  );
});

describe('bad input: a WavError naming the file and the expectation', () => {
  const write = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const good = () => {
    const file = path.join(dir, 'good.wav');
    writeWav(file, { sampleRate: 16000, channels: [signal(100)] });
    return fs.readFileSync(file);
  };
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => path.join(dir, 'nope.wav'), /nope\.wav: no such file, expected a WAV file/],
    ['a directory', () => dir, /is a directory, expected a WAV file/],
    ['an empty file', () => write('empty.wav', ''), /empty\.wav: empty file, expected a WAV file/],
    [
      'a text file',
      () => write('text.wav', 'hello, world'),
      /text\.wav: not a WAV file: expected a RIFF\/WAVE header, found "hell"/,
    ],
    [
      'a truncated file',
      () => write('cut.wav', good().subarray(0, 100)),
      /cut\.wav: truncated WAV: the data chunk declares 200 bytes, the file holds 56/,
    ],
    [
      'a header only',
      () => write('head.wav', good().subarray(0, 30)),
      /head\.wav: truncated or corrupt WAV: the 'fmt ' chunk has 10 bytes/,
    ],
    [
      'an unsupported encoding',
      () => {
        const b = good();
        b[20] = 2; // format code 2: MS ADPCM
        return write('adpcm.wav', b);
      },
      /adpcm\.wav: unsupported WAV encoding \(format code 2, 16 bits\): expected PCM of 8, 16, 24 or 32 bits/,
    ],
    [
      'a header with a 0 Hz sample rate',
      () => {
        const b = good();
        b.set(u32(0), 24); // fmt chunk: sample rate at bytes 24-27
        return write('zero-hz.wav', b);
      },
      /zero-hz\.wav: corrupt WAV 'fmt ' chunk: 1 channels, 0 Hz, block align 2 for 16-bit samples/,
    ],
    [
      'a big-endian RIFX file',
      () => write('rifx.wav', concat(text('RIFX'), good().subarray(4))),
      /RIFX .* not supported/,
    ],
  ];
  test.each(cases)('%s', (_name, makeFile, message) => {
    const file = makeFile();
    expect(() => readWav(file)).toThrow(WavError);
    expect(() => readWav(file)).toThrow(message);
    expect(() => WavReader.open(file)).toThrow(message);
  });
});

describe('edge cases that are handled or named', () => {
  it('an empty WAV (a valid header, no samples) reads as zero frames', () => {
    const file = path.join(dir, 'no-samples.wav');
    const wav = new WaveFile();
    wav.fromScratch(2, 16000, '16', [[], []]);
    fs.writeFileSync(file, wav.toBuffer());
    expect(readWav(file)).toEqual({ sampleRate: 16000, channels: [new Float32Array(0), new Float32Array(0)] });
    const reader = WavReader.open(file);
    expect(reader.frames).toBe(0);
    expect([...reader.windows(1)]).toEqual([]);
    reader.close();
  });

  test.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
  ])('a float WAV with a %s sample is rejected by both readers, naming the file, channel and frame', (name, bad) => {
    const file = path.join(dir, `non-finite-${name}.wav`);
    const wav = new WaveFile();
    const right = [0, 0.5, 0.25, -0.5, 0, 0.1];
    wav.fromScratch(2, 8000, '32f', [[0, 0.5, 0.25, -0.5, 0, 0.1], right.map((v, i) => (i === 4 ? bad : v))]);
    fs.writeFileSync(file, wav.toBuffer());
    const message = `${file}: sample 4 of channel 1 is ${bad}, expected finite float samples`;
    expect(() => readWav(file)).toThrow(new WavError(file, message.slice(file.length + 2)));
    const reader = WavReader.open(file); // the header is fine: the samples are checked as they are read
    expect(() => reader.read(0, 6)).toThrow(message);
    expect(() => reader.readMono(2, 4)).toThrow(message);
    expect(Array.from(reader.read(0, 4)[1])).toEqual([0, 0.5, 0.25, -0.5]); // the frames before it still read
    reader.close();
  });
});

describe('writer and reader arguments', () => {
  it('writeWav and WavStreamWriter reject bad audio by file name; a closed reader says so', () => {
    const file = path.join(dir, 'bad.wav');
    const channels = [signal(10)];
    expect(() => writeWav(file, { sampleRate: 16000, channels }, { bitDepth: '12' as WavBitDepth })).toThrow(
      `${file}: bitDepth should be '8', '16', '24', '32' or '32f', got "12"`,
    );
    expect(() => writeWav(file, { sampleRate: 0, channels })).toThrow(
      `${file}: sample rate should be a positive integer, got 0`,
    );
    expect(() => writeWav(file, { sampleRate: 8000, channels: [signal(10), signal(9)] })).toThrow(
      `${file}: channels differ in length (10, 9)`,
    );
    const stream = new WavStreamWriter(file, { sampleRate: 8000, channels: 2 });
    expect(() => stream.write(signal(4))).toThrow(`${file}: expected 2 channel arrays of one length, got 1`);
    stream.abort();
    expect(fs.existsSync(file)).toBe(false);
    writeWav(file, { sampleRate: 8000, channels });
    const reader = WavReader.open(file);
    expect(() => reader.read(-1, 2)).toThrow('read(-1, 2) needs non-negative integer frames');
    reader.close();
    expect(() => reader.read(0, 2)).toThrow(`${file}: read after close`);
  });
});

describe('WavStreamWriter + WavReader', () => {
  it('windows equal the whole-file read, zero-padded at the end', () => {
    const file = path.join(dir, 'short.wav');
    const w = new WavStreamWriter(file, { sampleRate: 8000, channels: 2 });
    for (let s = 0; s < 5; s++) w.write([signal(8000, s), signal(8000, -s)]);
    w.write([signal(123), signal(123)]);
    w.close();
    expectWindowsMatchWholeRead(file, 1, 0.75);
  });

  it('writes the canonical header and leaves no file behind on abort', () => {
    expect(Array.from(wavHeaderBytes(16000, 1, '16', 0).subarray(0, 4))).toEqual(Array.from(text('RIFF')));
    const w = new WavStreamWriter(path.join(dir, 'aborted.wav'), { sampleRate: 8000 });
    w.write(signal(10));
    w.abort();
    expect(fs.readdirSync(dir).filter((f) => f.includes('aborted'))).toEqual([]);
  });
});
