/**
 * Opening a WAV file for reading, with errors that name the file: missing, a directory, or
 * unreadable. `readWavBytes` reads it whole (for `readWav`); `openWavSource` gives positioned reads
 * through one file descriptor (for `WavReader`).
 */
import * as fs from 'fs';
import type { ByteSource } from './wav-header';
import { WavError } from './wav-error';

/** A positioned-read `ByteSource` over an open file; `close()` releases the descriptor. */
export interface FileSource extends ByteSource {
  /** Like `read`, into `target` (from its start): no allocation per read. */
  readInto(offset: number, length: number, target: Uint8Array): Uint8Array;
  close(): void;
}

function openError(file: string, err: unknown): WavError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new WavError(file, 'no such file, expected a WAV file');
  if (code === 'EISDIR') return new WavError(file, 'is a directory, expected a WAV file');
  return new WavError(file, `cannot read the file (${(err as Error).message}), expected a WAV file`);
}

function checkRegular(file: string, stat: fs.Stats): void {
  if (stat.isDirectory()) throw new WavError(file, 'is a directory, expected a WAV file');
  if (!stat.isFile()) throw new WavError(file, 'is not a regular file, expected a WAV file');
}

/** The whole file's bytes. */
export function readWavBytes(file: string): Uint8Array {
  try {
    checkRegular(file, fs.statSync(file));
    return fs.readFileSync(file);
  } catch (err) {
    throw err instanceof WavError ? err : openError(file, err);
  }
}

/** Positioned reads (`fs.readSync` at an offset) without loading the file. */
export function openWavSource(file: string): FileSource {
  let fd: number;
  let size: number;
  try {
    fd = fs.openSync(file, 'r');
    const stat = fs.fstatSync(fd);
    size = stat.size;
    try {
      checkRegular(file, stat);
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
  } catch (err) {
    throw err instanceof WavError ? err : openError(file, err);
  }
  const readInto = (offset: number, length: number, target: Uint8Array): Uint8Array => {
    const n = Math.max(0, Math.min(length, size - offset, target.length));
    let done = 0;
    while (done < n) {
      const got = fs.readSync(fd, target, done, n - done, offset + done);
      if (got === 0) throw new WavError(file, `the file shrank while reading (expected ${n} bytes at ${offset})`);
      done += got;
    }
    return target.subarray(0, n);
  };
  return {
    size,
    read: (offset, length) =>
      readInto(offset, length, Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)))),
    readInto,
    close: () => fs.closeSync(fd),
  };
}
