/**
 * Checks on the files and folders a command names, run before any work (exit 2 with the path
 * quoted, never a raw EISDIR/ENOENT): inputs must exist and be of the right kind (a regular
 * file, not a directory, a named pipe or a device such as /dev/zero, which would block or never
 * end), and output locations must be writable before anything is computed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './errors';
import { showPath } from './quote';

/** Longest labels file read (one short label per line). */
export const LABELS_MAX_BYTES = 1 << 20;

/** "a named pipe", "a directory", ... for a stat result that is not a regular file. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function label(flag: string | undefined, file: string): string {
  return flag ? `${flag} ${showPath(file)}` : showPath(file);
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * An input that must be a regular file (symbolic links followed). `flag` names it in messages
 * (omit for positional arguments); `expected` says what it should be ("a TSV of pairs").
 */
export function requireFile(flag: string | undefined, file: string, expected: string): string {
  const stat = statOrUndefined(file);
  if (!stat) throw new UsageError(`${label(flag, file)}: no such file (expected ${expected})`);
  if (!stat.isFile()) throw new UsageError(`${label(flag, file)}: is ${kindOf(stat)}, expected ${expected}`);
  return file;
}

/** An input that must be a directory. */
export function requireDir(flag: string | undefined, dir: string, expected: string): string {
  const stat = statOrUndefined(dir);
  if (!stat) throw new UsageError(`${label(flag, dir)}: no such directory (expected ${expected})`);
  if (!stat.isDirectory())
    throw new UsageError(`${label(flag, dir)}: is ${stat.isFile() ? 'a file' : kindOf(stat)}, expected ${expected}`);
  return dir;
}

/** A model given as a directory or as a regular file (an .onnx export). */
export function requireFileOrDir(flag: string | undefined, file: string, expected: string): string {
  const stat = statOrUndefined(file);
  if (!stat) throw new UsageError(`${label(flag, file)}: not found (expected ${expected})`);
  if (!stat.isFile() && !stat.isDirectory())
    throw new UsageError(`${label(flag, file)}: is ${kindOf(stat)}, expected ${expected}`);
  return file;
}

/** A labels file: one class label per line (regular file, at most LABELS_MAX_BYTES: exit 2 otherwise; not empty: exit 1). */
export function readLabels(flag: string, file: string): string[] {
  requireFile(flag, file, 'a text file with one label per line');
  if (fs.statSync(file).size > LABELS_MAX_BYTES)
    throw new UsageError(`${label(flag, file)}: larger than ${LABELS_MAX_BYTES} bytes (expected one label per line)`);
  const labels = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  // Found by reading the file: a failure (exit 1), not a usage error.
  if (labels.length === 0) throw new Error(`${label(flag, file)}: empty (expected one label per line)`);
  return labels;
}

/**
 * Proves that `dir` can be created and written, without leaving anything behind: the nearest
 * existing ancestor must be a directory in which a probe folder can be made (and is removed).
 * Missing folders are created later by whatever writes the output.
 */
function checkWritableDir(flag: string, shown: string, dir: string): void {
  let existing = dir;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    if (!fs.statSync(existing).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'EEXIST' });
    fs.rmdirSync(fs.mkdtempSync(path.join(existing, '.dlkit-write-check-')));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const reasons: Record<string, string> = {
      EROFS: 'read-only file system',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      ENOTDIR: 'a parent is not a directory',
      EEXIST: 'a file is in the way',
      ENOSPC: 'no space left on the device',
    };
    const why = reasons[code] ?? (code || (err as Error).message);
    throw new UsageError(`${flag} ${showPath(shown)}: cannot write to ${showPath(dir)} (${why})`);
  }
}

/**
 * `--out DIR` checked before any work: not an existing file, and writable (or creatable).
 * Returns the absolute path.
 */
export function prepareOutDir(flag: string, dir: string): string {
  const abs = path.resolve(dir);
  const stat = statOrUndefined(abs);
  if (stat && !stat.isDirectory()) throw new UsageError(`${flag} ${showPath(dir)}: exists and is not a directory`);
  checkWritableDir(flag, dir, abs);
  return abs;
}

/**
 * `--out FILE` checked before any work: not an existing directory or special file, its folder
 * writable (or creatable), and an extension from `extensions` when given. Returns the absolute
 * path.
 */
export function prepareOutFile(flag: string, file: string, extensions?: readonly string[]): string {
  const abs = path.resolve(file);
  const stat = statOrUndefined(abs);
  if (stat && !stat.isFile())
    throw new UsageError(`${flag} ${showPath(file)}: is ${kindOf(stat)}, expected a file to write`);
  if (extensions && !extensions.includes(path.extname(abs).toLowerCase()))
    throw new UsageError(`${flag} must name a ${extensions.join(' or ')} file, got ${showPath(file)}`);
  checkWritableDir(flag, file, path.dirname(abs));
  return abs;
}
