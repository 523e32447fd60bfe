// The transfer-learning target of `npm run eval:transfer`, on synthetic
// results: the full sweep takes 16 minutes of CPU, so the check itself is tested here.
import {
  checkTransferTarget,
  formatTargetReport,
  TARGET_SEEDS,
  TARGET_SHOTS,
  type TransferRun,
} from './transfer-target';

/** Runs for every target seed and shot count with gain `gain(seed, shots)` points over scratch 0.80. */
function runs(gain: (seed: number, shots: number) => number): TransferRun[] {
  return TARGET_SHOTS.flatMap((k) =>
    TARGET_SEEDS.map((seed) => {
      const g = gain(seed, k);
      return { seed, shotsPerClass: k, scratchAccuracy: 0.8, transferAccuracy: 0.8 + g / 100, gainPoints: g };
    }),
  );
}
const check = (r: TransferRun[]) => checkTransferTarget(r, [...TARGET_SEEDS], [...TARGET_SHOTS]);

describe('checkTransferTarget', () => {
  it('passes with the measured README gains (+8.0/+6.3/+5.3/+3.6/+3.3 at 1/2/5/10/20)', () => {
    const mean: Record<number, number> = { 1: 8.0, 2: 6.3, 5: 5.3, 10: 3.6, 20: 3.3 };
    const report = check(runs((seed, k) => mean[k] + (seed - 2) * 0.5));
    expect(report.passed).toBe(true);
    expect(report.coversTarget).toBe(true);
    // one "beats" check per shot count, then the two mean-gain checks
    expect(report.checks.map((c) => c.check)).toEqual([
      'transfer beats scratch at 1/class on every seed',
      'transfer beats scratch at 2/class on every seed',
      'transfer beats scratch at 5/class on every seed',
      'transfer beats scratch at 10/class on every seed',
      'transfer beats scratch at 20/class on every seed',
      'mean gain at 1/class >= 5 points',
      'mean gain at 2/class >= 5 points',
    ]);
    expect(report.checks[5]).toMatchObject({
      shotsPerClass: 1,
      meanGainPoints: 8,
      requiredMeanGainPoints: 5,
      gainPoints: [7.5, 8, 8.5],
      passed: true,
    });
    expect(formatTargetReport(report)).toMatch(/target: PASS$/);
  });

  it('fails when scratch wins (or ties) at any shot count on any seed, even by a little', () => {
    const report = check(runs((seed, k) => (seed === 3 && k === 20 ? -0.1 : 8)));
    expect(report.passed).toBe(false);
    expect(report.checks.filter((c) => !c.passed).map((c) => c.check)).toEqual([
      'transfer beats scratch at 20/class on every seed',
    ]);
    expect(check(runs((seed, k) => (seed === 1 && k === 10 ? 0 : 8))).passed).toBe(false);
  });

  it('fails when the mean gain at 1 or at 2 per class is below 5 points, though transfer wins everywhere', () => {
    const at2 = check(runs((_seed, k) => (k === 2 ? 4.9 : 6)));
    expect(at2.passed).toBe(false);
    expect(at2.checks.filter((c) => !c.passed).map((c) => c.check)).toEqual(['mean gain at 2/class >= 5 points']);
    // the mean is over the seeds: one weak seed is fine if the mean holds
    expect(check(runs((seed, k) => (k === 1 ? [1, 7, 7][seed - 1] : 6))).passed).toBe(true);
    expect(check(runs((_seed, k) => (k === 1 ? 5 : 6))).passed).toBe(true); // exactly 5 is enough
  });

  it('the old target (+10 at 20/class) plays no part: +1 point at 20/class passes', () => {
    expect(check(runs((_seed, k) => (k === 20 ? 1 : 6))).passed).toBe(true);
  });

  it('a subset of seeds or shot counts does not cover the target', () => {
    const sub = runs(() => 6).filter((r) => r.shotsPerClass === 20);
    expect(checkTransferTarget(sub, [...TARGET_SEEDS], [20]).passed).toBe(false);
    const partial = checkTransferTarget(sub, [...TARGET_SEEDS], [20], false);
    expect(partial).toMatchObject({ coversTarget: false, passed: true });
    expect(formatTargetReport(partial)).toMatch(/do not cover the target/);
  });

  it('throws when a run is missing', () => {
    expect(() => check(runs(() => 6).slice(1))).toThrow(/no result for seed 1 at 1 per class/);
  });
});
