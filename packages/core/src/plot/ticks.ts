/**
 * Axis ticks: round values (1-2-5 times a power of ten, the rule of matplotlib's MaxNLocator and
 * of most plotting libraries) and their labels with just the decimals the spacing needs.
 *
 * @example
 * niceTicks(0.03, 0.97, 6);              // [0, 0.2, 0.4, 0.6, 0.8, 1]
 * formatTick(0.1, [0, 0.05, 0.1]);       // "0.10"
 */

/** Round tick values: steps of 1, 2 or 5 times a power of ten covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, maxTicks: number, integer = false): number[] {
  const span = hi - lo;
  let step = Math.pow(10, Math.floor(Math.log10(span / maxTicks)));
  for (const m of [1, 2, 5, 10]) {
    if (span / (step * m) <= maxTicks) {
      step *= m;
      break;
    }
  }
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1] < hi - step * 1e-9) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** A tick label with as many decimals as the (1-2-5) tick spacing needs: 0.05 steps -> "0.10", 10 steps -> "20". */
export function formatTick(t: number, ticks: readonly number[]): string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  return t.toFixed(decimals);
}
