// Slow (~2.5 min of CPU, more on a shared machine): skip-gram on 60,000 WordNet lines, then 3 V1 and
// 3 V2 candidates on the validation split and the chosen two on the whole training split.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend } from '@dlkit/core';
import { emojifyReport } from './emojify-report';

it('Emojify report: settings chosen on validation, V1 and V2 test accuracy on the held-out split, confusion-matrix PNGs', async () => {
  await initBackend();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emojify-'));
  const r = await emojifyReport({ outDir });
  expect([r.trainSize, r.validationSize, r.testSize]).toEqual([210, 40, 50]);
  expect(r.validation.average).toHaveLength(3);
  expect(r.validation.lstm).toHaveLength(3);
  expect(r.average.accuracy).toBeGreaterThanOrEqual(0.7);
  expect(r.lstm.accuracy).toBeGreaterThanOrEqual(0.7);
  for (const png of [r.confusionPngs.average, r.confusionPngs.lstm]) {
    expect(fs.readFileSync(png!).subarray(1, 4).toString()).toBe('PNG');
  }
  fs.rmSync(outDir, { recursive: true, force: true });
}, 900_000);
