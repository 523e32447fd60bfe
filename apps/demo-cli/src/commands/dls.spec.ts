// `dlkit dls` end to end through main(): argument parsing, exit codes, the --json contract.
import { runCli } from '../testing/run-cli';
import { formatTable } from './dls';

const cli = (...args: string[]) => runCli('dls', ...args);

describe('dlkit dls', () => {
  let defaultRun: unknown;

  it('--json prints exactly one JSON line {experiment, results: {variant: {train, test}}}', async () => {
    const { code, stdout } = await cli('planar', '--json');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]);
    defaultRun = json;
    expect(Object.keys(json)).toEqual(['experiment', 'results']);
    expect(json.experiment).toBe('planar');
    expect(Object.keys(json.results)).toEqual(['logisticRegression', 'hidden4Tanh']);
    for (const row of Object.values(json.results) as Record<string, number>[]) {
      expect(Object.keys(row)).toEqual(['train', 'test']);
    }
    expect(json.results.hidden4Tanh.test).toBeGreaterThanOrEqual(0.88);
  });

  it('--seed changes the run (and is validated)', async () => {
    const a = JSON.parse((await cli('planar', '--json', '--seed', '2')).stdout);
    const b = JSON.parse((await cli('planar', '--json', '--seed', '2')).stdout);
    expect(a).toEqual(b); // deterministic per seed
    expect(a).not.toEqual(defaultRun); // and the seed is used (default 1)
    const bad = await cli('planar', '--seed', '-1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--seed must be an integer in \[0, 4294967295\], got '-1'/);
  });

  it('human mode prints an aligned table', async () => {
    const { code, stdout } = await cli('gradcheck');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^gradcheck \(seed 0, [\d.]+ s\)$/);
    expect(lines[1]).toMatch(/^variant\s+relativeDifference\s+threshold\s+passed$/);
    expect(stdout).toMatch(/\ndense\s+\S+\s+0\.001\s+true\n/);
    expect(new Set(lines.slice(1).map((l) => l.length)).size).toBe(1); // every row padded to the same width
  });

  it('rnn-gradcheck (course 5): every recurrent cell passes and matches tfjs-layers, as JSON', async () => {
    const { code, stdout } = await cli('rnn-gradcheck', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as { experiment: string; results: Record<string, { passed: boolean; relativeDifference: number; tfjsMaxDiff?: number }> };
    expect(r.experiment).toBe('rnn-gradcheck');
    expect(Object.keys(r.results)).toHaveLength(6);
    for (const row of Object.values(r.results)) expect(row.passed).toBe(true);
    expect(r.results['LSTM many-to-many'].tfjsMaxDiff).toBeLessThan(1e-5);
  });

  it('an unknown experiment is a usage error (exit 2) listing the valid names', async () => {
    const { code, stdout, stderr } = await cli('nope');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/unknown experiment 'nope', expected one of: planar, init, regularization, optimization, gradcheck, rnn-gradcheck/);
  });

  it('a missing experiment is a usage error', async () => {
    const { code } = await cli();
    expect(code).toBe(2);
  });

  it('--help lists the experiments', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    for (const name of ['planar', 'init', 'regularization', 'optimization', 'gradcheck', 'rnn-gradcheck']) expect(stdout).toMatch(new RegExp(`\\n  ${name}\\s+course`));
  });
});

describe('formatTable', () => {
  it('aligns columns, 3 decimals for accuracies, exponents for tiny numbers', () => {
    expect(formatTable({ he: { train: 0.99, test: 0.96 }, 'random x10': { train: 0.9067, test: 0.84 } })).toBe(
      ['variant     train   test', 'he          0.990  0.960', 'random x10  0.907  0.840'].join('\n'),
    );
    expect(formatTable({ dense: { relativeDifference: 1.5e-7, passed: true } })).toBe(
      ['variant  relativeDifference  passed', 'dense               1.50e-7    true'].join('\n'),
    );
  });
});
