import { maeByStep, meanAbsoluteError, naiveForecast, seasonalNaiveForecast } from './baselines';

describe('baselines', () => {
  // season 4: a repeating pattern 1, 3, 2, 0 plus 10 per season
  const values = [1, 3, 2, 0, 11, 13, 12, 10, 21, 23];

  it('naive repeats the last observed value', () => {
    expect(naiveForecast(values, 5, 3)).toEqual([13, 13, 13]);
    expect(() => naiveForecast(values, 10, 1)).toThrow('forecast origin must be an index in [0, 10), got 10');
  });

  it('seasonal naive takes the value one season before each target (k seasons beyond one season)', () => {
    // origin 7 (value 10), season 4: x̂[8]=x[4]=11, x̂[9]=x[5]=13, x̂[10]=x[6]=12, x̂[11]=x[7]=10, x̂[12]=x[12-2·4]=x[4]=11
    expect(seasonalNaiveForecast(values, 7, 5, 4)).toEqual([11, 13, 12, 10, 11]);
    // season 1 is the naive forecast
    expect(seasonalNaiveForecast(values, 5, 3, 1)).toEqual(naiveForecast(values, 5, 3));
    expect(() => seasonalNaiveForecast(values, 2, 1, 4)).toThrow('forecast origin must be an index in [3, 10), got 2');
  });

  it('MAE averages |error| over every origin and every step (hand-worked)', () => {
    // origins 5 and 6 with H = 2 on the series above:
    // actual [[12, 10], [10, 21]]; naive [[13, 13], [12, 12]]: errors 1, 3, 2, 9 -> 15 / 4 = 3.75
    const origins = [5, 6];
    const actual = origins.map((t) => values.slice(t + 1, t + 3));
    expect(actual).toEqual([
      [12, 10],
      [10, 21],
    ]);
    const naive = origins.map((t) => naiveForecast(values, t, 2));
    expect(meanAbsoluteError(actual, naive)).toBeCloseTo(3.75, 12);
    // seasonal naive (m = 4): [[x2, x3], [x3, x4]] = [[2, 0], [0, 11]]: errors 10, 10, 10, 10 -> 10
    const seasonal = origins.map((t) => seasonalNaiveForecast(values, t, 2, 4));
    expect(seasonal).toEqual([
      [2, 0],
      [0, 11],
    ]);
    expect(meanAbsoluteError(actual, seasonal)).toBeCloseTo(10, 12);
    expect(maeByStep(actual, naive)).toEqual([1.5, 6]);
  });

  it('MAE rejects mismatched shapes and empty input', () => {
    expect(() => meanAbsoluteError([[1]], [[1], [2]])).toThrow('1 actual rows vs 2 predicted rows');
    expect(() => meanAbsoluteError([[1, 2]], [[1]])).toThrow('row 0 has 2 actual vs 1 predicted values');
    expect(() => meanAbsoluteError([], [])).toThrow('MAE of no values');
  });
});
