import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { convertChannels, resizeImage, writeImage } from '@dlkit/core';
import { mnistSplit } from '../datasets/mnist';
import { readGreyscaleImage } from './greyscale-image';

describe('readGreyscaleImage', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-img-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const digit = mnistSplit().test.images.subarray(0, 784);
  const bytes = Buffer.from(Array.from(digit, (v) => Math.round(v * 255)));

  it('reads a 28×28 MNIST digit PNG back to the same pixels (to 8-bit precision)', async () => {
    const file = path.join(tmp, 'digit.png');
    await writeImage(file, { data: bytes, width: 28, height: 28, channels: 1 });
    const pixels = await readGreyscaleImage(file, 28);
    for (let i = 0; i < 784; i++) expect(Math.abs(pixels[i] - digit[i])).toBeLessThanOrEqual(0.5 / 255 + 1e-6);
  });

  it('inverts a dark-on-light, larger RGB JPEG and resizes it to 28×28', async () => {
    const inverted = Buffer.from(bytes.map((v) => 255 - v));
    const file = path.join(tmp, 'paper.jpg');
    const big = await resizeImage({ data: inverted, width: 28, height: 28, channels: 1 }, { width: 112, height: 112 });
    await writeImage(file, convertChannels(big, 3), { format: 'jpeg', quality: 95 });
    const pixels = await readGreyscaleImage(file, 28);
    // Same digit after a 4× up/down round trip and JPEG: close, not exact.
    let err = 0;
    for (let i = 0; i < 784; i++) err += Math.abs(pixels[i] - digit[i]);
    expect(err / 784).toBeLessThan(0.05);
  });

  it('names the file when it is missing, empty or not an image', async () => {
    await expect(readGreyscaleImage(path.join(tmp, 'nope.png'), 28)).rejects.toThrow(/nope\.png: no such file/);
    const empty = path.join(tmp, 'empty.png');
    fs.writeFileSync(empty, '');
    await expect(readGreyscaleImage(empty, 28)).rejects.toThrow(
      /empty\.png: empty file \(0 bytes\); expected a PNG or JPEG image/,
    );
    const text = path.join(tmp, 'text.png');
    fs.writeFileSync(text, 'this is not a png');
    await expect(readGreyscaleImage(text, 28)).rejects.toThrow(/text\.png: not a readable image/);
  });
});
