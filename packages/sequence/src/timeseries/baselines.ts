/**
 * Reference forecasts every model must beat (Hyndman & Athanasopoulos, "Forecasting: Principles
 * and Practice", 3rd ed., section 5.2), and the error they are compared with.
 *
 *   naive:           x̂[t+h] = x[t]
 *   seasonal naive:  x̂[t+h] = x[t+h-k·m],  k = ceil(h/m)  (the last observed value of the same season)
 *
 * @example
 * naiveForecast([1, 2, 3], 2, 2);                     // [3, 3]
 * seasonalNaiveForecast([1, 2, 3, 4], 3, 3, 2);       // [3, 4, 3]
 * meanAbsoluteError([[1, 2]], [[2, 4]]);              // 1.5
 */

/** The naive forecast from origin t: the last observed value x[t], repeated `horizon` times. */
export function naiveForecast(values: readonly number[], origin: number, horizon: number): number[] {
  checkOrigin(values, origin, 0);
  return new Array<number>(horizon).fill(values[origin]);
}

/** The seasonal naive forecast from origin t with season length m: the value one season (or k seasons) before each target. */
export function seasonalNaiveForecast(
  values: readonly number[],
  origin: number,
  horizon: number,
  season: number,
): number[] {
  if (!(Number.isInteger(season) && season >= 1)) throw new Error(`season must be a positive integer, got ${season}`);
  checkOrigin(values, origin, season - 1);
  return Array.from({ length: horizon }, (_, i) => {
    const h = i + 1;
    return values[origin + h - Math.ceil(h / season) * season];
  });
}

/** Mean absolute error over every forecast and every step: mean |actual - predicted|. */
export function meanAbsoluteError(
  actual: readonly (readonly number[])[],
  predicted: readonly (readonly number[])[],
): number {
  if (actual.length !== predicted.length)
    throw new Error(`MAE: ${actual.length} actual rows vs ${predicted.length} predicted rows`);
  let sum = 0;
  let n = 0;
  actual.forEach((row, i) => {
    if (row.length !== predicted[i].length)
      throw new Error(`MAE: row ${i} has ${row.length} actual vs ${predicted[i].length} predicted values`);
    row.forEach((a, j) => {
      sum += Math.abs(a - predicted[i][j]);
      n++;
    });
  });
  if (n === 0) throw new Error('MAE of no values');
  return sum / n;
}

/** MAE per horizon step h = 1..H (column means of |actual - predicted|). */
export function maeByStep(actual: readonly (readonly number[])[], predicted: readonly (readonly number[])[]): number[] {
  const horizon = actual[0]?.length ?? 0;
  return Array.from({ length: horizon }, (_, j) =>
    meanAbsoluteError(
      actual.map((r) => [r[j]]),
      predicted.map((r) => [r[j]]),
    ),
  );
}

function checkOrigin(values: readonly number[], origin: number, minOrigin: number): void {
  if (!(Number.isInteger(origin) && origin >= minOrigin && origin < values.length)) {
    throw new Error(`forecast origin must be an index in [${minOrigin}, ${values.length}), got ${origin}`);
  }
}
