import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './errors';

/** `--out DIR`, defaulting to ./dlkit-out/<command>; refuses a path that exists as a file. */
export function resolveOutDir(out: string | undefined, command: string): string {
  const dir = path.resolve(out ?? path.join('dlkit-out', command));
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`--out ${out}: exists and is not a directory`);
  return dir;
}
