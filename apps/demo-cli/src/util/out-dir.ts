import * as path from 'path';
import { prepareOutDir } from './paths';

/** ./dlkit-out/<command>, absolute: where a command writes by default (and where readers look). */
export function defaultOutDir(command: string): string {
  return path.resolve('dlkit-out', command);
}

/**
 * `--out DIR`, defaulting to ./dlkit-out/<command>, checked before any work: refuses a path that
 * exists as a file or cannot be written (see prepareOutDir).
 */
export function resolveOutDir(out: string | undefined, command: string): string {
  return prepareOutDir('--out', out ?? defaultOutDir(command));
}
