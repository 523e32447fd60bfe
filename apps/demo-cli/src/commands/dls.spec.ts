// `dlkit dls` through main(): argument parsing, exit codes, the human table and the --json form of
// the quick experiments. The planar runs (seconds each): dls.e2e.spec.ts.
import { runCli } from '../testing/run-cli';
import { formatTable } from './dls';

const cli = (...args: string[]) => runCli('dls', ...args);

describe('dlkit dls', () => {
  it('--seed is validated', async () => {
    const bad = await cli('planar', '--seed', '-1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--seed must be an integer in \[0, 4294967295\], got '-1'/);
  });

  // Slow (~1-2 s): the gradient checks of the course's network.
  it('human mode prints an aligned table', async () => {
    const { code, stdout } = await cli('gradcheck');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^gradcheck \(seed 0, [\d.]+ s\)$/);
    expect(lines[1]).toMatch(/^variant\s+relativeDifference\s+threshold\s+passed$/);
    expect(stdout).toMatch(/\ndense\s+\S+\s+0\.001\s+true\n/);
    expect(new Set(lines.slice(1).map((l) => l.length)).size).toBe(1); // every row padded to the same width
  }, 20_000);

  // Slow (~1-2 s): gradient checks of three recurrent cells in two model shapes.
  it('rnn-gradcheck (course 5): every recurrent cell passes and matches tfjs-layers, as JSON', async () => {
    const { code, stdout } = await cli('rnn-gradcheck', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as {
      experiment: string;
      results: Record<string, { passed: boolean; relativeDifference: number; tfjsMaxDiff?: number }>;
    };
    expect(r.experiment).toBe('rnn-gradcheck');
    expect(Object.keys(r.results)).toHaveLength(6);
    for (const row of Object.values(r.results)) expect(row.passed).toBe(true);
    expect(r.results['LSTM many-to-many'].tfjsMaxDiff).toBeLessThan(1e-5);
  }, 20_000);

  it('an unknown experiment is a usage error (exit 2) listing the valid names', async () => {
    const { code, stdout, stderr } = await cli('nope');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /unknown experiment 'nope', expected one of: planar, init, regularization, optimization, gradcheck, rnn-gradcheck/,
    );
  });

  it('a missing experiment is a usage error', async () => {
    const { code } = await cli();
    expect(code).toBe(2);
  });

  it('--help lists the experiments', async () => {
    const { code, stdout } = await cli('--help');
    expect(code).toBe(0);
    for (const name of ['planar', 'init', 'regularization', 'optimization', 'gradcheck', 'rnn-gradcheck'])
      expect(stdout).toMatch(new RegExp(`\\n  ${name}\\s+course`));
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
