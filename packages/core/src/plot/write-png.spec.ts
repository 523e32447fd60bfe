import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readImageInfo } from '../image/decode';
import { writePng, writeSvgPng } from './write-png';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-write-png-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const svg = (w: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="7"><rect width="100%" height="100%" fill="white"/></svg>`;

describe('writePng and writeSvgPng', () => {
  it('writes the PNG (creating the folder) and leaves no temporary file', async () => {
    const file = path.join(tmp, 'a', 'chart.png');
    expect(await writeSvgPng(file, svg(13))).toBe(file);
    expect(await readImageInfo(file)).toMatchObject({ format: 'png', width: 13, height: 7 });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['chart.png']);
  });

  it('does not clobber the previous picture when the write fails, and cleans up', async () => {
    const file = path.join(tmp, 'keep.png');
    await writeSvgPng(file, svg(5));
    const before = fs.readFileSync(file);
    expect(() => writePng(file, Buffer.from('not a png'))).toThrow(/keep\.png: the bytes are not a PNG/);
    // a target that cannot be replaced (a non-empty directory) fails at the rename
    const dir = path.join(tmp, 'dir.png');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'x'), 'x');
    await expect(writeSvgPng(dir, svg(5))).rejects.toThrow();
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
