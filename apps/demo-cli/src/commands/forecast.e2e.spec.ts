// `dlkit forecast` end to end through main(): a small run on a generated CSV that beats the
// seasonal naive forecast, the --json contract and the files it writes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readImageInfo } from '@dlkit/core';
import { runCli } from '../testing/run-cli';
import { writeSeriesCsv } from '../testing/series-csv';

const cli = (...args: string[]) => runCli('forecast', ...args);

describe('dlkit forecast', () => {
  let dir: string;
  let csv: string;
  let values: number[];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-forecast-cli-'));
    ({ csv, values } = writeSeriesCsv(dir));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Slow (~5-10 s): 15 epochs of an LSTM on 14 years of monthly values.
  it('trains on a CSV column, beats the seasonal naive on the held-out years, writes model, plot and JSON', async () => {
    const out = path.join(dir, 'run');
    const r = await cli(
      '--series',
      csv,
      '--column',
      'level',
      '--horizon',
      '6',
      '--window',
      '12',
      '--epochs',
      '15',
      '--units',
      '8',
      '--learning-rate',
      '0.01',
      '--batch-size',
      '16',
      '--test-points',
      '24',
      '--out',
      out,
      '--json',
    );
    expect(r.stderr).not.toMatch(/dlkit:/);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const j = r.json<
      Record<string, unknown> & { mae: number; naiveMae: number; seasonalNaiveMae: number; maeByStep: number[] }
    >();
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['task', 'mae', 'naiveMae', 'seasonalNaiveMae', 'ratio', 'plot', 'model']),
    ); // the keys, in any order
    expect(j).toMatchObject({
      task: 'forecast',
      horizon: 6,
      window: 12,
      epochs: 15,
      testPeriod: ['2012-01-01', '2013-12-01'],
      testOrigins: 19,
      trainValues: 144,
    });
    // seasonal naive is off by a year of trend (1.2); the network must do much better
    expect(j.seasonalNaiveMae).toBeGreaterThan(1);
    expect(j.mae).toBeLessThan(0.8 * j.seasonalNaiveMae);
    expect(j.maeByStep).toHaveLength(6);
    const meta = await readImageInfo(j.plot as string);
    expect(meta.format).toBe('png');
    // the scaler in the side file holds the training part's statistics only
    const side = JSON.parse(fs.readFileSync(path.join(j.model as string, 'forecaster.json'), 'utf8'));
    const d = values.slice(1, 144).map((v, i) => v - values[i]);
    expect(side.scaler.mean).toBeCloseTo(d.reduce((a, b) => a + b) / d.length, 3);
    expect(fs.existsSync(path.join(j.model as string, 'model.json'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'forecast.json'), 'utf8')).mae).toBeCloseTo(j.mae, 3);
  }, 60_000);
});
