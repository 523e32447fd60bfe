// Slow (~70 s): skip-gram on 60,000 WordNet lines, then V1 (400 epochs) and V2 (LSTM, 60 epochs) on 210 sentences.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '@dlkit/core';
import { emojifyReport } from './emojify-report';

it('Emojify report: V1 and V2 test accuracy on the held-out split, confusion-matrix PNGs', async () => {
  await initBackend();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emojify-'));
  const r = await emojifyReport({ outDir });
  expect([r.trainSize, r.testSize]).toEqual([210, 50]);
  expect(r.average.accuracy).toBeGreaterThanOrEqual(0.7);
  expect(r.lstm.accuracy).toBeGreaterThanOrEqual(0.7);
  for (const png of [r.confusionPngs.average, r.confusionPngs.lstm]) {
    expect(fs.readFileSync(png!).subarray(1, 4).toString()).toBe('PNG');
  }
  fs.rmSync(outDir, { recursive: true, force: true });
}, 180000);
