import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeImage, readImageInfo } from './decode';
import { encodeImage, writeImage } from './encode';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-encode-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('encodeImage and writeImage', () => {
  const img = { data: new Uint8Array(16 * 8 * 3).fill(200), width: 16, height: 8, channels: 3 as const };

  it('round-trips PNG losslessly and writes JPEG', async () => {
    const png = await encodeImage(img);
    expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    expect(Array.from((await decodeImage(png)).data)).toEqual(Array.from(img.data));
    const jpg = await writeImage(path.join(tmp, 'sub', 'grey.jpg'), img, { format: 'jpeg', quality: 95 });
    expect(await readImageInfo(jpg)).toMatchObject({ format: 'jpeg', width: 16, height: 8 });
    expect(fs.readdirSync(path.join(tmp, 'sub'))).toEqual(['grey.jpg']); // no temporary file left
  });

  it('writes lossless WebP', async () => {
    const webp = await encodeImage(img, { format: 'webp', lossless: true });
    expect((await readImageInfo(webp)).format).toBe('webp');
    expect(Array.from((await decodeImage(webp, { channels: 3 })).data)).toEqual(Array.from(img.data));
  });

  it('quantises to a palette when asked', async () => {
    const pal = await encodeImage(img, { palette: true, colours: 16, compressionLevel: 9 });
    expect((await decodeImage(pal, { channels: 3 })).data[0]).toBe(200);
  });
});
