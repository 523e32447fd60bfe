import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { VECTOR_FORMATS, detectVectorFormat, readVectors, writeVectors } from './vector-formats';
import { WordVectors } from './word-vectors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vectors-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
// values exactly representable in float32 and in decimal, plus one that is not (0.1)
const wv = new WordVectors(['the', 'café', 'dog'], Float32Array.from([0.5, -1.25, 3, 0.1, 0, -7, 2, 2, 1e-8]), 3);

describe('vector formats', () => {
  it.each(VECTOR_FORMATS)('writes and reads %s, detecting the format', (format) => {
    const p = path.join(dir, `v.${format}`);
    writeVectors(wv, p, format);
    expect(detectVectorFormat(fs.readFileSync(p))).toBe(format);
    const back = readVectors(p);
    expect(back.words).toEqual(wv.words);
    expect(back.vectors).toEqual(wv.vectors);
  });

  it('reads GloVe text as glove.6B files look', () => {
    const v = readVectors(file('glove.txt', 'the 0.418 0.24968\n, 0.013441 0.23682\r\n'));
    expect(v.words).toEqual(['the', ',']);
    expect(v.vectors[2]).toBeCloseTo(0.013441, 6);
  });

  it('reports malformed lines with the file and line number', () => {
    const mixed = file('mixed.txt', 'a 1 2 3\nb 1 2\n');
    expect(() => readVectors(mixed)).toThrow(
      `${mixed}:2: inconsistent dimensions: expected 3 numbers after the word, got 2`,
    );
    const nan = file('nan.txt', '2 2\na 1 2\nb 1 x2\n');
    expect(() => readVectors(nan, 'word2vec-text')).toThrow(`${nan}:3: 'x2' is not a number (value 2 of 'b')`);
    const count = file('count.txt', '3 2\na 1 2\nb 1 2\n');
    expect(() => readVectors(count)).toThrow(`${count}: the header announces 3 words, the file has 2`);
    const dup = file('dup.txt', 'a 1\na 2\n');
    expect(() => readVectors(dup)).toThrow(`${dup}: duplicate word 'a' at rows 0 and 1`);
    expect(() => readVectors(file('empty.txt', ''))).toThrow('no vectors in the file');
  });

  it('rejects a binary file whose entries do not match the header', () => {
    const p = path.join(dir, 'v.bin');
    writeVectors(wv, p, 'word2vec-binary');
    const bytes = fs.readFileSync(p);
    const truncated = file('truncated.bin', bytes.subarray(0, bytes.length - 6));
    expect(() => readVectors(truncated, 'word2vec-binary')).toThrow(`${truncated}: entry 3 (byte`);
    const wrongDim = file('wrong-dim.bin', Buffer.concat([Buffer.from('3 2\n'), bytes.subarray(4)]));
    expect(() => readVectors(wrongDim, 'word2vec-binary')).toThrow(`${wrongDim}:`);
  });

  it('refuses to write words with spaces', () => {
    const bad = new WordVectors(['new york'], Float32Array.from([1]), 1);
    expect(() => writeVectors(bad, path.join(dir, 'bad.txt'))).toThrow("cannot write word 'new york'");
  });
});
