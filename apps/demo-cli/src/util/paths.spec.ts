// Input and output checks that run before any work: special files that would hang, write
// targets checked before the work, system errors reworded with the path.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from './errors';
import { prepareOutDir, prepareOutFile, readLabels, requireDir, requireFile, requireFileOrDir } from './paths';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-paths-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const fifo = path.join(tmp, 'fifo.onnx');
const file = path.join(tmp, 'labels.txt');
beforeAll(() => {
  execFileSync('mkfifo', [fifo]);
  fs.writeFileSync(file, 'cat\ndog\n\n');
});

/** A folder nobody can write to, even root: /sys is mounted read-only (or refuses writes) in Linux containers. */
function unwritableDir(): string | undefined {
  try {
    fs.mkdtempSync(path.join('/sys', 'dlkit-'));
    return undefined;
  } catch {
    return '/sys';
  }
}

describe('input checks', () => {
  it('a named pipe is refused by name instead of blocking forever', () => {
    expect(() => requireFile('--pairs', fifo, 'a TSV file')).toThrow(
      `--pairs ${fifo}: is a named pipe, expected a TSV file`,
    );
    expect(() => requireFileOrDir('--model', fifo, 'a model')).toThrow(/is a named pipe/);
  });
  it('/dev/zero is a device, not a labels file', () => {
    expect(() => readLabels('--labels', '/dev/zero')).toThrow(
      '--labels /dev/zero: is a device, expected a text file with one label per line',
    );
  });
  it('a directory as a file names the path (no raw EISDIR)', () => {
    expect(() => readLabels('--labels', tmp)).toThrow(
      `--labels ${tmp}: is a directory, expected a text file with one label per line`,
    );
    expect(() => readLabels('--labels', tmp)).toThrow(UsageError);
  });
  it('missing files and folders, and files given as folders', () => {
    expect(() => requireFile(undefined, path.join(tmp, 'nope.png'), 'an image')).toThrow(
      `${path.join(tmp, 'nope.png')}: no such file (expected an image)`,
    );
    expect(() => requireDir('--midi', path.join(tmp, 'nope'), 'a folder')).toThrow(/--midi .*nope: no such directory/);
    expect(() => requireDir('--midi', file, 'a folder')).toThrow(/labels\.txt: is a file, expected a folder/);
  });
  it('reads labels, skipping blank lines; an empty file is refused', () => {
    expect(readLabels('--labels', file)).toEqual(['cat', 'dog']);
    const empty = path.join(tmp, 'empty.txt');
    fs.writeFileSync(empty, '\n \n');
    expect(() => readLabels('--labels', empty)).toThrow(/empty \(expected one label per line\)/);
    expect(() => readLabels('--labels', empty)).not.toThrow(UsageError); // found by reading: exit 1
  });
});

describe('output checks', () => {
  it('an existing directory as --out FILE, and a file as --out DIR', () => {
    expect(() => prepareOutFile('--out', tmp, ['.png'])).toThrow(
      `--out ${tmp}: is a directory, expected a file to write`,
    );
    expect(() => prepareOutDir('--out', file)).toThrow(/exists and is not a directory/);
  });
  it('the extension is checked', () => {
    expect(() => prepareOutFile('--out', path.join(tmp, 'x.jpg'), ['.png'])).toThrow(/--out must name a \.png file/);
  });
  it('accepts missing folders under a writable one, and leaves nothing behind (not even the folders)', () => {
    const before = fs.readdirSync(tmp);
    const out = prepareOutFile('--out', path.join(tmp, 'new', 'deeper', 'x.png'), ['.png']);
    expect(out).toBe(path.join(tmp, 'new', 'deeper', 'x.png'));
    expect(prepareOutDir('--out', path.join(tmp, 'outdir'))).toBe(path.join(tmp, 'outdir'));
    expect(fs.readdirSync(tmp)).toEqual(before);
  });
  it('a parent that is a file', () => {
    expect(() => prepareOutFile('--out', path.join(file, 'x.png'))).toThrow(
      /cannot write to .*labels\.txt \(a file is in the way\)/,
    );
  });
  const ro = unwritableDir();
  (ro ? it : it.skip)('a folder that cannot be written is refused before any work, naming it', () => {
    expect(() => prepareOutFile('--out', path.join(ro!, 'x.png'))).toThrow(
      `--out ${path.join(ro!, 'x.png')}: cannot write to ${ro}`,
    );
    expect(() => prepareOutDir('--out', path.join(ro!, 'run'))).toThrow(UsageError);
  });
  (process.getuid?.() === 0 ? it.skip : it)(
    'a read-only folder (chmod 555; skipped as root, who may write anyway)',
    () => {
      const locked = path.join(tmp, 'locked');
      fs.mkdirSync(locked, { mode: 0o555 });
      expect(() => prepareOutFile('--out', path.join(locked, 'x.png'))).toThrow(/permission denied/);
    },
  );
});
