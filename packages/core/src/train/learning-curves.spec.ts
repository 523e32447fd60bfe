import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeImage, readImageInfo } from '../image/decode';
import { EpochLogs, History } from './history';
import { niceTicks } from '../plot/ticks';
import { TRAIN_COLOR, VALIDATION_COLOR, learningCurvesSvg, renderLearningCurves } from './learning-curves';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-curves-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A plausible overfitting run: train loss keeps falling, validation loss turns up after epoch 8. */
function fakeHistory(epochs: number, withValidation = true, withAcc = true): History {
  const h = new History();
  for (let e = 0; e < epochs; e++) {
    const logs: EpochLogs = { epoch: e, loss: 1.2 * Math.exp(-e / 4) + 0.05, lr: 1e-3, seconds: 1 };
    if (withAcc) logs.acc = 1 - 0.6 * Math.exp(-e / 3);
    if (withValidation) {
      logs.valLoss = 1.25 * Math.exp(-e / 4) + 0.1 + 0.004 * Math.max(0, e - 8) ** 2;
      if (withAcc) logs.valAcc = 0.97 - 0.6 * Math.exp(-e / 3) - 0.002 * Math.max(0, e - 8);
    }
    h.push(logs);
  }
  return h;
}

/** Counts pixels within `tol` per channel of a #rrggbb colour. */
async function countColour(
  file: string,
  hex: string,
  tol = 12,
): Promise<{ count: number; width: number; height: number }> {
  const { data, width, height, channels } = await decodeImage(file, { channels: 3 });
  const target = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let p = 0; p < data.length; p += channels) {
    if (
      Math.abs(data[p] - target[0]) <= tol &&
      Math.abs(data[p + 1] - target[1]) <= tol &&
      Math.abs(data[p + 2] - target[2]) <= tol
    )
      count++;
  }
  return { count, width, height };
}

describe('renderLearningCurves', () => {
  // Slow (~1-4 s under load): renders the chart SVG to PNG with sharp.
  it('writes a PNG of the requested size with train and validation lines in their colours', async () => {
    const file = path.join(tmp, 'curves.png');
    const out = await renderLearningCurves(fakeHistory(20), file, {
      title: 'Tiny <run> & co',
      width: 900,
      height: 400,
    });
    expect(out).toEqual({ file, width: 900, height: 400 });
    const meta = await readImageInfo(file);
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 900, 400]);
    const train = await countColour(file, TRAIN_COLOR);
    const val = await countColour(file, VALIDATION_COLOR);
    // Two panels x (a 20-point polyline + markers + legend swatch): far more than a legend alone (~70 px).
    expect(train.count).toBeGreaterThan(800);
    expect(val.count).toBeGreaterThan(800);
  }, 30_000);

  // Slow (~1-4 s under load): renders the chart SVG to PNG with sharp.
  it('draws no validation line without validation data, and one panel without accuracy', async () => {
    const file = path.join(tmp, 'train-only.png');
    await renderLearningCurves(fakeHistory(5, false, false).toJSON(), file);
    expect((await countColour(file, TRAIN_COLOR)).count).toBeGreaterThan(150);
    expect((await countColour(file, VALIDATION_COLOR)).count).toBe(0);
    const svg = learningCurvesSvg(fakeHistory(5, false, false));
    expect(svg).toContain('>Loss<');
    expect(svg).not.toContain('>Accuracy<');
    expect(svg).not.toContain('>validation<');
  }, 30_000);

  it('labels the axes, escapes the title and handles a single epoch', () => {
    const svg = learningCurvesSvg(fakeHistory(1), { title: 'a < b & c' });
    expect(svg).toContain('a &lt; b &amp; c');
    expect(svg).toContain('>epoch<');
    expect(svg).toContain('>loss<');
    expect(svg).toContain('>accuracy<');
    expect(svg).toContain('>train<');
    expect(svg).toContain('>validation<');
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(() => learningCurvesSvg([])).toThrow(/at least one epoch/);
  });

  it('picks round ticks', () => {
    expect(niceTicks(0.03, 0.97, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 20, 8, true)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(1, 2, 8, true)).toEqual([1, 2]);
  });
});
