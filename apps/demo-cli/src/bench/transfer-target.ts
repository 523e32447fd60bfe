/**
 * The transfer-learning target of the vision README, checked on the results of `npm run
 * eval:transfer`: on seeds 1, 2 and 3, transfer beats the same network trained from scratch at
 * every shot count of 1, 2, 5, 10 and 20 images per class on every seed, and the mean gain over
 * the seeds is at least 5 points at 1 and at 2 images per class. (The earlier target, +10 points
 * at 20 images per class, is withdrawn: a fairly trained scratch network already reaches 91-93 %.)
 */

export const TARGET_SEEDS = [1, 2, 3] as const;
export const TARGET_SHOTS = [1, 2, 5, 10, 20] as const;
/** Shot counts whose mean gain over the seeds must reach TARGET_MEAN_GAIN_POINTS. */
export const TARGET_MEAN_GAIN_SHOTS = [1, 2] as const;
export const TARGET_MEAN_GAIN_POINTS = 5;

/** The part of one run's result the target reads. */
export interface TransferRun {
  seed: number;
  shotsPerClass: number;
  transferAccuracy: number;
  scratchAccuracy: number;
  /** (transfer - scratch) * 100. */
  gainPoints: number;
}

export interface TargetCheck {
  check: string;
  shotsPerClass: number;
  /** Gain per seed (the order of `seeds`). */
  gainPoints: number[];
  meanGainPoints?: number;
  requiredMeanGainPoints?: number;
  passed: boolean;
}

export interface TransferTargetReport {
  task: 'transfer-target';
  target: string;
  seeds: number[];
  shots: number[];
  /** Whether the runs cover the target's seeds and shot counts (the no-argument run does). */
  coversTarget: boolean;
  checks: TargetCheck[];
  passed: boolean;
}

export const TARGET_TEXT =
  `on seeds ${TARGET_SEEDS.join(', ')}, transfer beats scratch at every shot count of ${TARGET_SHOTS.join(', ')} images per class on every seed, ` +
  `and the mean gain over the seeds is >= ${TARGET_MEAN_GAIN_POINTS} points at ${TARGET_MEAN_GAIN_SHOTS.join(' and at ')} images per class`;

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Checks the target on the runs of the given seeds and shot counts: "beats" at every shot count
 * on every seed (gain > 0), and the mean gain at 1 and 2 per class (those of them that were run).
 * Passed only when every check passes and the runs cover the target's seeds and shot counts,
 * unless `requireCoverage` is false (a partial run then checks what it ran).
 */
export function checkTransferTarget(
  runs: readonly TransferRun[],
  seeds: readonly number[],
  shots: readonly number[],
  requireCoverage = true,
): TransferTargetReport {
  const gains = (k: number): number[] =>
    seeds.map((seed) => {
      const run = runs.find((r) => r.seed === seed && r.shotsPerClass === k);
      if (!run) throw new Error(`no result for seed ${seed} at ${k} per class`);
      return run.gainPoints;
    });
  const checks: TargetCheck[] = shots.map((k) => {
    const g = gains(k);
    return {
      check: `transfer beats scratch at ${k}/class on every seed`,
      shotsPerClass: k,
      gainPoints: g,
      passed: g.every((x) => x > 0),
    };
  });
  for (const k of TARGET_MEAN_GAIN_SHOTS.filter((k) => shots.includes(k))) {
    const g = gains(k);
    const m = mean(g);
    checks.push({
      check: `mean gain at ${k}/class >= ${TARGET_MEAN_GAIN_POINTS} points`,
      shotsPerClass: k,
      gainPoints: g,
      meanGainPoints: m,
      requiredMeanGainPoints: TARGET_MEAN_GAIN_POINTS,
      passed: m >= TARGET_MEAN_GAIN_POINTS,
    });
  }
  const coversTarget = TARGET_SEEDS.every((s) => seeds.includes(s)) && TARGET_SHOTS.every((k) => shots.includes(k));
  return {
    task: 'transfer-target',
    target: TARGET_TEXT,
    seeds: [...seeds],
    shots: [...shots],
    coversTarget,
    checks,
    passed: checks.every((c) => c.passed) && (coversTarget || !requireCoverage),
  };
}

/** The human summary: one line per check, then the verdict. */
export function formatTargetReport(report: TransferTargetReport): string {
  const lines = report.checks.map((c) => {
    const detail =
      c.meanGainPoints === undefined
        ? `gains ${c.gainPoints.map((g) => g.toFixed(1)).join(', ')}`
        : `mean ${c.meanGainPoints.toFixed(1)} (gains ${c.gainPoints.map((g) => g.toFixed(1)).join(', ')})`;
    return `${c.passed ? 'PASS' : 'FAIL'}  ${c.check}: ${detail}`;
  });
  const scope = report.coversTarget
    ? ''
    : " (these runs do not cover the target's seeds 1, 2, 3 and shots 1, 2, 5, 10, 20)";
  return [...lines, `target${scope}: ${report.passed ? 'PASS' : 'FAIL'}`].join('\n');
}
