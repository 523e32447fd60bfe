import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeImage } from '@dlkit/core';
import type { MnistTransferResult } from './mnist-transfer';
import { renderShotsChart, summariseByShots } from './shots-chart';

const run = (seed: number, shots: number, transfer: number, scratch: number): MnistTransferResult => ({
  task: 'transfer',
  seed,
  network: 'mnist-cnn',
  shotsPerClass: shots,
  transferAccuracy: transfer,
  headOnlyAccuracy: transfer - 0.05,
  scratchAccuracy: scratch,
  gainPoints: (transfer - scratch) * 100,
  backboneSourceAccuracy: 0.98,
  bestEpochs: { head: 1, fineTune: 1, scratch: 1 },
  trainImages: shots * 5,
  validationImages: 100,
  testImages: 975,
  seconds: 1,
});

describe('summariseByShots', () => {
  it('groups runs by shots (ascending) with mean, min and max per side', () => {
    const points = summariseByShots([
      run(1, 20, 0.95, 0.9),
      run(1, 2, 0.7, 0.5),
      run(2, 20, 0.97, 0.94),
      run(2, 2, 0.8, 0.6),
    ]);
    expect(points.map((p) => p.shots)).toEqual([2, 20]);
    expect(points[0].seeds).toBe(2);
    expect(points[0].transfer.mean).toBeCloseTo(0.75, 10);
    expect(points[0].scratch).toEqual({ mean: expect.closeTo(0.55, 10), min: 0.5, max: 0.6 });
    expect(points[0].meanGainPoints).toBeCloseTo(20, 8);
    expect(points[1].meanGainPoints).toBeCloseTo(4, 8); // (0.96 - 0.92) * 100
  });
});

describe('renderShotsChart', () => {
  it('needs two or more shot counts', async () => {
    await expect(renderShotsChart([run(1, 20, 0.95, 0.9)], path.join(os.tmpdir(), 'never.png'))).rejects.toThrow(
      /two or more shot counts/,
    );
  });

  it('draws both curves: the transfer (blue) line lies above the scratch (orange) line where it should', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shots-chart-')), 'curve.png');
    await renderShotsChart([run(1, 1, 0.9, 0.5), run(1, 100, 0.9, 0.5)], file);
    const { data, ...info } = await decodeImage(file, { channels: 3 });
    expect([info.width, info.height]).toEqual([640, 380]);
    // Both lines are horizontal; find, in the middle column, the rows coloured blue (#3182bd) and orange (#e6550d).
    const column = Math.round(info.width / 2);
    const rowsOf = (r: number, g: number, b: number): number[] => {
      const rows: number[] = [];
      for (let row = 0; row < info.height; row++) {
        const o = (row * info.width + column) * info.channels;
        if (Math.abs(data[o] - r) < 30 && Math.abs(data[o + 1] - g) < 30 && Math.abs(data[o + 2] - b) < 30)
          rows.push(row);
      }
      return rows;
    };
    const blue = rowsOf(0x31, 0x82, 0xbd);
    const orange = rowsOf(0xe6, 0x55, 0x0d);
    expect(blue.length).toBeGreaterThan(0);
    expect(orange.length).toBeGreaterThan(0);
    // y axis 50%..100% over rows 64..320: 90% at row ~269-... blue above (smaller row) orange.
    expect(Math.max(...blue)).toBeLessThan(Math.min(...orange));
    expect(Math.abs(blue[0] - (320 - (0.4 / 0.5) * 256))).toBeLessThan(3);
  });
});
