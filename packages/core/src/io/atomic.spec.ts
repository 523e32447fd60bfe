// Atomic writes never leave their temporary sibling behind, even when the write fails
// (`dlkit style --out DIR` once left a .tmp file).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFileAtomic } from './atomic';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-atomic-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes and replaces a file', () => {
    const file = path.join(tmp, 'a.txt');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(tmp)).toEqual(['a.txt']);
  });
  it('a target that is a directory fails and leaves no temporary file', () => {
    const dir = path.join(tmp, 'out.png');
    fs.mkdirSync(dir);
    expect(() => writeFileAtomic(dir, 'x')).toThrow();
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
