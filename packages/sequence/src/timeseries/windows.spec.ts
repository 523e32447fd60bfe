import { DiffScaler, chronologicalSplit, makeWindows, testOrigins } from './windows';

describe('makeWindows', () => {
  const values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

  it('single-step: every window of W values with the next value as target', () => {
    const w = makeWindows(values, { window: 3, horizon: 1 });
    expect(w.origins).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(w.inputs[0]).toEqual([0, 1, 2]);
    expect(w.targets[0]).toEqual([3]);
    expect(w.inputs[6]).toEqual([6, 7, 8]);
    expect(w.targets[6]).toEqual([9]);
  });

  it('multi-step: H targets, and no window or target crosses `end`', () => {
    const w = makeWindows(values, { window: 2, horizon: 3, end: 7 });
    // origins t with t + 3 < 7: 1, 2, 3
    expect(w.origins).toEqual([1, 2, 3]);
    expect(w.inputs).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(w.targets).toEqual([
      [2, 3, 4],
      [3, 4, 5],
      [4, 5, 6],
    ]);
    expect(Math.max(...w.targets.flat())).toBe(6);
  });

  it('`start` bounds the inputs; too short a series gives no windows; bad sizes throw', () => {
    expect(makeWindows(values, { window: 2, horizon: 1, start: 7 }).origins).toEqual([8]);
    expect(makeWindows([1, 2], { window: 2, horizon: 1 }).origins).toEqual([]);
    expect(() => makeWindows(values, { window: 0, horizon: 1 })).toThrow('window must be a positive integer, got 0');
    expect(() => makeWindows(values, { window: 1, horizon: 1.5 })).toThrow(
      'horizon must be a positive integer, got 1.5',
    );
  });
});

describe('chronologicalSplit and testOrigins', () => {
  it('holds out the last points and rolls origins over the test period', () => {
    const split = chronologicalSplit(20, { testPoints: 5 });
    expect(split).toEqual({ trainEnd: 15, length: 20 });
    // horizon 2: origins 14 (forecasts 15, 16) .. 17 (forecasts 18, 19)
    expect(testOrigins(split, 2)).toEqual([14, 15, 16, 17]);
    expect(testOrigins(split, 5)).toEqual([14]);
    expect(() => testOrigins(split, 6)).toThrow('the test period (5 values) is shorter than the horizon (6)');
    expect(() => chronologicalSplit(5, { testPoints: 5 })).toThrow(
      'testPoints (5) must be smaller than the series (5 values)',
    );
  });
});

describe('DiffScaler', () => {
  it('z-scores first differences with the training statistics (worked example)', () => {
    // diffs of [1, 2, 4, 7] are [1, 2, 3]: mean 2, population std sqrt(2/3)
    const s = DiffScaler.fit([1, 2, 4, 7]);
    expect(s.mean).toBeCloseTo(2, 12);
    expect(s.std).toBeCloseTo(Math.sqrt(2 / 3), 12);
    const z = s.encode([1, 2, 4, 7]);
    expect(z[0]).toBeCloseTo(-1 / Math.sqrt(2 / 3), 12);
    expect(z[1]).toBeCloseTo(0, 12);
    // decode inverts encode: levels from the last value and the z of the following steps
    const future = [7, 9, 8, 12];
    const back = s.decode(7, s.encode(future));
    back.forEach((v, i) => expect(v).toBeCloseTo(future[i + 1], 10));
    // centred on another drift (a window's own mean difference): encode then decode still inverts
    const z3 = s.encode(future, 1.5);
    expect(z3[0]).toBeCloseTo((2 - 1.5) / Math.sqrt(2 / 3), 12);
    s.decode(7, z3, 1.5).forEach((v, i) => expect(v).toBeCloseTo(future[i + 1], 10));
  });

  it('is fitted on the training part only: changing the test part leaves it unchanged', () => {
    const train = Array.from({ length: 50 }, (_, i) => 0.5 * i + Math.sin(i));
    const split = chronologicalSplit(70, { testPoints: 20 });
    const calm = [...train, ...Array.from({ length: 20 }, (_, i) => 25 + 0.5 * i)];
    const wild = [...train, ...Array.from({ length: 20 }, (_, i) => 1000 * (i % 2) - 300 * i)];
    const a = DiffScaler.fit(calm.slice(0, split.trainEnd));
    const b = DiffScaler.fit(wild.slice(0, split.trainEnd));
    expect(b.toJSON()).toEqual(a.toJSON());
    // and the statistics are those of the 49 training differences, not of the whole series
    const d = train.slice(1).map((v, i) => v - train[i]);
    expect(a.mean).toBeCloseTo(d.reduce((x, y) => x + y) / 49, 12);
    expect(DiffScaler.fit(wild).std).toBeGreaterThan(10 * a.std); // what a leaking scaler would see
  });

  it('a straight line (zero spread) keeps a unit scale', () => {
    const s = DiffScaler.fit([0, 2, 4, 6]);
    expect(s.toJSON()).toEqual({ mean: 2, std: 1 });
    expect(() => DiffScaler.fit([1, 2])).toThrow('at least 3 training values');
  });
});
