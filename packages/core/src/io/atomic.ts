import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes a file atomically: write to a temporary sibling, fsync, then rename over the target,
 * so that a process killed mid-write leaves either the old file or the new one, never half.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    try {
      fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    // A failed write (disk full) or rename (the target is a directory) leaves no temporary file.
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Replaces a whole directory atomically: `fill(tmpDir)` writes into a fresh temporary sibling
 * directory, which is then renamed into place (the previous directory is removed only after).
 */
export async function replaceDirAtomic(dir: string, fill: (tmpDir: string) => Promise<void> | void): Promise<void> {
  const parent = path.dirname(path.resolve(dir));
  fs.mkdirSync(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(dir)}.${process.pid}.${Date.now()}.tmp`);
  fs.mkdirSync(tmp);
  try {
    await fill(tmp);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  const old = `${tmp}.old`;
  if (fs.existsSync(dir)) fs.renameSync(dir, old);
  fs.renameSync(tmp, dir);
  fs.rmSync(old, { recursive: true, force: true });
}
