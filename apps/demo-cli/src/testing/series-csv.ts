// A generated monthly series as a CSV file, for the forecast command's specs.
import * as fs from 'fs';
import * as path from 'path';
import { Rng } from '@dlkit/core';

/**
 * 14 years of monthly data (2000-01 .. 2013-12): trend 0.1/month + a yearly cycle of amplitude 3 +
 * N(0, 0.1) noise, in column `level` of `dir/series.csv` (plus a date and a text column).
 */
export function writeSeriesCsv(dir: string): { csv: string; values: number[] } {
  const rng = new Rng(11);
  const values = Array.from(
    { length: 168 },
    (_, t) => 50 + 0.1 * t + 3 * Math.sin((2 * Math.PI * t) / 12) + rng.normal(0, 0.1),
  );
  const rows = values.map(
    (v, t) => `${2000 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01,${v.toFixed(4)},x`,
  );
  const csv = path.join(dir, 'series.csv');
  fs.writeFileSync(csv, ['date,level,note', ...rows].join('\n'));
  return { csv, values };
}
