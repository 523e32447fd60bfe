// The image-folder loader on real digits written as PNG/JPEG files: classes, channel
// normalisation (greyscale, RGB, RGBA -> 3 channels or 1), bad files reported by name, empty
// class folders, the stratified seeded split, and usage errors that name the path.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeImage } from '@dlkit/core';
import { writeDigitImageFolder } from '../classify/digit-folder';
import { mnistSplit } from './mnist';
import { ImageFolderError, loadImageFolder, stratifiedSplit } from './image-folder';
import { mapLimit, readImagePixels } from './image-folder-read';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-image-folder-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const dir = path.join(tmp, 'digits');

beforeAll(async () => {
  await writeDigitImageFolder(dir, { digits: [0, 1, 7], perClass: 20 });
  fs.writeFileSync(path.join(dir, 'one', 'corrupt.png'), 'this is not a PNG');
  fs.writeFileSync(path.join(dir, 'seven', 'empty.jpg'), '');
  const good = fs.readFileSync(path.join(dir, 'zero', 'zero-0000.png'));
  fs.writeFileSync(path.join(dir, 'zero', 'truncated.png'), good.subarray(0, Math.floor(good.length / 2)));
  fs.writeFileSync(path.join(dir, 'zero', 'notes.txt'), 'ignored: not an image extension');
  fs.mkdirSync(path.join(dir, 'empty-class'));
});

describe('readImagePixels', () => {
  it('normalises greyscale, RGB JPEG and RGBA PNG to 3 equal channels in [0, 1] matching the digit', async () => {
    const { train } = mnistSplit();
    const first0 = train.labels.indexOf(0);
    const digit = train.images.subarray(first0 * 784, (first0 + 1) * 784);
    const grey = await readImagePixels(path.join(dir, 'zero', 'zero-0000.png'), { size: 28 });
    expect(grey.length).toBe(28 * 28 * 3);
    for (let i = 0; i < 784; i++) {
      expect(grey[3 * i]).toBeCloseTo(Math.round(digit[i] * 255) / 255, 6); // exact from a lossless PNG
      expect(grey[3 * i + 1]).toBe(grey[3 * i]);
      expect(grey[3 * i + 2]).toBe(grey[3 * i]);
    }
    const rgba = await readImagePixels(path.join(dir, 'zero', 'zero-0002.png'), { size: 28 }); // RGBA PNG
    expect(rgba.length).toBe(28 * 28 * 3);
    const one = await readImagePixels(path.join(dir, 'zero', 'zero-0001.jpg'), { size: 14, channels: 1 });
    expect(one.length).toBe(14 * 14);
    expect(Math.max(...one)).toBeLessThanOrEqual(1);
    expect(Math.min(...one)).toBeGreaterThanOrEqual(0);
  });

  it('reads WebP and resizes non-square images by centre crop', async () => {
    const file = path.join(tmp, 'wide.webp');
    // 40×20: left half black, right half white; a centre crop keeps the middle 20×20 (half and half)
    const raw = Buffer.alloc(40 * 20, 0);
    for (let y = 0; y < 20; y++) for (let x = 20; x < 40; x++) raw[y * 40 + x] = 255;
    await writeImage(file, { data: raw, width: 40, height: 20, channels: 1 }, { format: 'webp', lossless: true });
    const px = await readImagePixels(file, { size: 20, channels: 1 });
    expect(px[10 * 20 + 2]).toBeLessThan(0.05); // left of centre: black
    expect(px[10 * 20 + 17]).toBeGreaterThan(0.95); // right of centre: white
  });

  it('flattens transparency onto white', async () => {
    const file = path.join(tmp, 'transparent.png');
    await writeImage(file, {
      data: new Uint8Array(4 * 4 * 4).map((_, i) => (i % 4 === 0 ? 255 : 0)),
      width: 4,
      height: 4,
      channels: 4,
    }); // red, fully transparent
    const px = await readImagePixels(file, { size: 4 });
    expect(Array.from(px.subarray(0, 3))).toEqual([1, 1, 1]);
  });

  it('names the file and the expectation for bad input', async () => {
    await expect(readImagePixels(path.join(dir, 'one', 'corrupt.png'), { size: 28 })).rejects.toThrow(
      /corrupt\.png: not a readable image .*expected a PNG, JPEG or WebP/,
    );
    await expect(readImagePixels(path.join(dir, 'seven', 'empty.jpg'), { size: 28 })).rejects.toThrow(
      /empty\.jpg: empty file \(0 bytes\)/,
    );
    await expect(readImagePixels(path.join(dir, 'nope.png'), { size: 28 })).rejects.toThrow(/nope\.png: no such file/);
  });

  it('mapLimit keeps order and never exceeds the bound', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (v) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, v));
      running--;
      return v * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});

describe('loadImageFolder', () => {
  it('loads the classes, reports every bad file by name with its reason and the empty class folder', async () => {
    const data = await loadImageFolder(dir, { size: 28, seed: 3, validationFraction: 0.2, testFraction: 0.2 });
    expect(data.classes).toEqual(['one', 'seven', 'zero']); // sorted; empty-class left out
    expect(data.counts).toEqual({ one: 20, seven: 20, zero: 20 });
    expect(data.skipped.map((s) => path.basename(s.file))).toEqual(['corrupt.png', 'empty.jpg', 'truncated.png']);
    expect(data.skipped[1].reason).toMatch(/empty file/);
    expect(data.skipped[2].reason).toMatch(/not a readable image/);
    expect(data.emptyClasses).toEqual(['empty-class']);
    expect(data.warnings[0]).toMatch(/^skipped 3 unreadable file\(s\): .*corrupt\.png/);
    expect(data.warnings[1]).toMatch(/empty-class has no readable/);
    // stratified: 20 per class -> 4 test, 4 validation, 12 train each
    const perClass = (labels: Int32Array) => [0, 1, 2].map((c) => labels.filter((l) => l === c).length);
    expect(perClass(data.test.labels)).toEqual([4, 4, 4]);
    expect(perClass(data.validation.labels)).toEqual([4, 4, 4]);
    expect(perClass(data.train.labels)).toEqual([12, 12, 12]);
    // no file in two splits, every file's label is its folder
    const all = [...data.train.files, ...data.validation.files, ...data.test.files];
    expect(new Set(all).size).toBe(60);
    data.test.files.forEach((f, i) => expect(path.basename(path.dirname(f))).toBe(data.classes[data.test.labels[i]]));
    expect(data.train.images[0].length).toBe(28 * 28 * 3);
  });

  it('is reproducible per seed and changes with it', async () => {
    const a = await loadImageFolder(dir, { size: 16, seed: 1 });
    const b = await loadImageFolder(dir, { size: 16, seed: 1 });
    const c = await loadImageFolder(dir, { size: 16, seed: 2 });
    expect(b.test.files).toEqual(a.test.files);
    expect(c.test.files).not.toEqual(a.test.files);
  });

  it('stratifiedSplit keeps a test example for tiny classes', () => {
    const s = stratifiedSplit([3, 10], 0.1, 0.1, 1);
    expect(s.test.filter(([c]) => c === 0)).toHaveLength(1);
    expect(s.train.filter(([c]) => c === 0).length).toBeGreaterThanOrEqual(1);
    expect(s.train.length + s.validation.length + s.test.length).toBe(13);
  });

  it('fails clearly for a missing directory, no class folders, or fewer than 2 usable classes', async () => {
    await expect(loadImageFolder(path.join(tmp, 'missing'))).rejects.toThrow(ImageFolderError);
    await expect(loadImageFolder(path.join(tmp, 'missing'))).rejects.toThrow(/missing: no such directory/);
    const flat = path.join(tmp, 'flat');
    fs.mkdirSync(flat);
    fs.copyFileSync(path.join(dir, 'zero', 'zero-0000.png'), path.join(flat, 'a.png'));
    await expect(loadImageFolder(flat)).rejects.toThrow(/flat: no class folders/);
    const single = path.join(tmp, 'single');
    fs.mkdirSync(path.join(single, 'cats'), { recursive: true });
    fs.mkdirSync(path.join(single, 'dogs'), { recursive: true });
    fs.copyFileSync(path.join(dir, 'zero', 'zero-0000.png'), path.join(single, 'cats', 'a.png'));
    fs.writeFileSync(path.join(single, 'dogs', 'bad.jpg'), 'xx');
    await expect(loadImageFolder(single)).rejects.toThrow(
      /found 1 class folder\(s\) with readable images \(cats\), a classifier needs at least 2.*bad\.jpg.*dogs has no readable/,
    );
  });
});
