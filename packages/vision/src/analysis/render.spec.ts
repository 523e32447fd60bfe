// The error-analysis pictures on real digits: files are PNGs of the expected size, cells are
// coloured by the row-normalised count, and tiles hold the images' own pixels.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeImage, escapeXml, readImageInfo } from '@dlkit/core';
import { mnistSplit } from '../datasets/mnist';
import { renderConfusionMatrix } from './confusion-matrix-png';
import { renderMisclassifiedGrid } from './misclassified-grid';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-analysis-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function pixelAt(file: string, x: number, y: number): Promise<number[]> {
  const { data, width } = await decodeImage(file, { channels: 3 });
  const i = (y * width + x) * 3;
  return Array.from(data.subarray(i, i + 3));
}

describe('error-analysis images', () => {
  it('confusion matrix: dark diagonal for a good classifier, light off-diagonal, escaped names', async () => {
    const file = path.join(tmp, 'confusion.png');
    await renderConfusionMatrix(
      [
        [40, 0],
        [10, 30],
      ],
      ['cats & <dogs>', 'dogs'],
      file,
    );
    const meta = await readImageInfo(file);
    expect(meta.format).toBe('png');
    // Geometry from core's heat map: cell 72, row labels 16 + 13 chars × 8.06 px, left ceil(36 + 120.8) = 157, top 48.
    const centre = (t: number, p: number) => pixelAt(file, 157 + p * 72 + 8, 48 + t * 72 + 8);
    const [r00] = await centre(0, 0); // 40/40 -> darkest blue, r = 8
    const [r01, g01, b01] = await centre(0, 1); // 0 -> near white
    const [r10] = await centre(1, 0); // 10/40 = 0.25
    expect(r00).toBeLessThan(20);
    expect(Math.min(r01, g01, b01)).toBeGreaterThan(240);
    expect(r10).toBeGreaterThan(150);
    expect(r10).toBeLessThan(220);
    expect(escapeXml('cats & <dogs>')).toBe('cats &amp; &lt;dogs&gt;');
  });

  it('misclassified grid: one tile per image holding its pixels (nearest upscale), most confident first', async () => {
    const { test } = mnistSplit();
    const digit = (i: number) => test.images.slice(i * 784, (i + 1) * 784);
    const items = [0, 1, 2, 3].map((i) => ({
      pixels: digit(i),
      size: 28,
      channels: 1,
      trueLabel: String(test.labels[i]),
      predictedLabel: 'x',
      score: 0.5 + i / 10,
      file: `d${i}.png`,
    }));
    const file = path.join(tmp, 'grid.png');
    await renderMisclassifiedGrid(items, file, { columns: 2, tile: 112 });
    const meta = await readImageInfo(file);
    // 2 columns of 112 + 3 pads of 8; margin 8 + title 26 + 2 rows of (112 + 50) + gap 8 + margin 8
    expect([meta.width, meta.height]).toEqual([8 + 2 * 120, 34 + 2 * 162 + 8 + 8]);
    // The first tile is item 3 (score 0.8): its pixel (14, 14) scaled ×4 sits at (8 + 56 + 2, 34 + 56 + 2).
    const expected = Math.round(digit(3)[14 * 28 + 14] * 255);
    const [v] = await pixelAt(file, 8 + 14 * 4 + 2, 34 + 14 * 4 + 2);
    expect(Math.abs(v - expected)).toBeLessThanOrEqual(1);
  });

  it('draws a readable placeholder when nothing was misclassified', async () => {
    const file = path.join(tmp, 'none.png');
    await renderMisclassifiedGrid([], file);
    expect((await readImageInfo(file)).format).toBe('png');
  });
});
