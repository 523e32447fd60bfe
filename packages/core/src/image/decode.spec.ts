import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { ImageDecodeError, decodeImage, readImageInfo } from './decode';
import { encodeImage } from './encode';
import { RawImage } from './raw-image';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-decode-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** 4×2 RGBA: left half opaque red, right half fully transparent. */
function redHalf(): RawImage {
  const data = new Uint8Array(4 * 2 * 4);
  for (let y = 0; y < 2; y++)
    for (let x = 0; x < 4; x++) data.set(x < 2 ? [255, 0, 0, 255] : [0, 0, 0, 0], (y * 4 + x) * 4);
  return { data, width: 4, height: 2, channels: 4 };
}

describe('decodeImage', () => {
  it('decodes a PNG file to the pixels that were encoded', async () => {
    const file = path.join(tmp, 'red.png');
    fs.writeFileSync(file, await encodeImage(redHalf()));
    const rgba = await decodeImage(file);
    expect([rgba.width, rgba.height, rgba.channels]).toEqual([4, 2, 4]);
    expect(Array.from(rgba.data)).toEqual(Array.from(redHalf().data));
    expect(await readImageInfo(file)).toEqual({ format: 'png', width: 4, height: 2, channels: 4 });
  });

  it('flattens alpha onto the background, converts to greyscale and resizes on request', async () => {
    const png = await encodeImage(redHalf());
    const rgb = await decodeImage(png, { channels: 3, background: '#00ff00' });
    expect(Array.from(rgb.data.slice(0, 3))).toEqual([255, 0, 0]); // opaque pixel unchanged
    expect(Array.from(rgb.data.slice(9, 12))).toEqual([0, 255, 0]); // transparent pixel -> background
    const grey = await decodeImage(png, { channels: 1, background: '#ffffff' });
    expect(grey.channels).toBe(1);
    expect(grey.data[3]).toBe(255); // white background
    expect(grey.data[0]).toBeGreaterThan(20); // red's luminance: darker than white, lighter than black
    expect(grey.data[0]).toBeLessThan(160);
    const big = await decodeImage(png, { channels: 3, resize: { width: 8, height: 4, kernel: 'nearest' } });
    expect([big.width, big.height, big.data.length]).toEqual([8, 4, 8 * 4 * 3]);
  });

  it('repeats a greyscale image to RGB when three channels are asked for', async () => {
    const grey = await encodeImage({ data: Uint8Array.from([10, 200]), width: 2, height: 1, channels: 1 });
    const rgb = await decodeImage(grey, { channels: 3 });
    expect(Array.from(rgb.data)).toEqual([10, 10, 10, 200, 200, 200]);
  });

  it('names the file in every error: corrupt, empty, missing, directory, named pipe', async () => {
    const corrupt = path.join(tmp, 'corrupt.png');
    fs.writeFileSync(corrupt, 'this is not an image');
    await expect(decodeImage(corrupt)).rejects.toThrow(ImageDecodeError);
    await expect(decodeImage(corrupt)).rejects.toThrow(
      /corrupt\.png: not a readable image \(.+\); expected a PNG, JPEG or WebP image/,
    );
    const empty = path.join(tmp, 'empty.jpg');
    fs.writeFileSync(empty, '');
    await expect(decodeImage(empty)).rejects.toThrow(/empty\.jpg: empty file \(0 bytes\)/);
    await expect(decodeImage(path.join(tmp, 'nope.png'))).rejects.toThrow(/nope\.png: no such file/);
    await expect(readImageInfo(tmp, { expected: 'a photo' })).rejects.toThrow(/: is a directory; expected a photo$/);
    const fifo = path.join(tmp, 'fifo.png');
    execFileSync('mkfifo', [fifo]);
    await expect(decodeImage(fifo)).rejects.toThrow(/fifo\.png: not a regular file/); // refused, not read (which would block)
    await expect(decodeImage(Buffer.from('junk'), { label: 'upload #3' })).rejects.toThrow(
      /^upload #3: not a readable image/,
    );
    const err = (await decodeImage(corrupt).catch((e: unknown) => e)) as ImageDecodeError;
    expect([err.file, err.reason.startsWith('not a readable image')]).toEqual([corrupt, true]);
  });
});
