/** Rounds to `digits` decimals for JSON output (4 by default: scores, accuracies, AP). */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
