// `dlkit dls planar` end to end through main(): the --json contract of a real experiment and its seed.
import { runCli } from '../testing/run-cli';

const cli = (...args: string[]) => runCli('dls', ...args);

describe('dlkit dls planar', () => {
  let defaultRun: { code: number; stdout: string };
  // Slow (~10-25 s): the planar experiment trains a logistic regression and a hidden-layer network.
  beforeAll(async () => {
    defaultRun = await cli('planar', '--json');
  }, 120_000);

  it('--json prints exactly one JSON line {experiment, results: {variant: {train, test}}}', () => {
    expect(defaultRun.code).toBe(0);
    const lines = defaultRun.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]);
    expect(Object.keys(json).sort()).toEqual(['experiment', 'results']);
    expect(json.experiment).toBe('planar');
    expect(Object.keys(json.results).sort()).toEqual(['hidden4Tanh', 'logisticRegression']);
    for (const row of Object.values(json.results) as Record<string, number>[]) {
      expect(Object.keys(row).sort()).toEqual(['test', 'train']);
    }
    expect(json.results.hidden4Tanh.test).toBeGreaterThanOrEqual(0.88);
  });

  // Slow (~20-50 s): two more planar runs.
  it('--seed changes the run, and the same seed gives the same run', async () => {
    const a = JSON.parse((await cli('planar', '--json', '--seed', '2')).stdout);
    const b = JSON.parse((await cli('planar', '--json', '--seed', '2')).stdout);
    expect(a).toEqual(b); // deterministic per seed
    expect(a).not.toEqual(JSON.parse(defaultRun.stdout)); // and the seed is used (default 1)
  }, 180_000);
});
