// `dlkit forecast` through main(): a tiny run on a generated CSV in human mode, and the usage
// (exit 2) and input (exit 1) errors. The --json contract of a real run: forecast.e2e.spec.ts.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../testing/run-cli';
import { writeSeriesCsv } from '../testing/series-csv';

const cli = (...args: string[]) => runCli('forecast', ...args);

describe('dlkit forecast', () => {
  let dir: string;
  let csv: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-forecast-cli-'));
    ({ csv } = writeSeriesCsv(dir));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('human mode summarises the three MAEs', async () => {
    const r = await cli(
      '--series',
      csv,
      '--column',
      'level',
      '--horizon',
      '3',
      '--window',
      '6',
      '--epochs',
      '1',
      '--units',
      '2',
      '--test-points',
      '12',
      '--out',
      path.join(dir, 'human'),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/MAE {2}LSTM \(direct\) [\d.]+ {3}seasonal naive [\d.]+ {3}naive [\d.]+/);
    expect(r.stdout).toMatch(/plot: {2}.*forecast\.png/);
  });

  it('usage errors exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--series', csv], /a CSV file needs --column NAME/],
      [['--horizon', '0'], /--horizon must be an integer in \[1, 10000\], got '0'/],
      [['--window', '-3'], /--window must be an integer in \[1, 10000\], got '-3'/],
      [['--cell', 'rnn'], /--cell must be one of lstm, gru, got 'rnn'/],
      [['--strategy', 'both'], /--strategy must be one of direct, recursive/],
      [['--center', 'mean'], /--center must be one of window, train, got 'mean'/],
      [['--horizon', '12', '--test-points', '6'], /--test-points \(6\) must be at least --horizon \(12\)/],
      [['--series', path.join(dir, 'missing.csv'), '--column', 'x'], /no such file/],
      [['--bogus'], /unknown option/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args, '--out', path.join(dir, 'never'));
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
  });

  it('bad CSV input exits 1 naming the file, the line and the column', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'date,level\n2000-01-01,1\n2000-02-01,2\n2000-03-01,three\n');
    let r = await cli('--series', bad, '--column', 'level', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`dlkit: ${bad}:4: column 'level': 'three' is not a number`);
    r = await cli('--series', bad, '--column', 'Level');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:1: no column 'Level' in the header (columns: date, level)`);
    fs.writeFileSync(bad, 'date,level\n2000-01-01,1\n2000-02-01,"2\n');
    r = await cli('--series', bad, '--column', 'level');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:3: unterminated quoted field`);
    // parses, but too short for the held-out period plus one training window
    fs.writeFileSync(bad, 'level\n1\n2\n3\n4\n5\n6\n7\n8\n');
    r = await cli(
      '--series',
      bad,
      '--column',
      'level',
      '--horizon',
      '2',
      '--window',
      '3',
      '--test-points',
      '4',
      '--season',
      '2',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `dlkit: ${bad}: too short: 8 values leave 4 for training after holding out the last 4 (testPoints); a window of 3 differences and a horizon of 2 need at least 6`,
    );
  });

  it('--help describes every option and the evaluation protocol', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const flag of [
      '--series',
      '--column',
      '--horizon',
      '--window',
      '--epochs',
      '--test-points',
      '--season',
      '--cell',
      '--strategy',
      '--center',
      '--units',
      '--learning-rate',
      '--batch-size',
      '--seed',
      '--out',
      '--json',
    ]) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toMatch(/MAE is over all origins and all H steps/);
  });
});
