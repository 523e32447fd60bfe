// `npm run eval:transfer` with no arguments, on synthetic results (mnistTransferEval mocked; the
// real sweep takes 16 minutes of CPU): it runs exactly seeds 1-3 x shots 1, 2, 5, 10, 20, prints
// the target report with each check last, and exits 0 when the target holds, 1 otherwise.
import type { MnistTransferOptions } from '@dlkit/vision';

let gain: (seed: number, shots: number) => number = () => 6;
const calls: { seed: number; shots: number }[] = [];
jest.mock('@dlkit/vision', () => {
  const actual = jest.requireActual('@dlkit/vision');
  return {
    ...actual,
    mnistTransferEval: async (o: MnistTransferOptions & { seed: number; shotsPerClass: number }) => {
      calls.push({ seed: o.seed, shots: o.shotsPerClass });
      const g = gain(o.seed, o.shotsPerClass);
      return {
        task: 'transfer',
        network: 'mnist-cnn',
        seed: o.seed,
        shotsPerClass: o.shotsPerClass,
        transferAccuracy: 0.8 + g / 100,
        headOnlyAccuracy: 0.7,
        scratchAccuracy: 0.8,
        gainPoints: g,
        seconds: 0,
      };
    },
  };
});
jest.mock('@dlkit/core', () => ({
  ...jest.requireActual('@dlkit/core'),
  initBackend: async () => ({ backend: 'cpu' }),
}));
import { main } from './transfer-eval';

describe('eval:transfer (no arguments) checks the target', () => {
  let stdout: string;
  beforeEach(() => {
    stdout = '';
    calls.length = 0;
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());
  const report = () => JSON.parse(stdout.trim().split('\n').pop()!);

  it('runs seeds 1, 2, 3 at 1, 2, 5, 10, 20 per class and exits 0 when the target holds', async () => {
    gain = (_seed, k) => (k <= 2 ? 7 : 2);
    await expect(main(['--json'])).resolves.toBe(0);
    expect(calls).toEqual([1, 2, 5, 10, 20].flatMap((shots) => [1, 2, 3].map((seed) => ({ seed, shots }))));
    const r = report();
    expect(r).toMatchObject({
      task: 'transfer-target',
      seeds: [1, 2, 3],
      shots: [1, 2, 5, 10, 20],
      coversTarget: true,
      passed: true,
    });
    expect(r.checks).toHaveLength(7);
    expect(r.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
  });

  it('exits 1 when scratch wins once, or when the mean gain at 1 per class is below 5', async () => {
    gain = (seed, k) => (seed === 2 && k === 10 ? -0.5 : 7);
    await expect(main(['--json'])).resolves.toBe(1);
    expect(
      report()
        .checks.filter((c: { passed: boolean }) => !c.passed)
        .map((c: { check: string }) => c.check),
    ).toEqual(['transfer beats scratch at 10/class on every seed']);
    gain = (_seed, k) => (k === 1 ? 4 : 7);
    await expect(main([])).resolves.toBe(1);
    expect(stdout).toMatch(/FAIL {2}mean gain at 1\/class >= 5 points: mean 4\.0/);
    expect(stdout).toMatch(/target: FAIL\n$/);
  });
});
