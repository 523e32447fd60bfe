/**
 * Word vectors in the three files people bring: GloVe text (`word v1 ... vd` per line, no
 * header), word2vec text (a `count dim` header line, then the GloVe layout) and word2vec binary
 * (the same header, then per word: the word, a space, dim little-endian float32, optionally a
 * newline). A malformed line is an error naming the file and line (entry, for binary files); so
 * is a file whose vectors have different sizes.
 *
 * @example
 * writeVectors(vectors, '/tmp/v.bin', 'word2vec-binary');
 * const back = readVectors('/tmp/v.bin'); // format detected from the content
 */
import * as fs from 'fs';
import * as path from 'path';
import { WordVectors } from './word-vectors';

export type VectorFormat = 'glove' | 'word2vec-text' | 'word2vec-binary';

export const VECTOR_FORMATS: readonly VectorFormat[] = ['glove', 'word2vec-text', 'word2vec-binary'];

const HEADER = /^(\d+) (\d+)\s*$/;

/** Writes vectors; numbers in text formats keep float32 precision. */
export function writeVectors(vectors: WordVectors, file: string, format: VectorFormat = 'word2vec-text'): void {
  const { words, dim } = vectors;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  for (const w of words)
    if (w === '' || /\s/.test(w)) throw new Error(`cannot write word '${w}': words in vector files contain no spaces`);
  if (format === 'word2vec-binary') {
    const parts: Buffer[] = [Buffer.from(`${words.length} ${dim}\n`)];
    words.forEach((w, i) => {
      const row = Buffer.alloc(4 * dim);
      for (let d = 0; d < dim; d++) row.writeFloatLE(vectors.vectors[i * dim + d], 4 * d);
      parts.push(Buffer.from(`${w} `), row, Buffer.from('\n'));
    });
    fs.writeFileSync(file, Buffer.concat(parts));
    return;
  }
  if (!VECTOR_FORMATS.includes(format)) throw new Error(`unknown vector format '${String(format)}'`);
  const lines = words.map((w, i) => `${w} ${Array.from(vectors.vectors.subarray(i * dim, (i + 1) * dim)).join(' ')}`);
  if (format === 'word2vec-text') lines.unshift(`${words.length} ${dim}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

/** The format of a vectors file, from its content: a header line, then text rows or binary. */
export function detectVectorFormat(bytes: Buffer): VectorFormat {
  const firstEnd = bytes.indexOf(10);
  const first = bytes.subarray(0, firstEnd < 0 ? bytes.length : firstEnd).toString('utf8');
  const header = HEADER.exec(first);
  if (!header) return 'glove';
  // a text body's next line is the word and `dim` numbers
  const nextEnd = bytes.indexOf(10, firstEnd + 1);
  const next = bytes.subarray(firstEnd + 1, nextEnd < 0 ? bytes.length : nextEnd).toString('utf8');
  const fields = next.trim().split(/ +/);
  const textRow =
    fields.length === Number(header[2]) + 1 && fields.slice(1).every((f) => f !== '' && Number.isFinite(Number(f)));
  return textRow || Number(header[1]) === 0 ? 'word2vec-text' : 'word2vec-binary';
}

/** Reads a vectors file in any of the three formats (detected when `format` is omitted). */
export function readVectors(file: string, format?: VectorFormat): WordVectors {
  const bytes = fs.readFileSync(file);
  const f = format ?? detectVectorFormat(bytes);
  if (f === 'word2vec-binary') return readBinary(bytes, file);
  if (!VECTOR_FORMATS.includes(f)) throw new Error(`unknown vector format '${String(f)}'`);
  return readText(bytes.toString('utf8'), file, f === 'word2vec-text');
}

function readText(text: string, file: string, hasHeader: boolean): WordVectors {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let expectedRows: number | undefined;
  let dim: number | undefined;
  let start = 0;
  if (hasHeader) {
    const header = HEADER.exec(lines[0] ?? '');
    if (!header)
      throw new Error(`${file}:1: expected a word2vec header 'count dim', got '${(lines[0] ?? '').slice(0, 40)}'`);
    expectedRows = Number(header[1]);
    dim = Number(header[2]);
    start = 1;
  }
  const words: string[] = [];
  const values: number[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line.trim() === '') throw new Error(`${file}:${i + 1}: empty line`);
    const fields = line.trimEnd().split(' ');
    dim ??= fields.length - 1;
    if (dim < 1) throw new Error(`${file}:${i + 1}: expected a word and its numbers, got '${line.slice(0, 40)}'`);
    if (fields.length - 1 !== dim)
      throw new Error(
        `${file}:${i + 1}: inconsistent dimensions: expected ${dim} numbers after the word, got ${fields.length - 1}`,
      );
    for (let d = 1; d <= dim; d++) {
      const v = Number(fields[d]);
      if (fields[d] === '' || !Number.isFinite(v))
        throw new Error(`${file}:${i + 1}: '${fields[d]}' is not a number (value ${d} of '${fields[0]}')`);
      values.push(v);
    }
    words.push(fields[0]);
  }
  if (words.length === 0 || dim === undefined) throw new Error(`${file}: no vectors in the file`);
  if (expectedRows !== undefined && expectedRows !== words.length)
    throw new Error(`${file}: the header announces ${expectedRows} words, the file has ${words.length}`);
  return withUniqueWords(file, words, Float32Array.from(values), dim);
}

function readBinary(bytes: Buffer, file: string): WordVectors {
  const firstEnd = bytes.indexOf(10);
  const header = HEADER.exec(bytes.subarray(0, firstEnd < 0 ? 0 : firstEnd).toString('utf8'));
  if (!header) throw new Error(`${file}:1: expected a word2vec header 'count dim'`);
  const rows = Number(header[1]);
  const dim = Number(header[2]);
  if (dim < 1) throw new Error(`${file}:1: the header's dimension must be positive, got ${dim}`);
  const words: string[] = [];
  const values = new Float32Array(rows * dim);
  let pos = firstEnd + 1;
  for (let r = 0; r < rows; r++) {
    while (pos < bytes.length && bytes[pos] === 10) pos++; // the optional newline after each vector
    const space = bytes.indexOf(32, pos);
    if (space < 0 || space + 4 * dim > bytes.length)
      throw new Error(
        `${file}: entry ${r + 1} (byte ${pos}): truncated, expected a word, a space and ${dim} float32 values`,
      );
    words.push(bytes.subarray(pos, space).toString('utf8'));
    for (let d = 0; d < dim; d++) values[r * dim + d] = bytes.readFloatLE(space + 1 + 4 * d);
    pos = space + 1 + 4 * dim;
  }
  while (pos < bytes.length && bytes[pos] === 10) pos++;
  if (pos !== bytes.length)
    throw new Error(
      `${file}: ${bytes.length - pos} bytes after the ${rows} entries the header announces (inconsistent dimensions?)`,
    );
  return withUniqueWords(file, words, values, dim);
}

function withUniqueWords(file: string, words: string[], values: Float32Array, dim: number): WordVectors {
  try {
    return new WordVectors(words, values, dim);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}
