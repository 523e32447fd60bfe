import { accuracyOf, confusionMatrix, perClassMetrics } from './metrics';

describe('classification metrics', () => {
  // Worked by hand: true  [0 0 0 1 1 2 2 2 2]
  //                 pred  [0 0 1 1 2 2 2 0 2]
  // row 0: [2 1 0], row 1: [0 1 1], row 2: [1 0 3]
  // class 0: TP 2, predicted 3 (col sum), support 3 -> P 2/3, R 2/3, F1 2/3
  // class 1: TP 1, predicted 2, support 2 -> P 1/2, R 1/2, F1 1/2
  // class 2: TP 3, predicted 4, support 4 -> P 3/4, R 3/4, F1 3/4
  const t = [0, 0, 0, 1, 1, 2, 2, 2, 2];
  const p = [0, 0, 1, 1, 2, 2, 2, 0, 2];

  it('counts the confusion matrix rows = true, columns = predicted', () => {
    expect(confusionMatrix(t, p, 3)).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [1, 0, 3],
    ]);
    expect(accuracyOf(confusionMatrix(t, p, 3))).toBeCloseTo(6 / 9, 12);
  });

  it('gives per-class precision, recall, F1 and support', () => {
    const m = perClassMetrics(confusionMatrix(t, p, 3), ['a', 'b', 'c']);
    expect(m.a.precision).toBeCloseTo(2 / 3, 12);
    expect(m.a.recall).toBeCloseTo(2 / 3, 12);
    expect(m.b).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(m.c.f1).toBeCloseTo(0.75, 12);
    expect(m.c.support).toBe(4);
  });

  it('uses 0 where a class is never predicted (no division by zero) and F1 is the harmonic mean', () => {
    const m = perClassMetrics(confusionMatrix([0, 0, 1], [0, 0, 0], 2), ['x', 'y']);
    expect(m.y).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    // x: P = 2/3, R = 1 -> F1 = 2·(2/3)/(5/3) = 0.8
    expect(m.x.f1).toBeCloseTo(0.8, 12);
  });

  it('rejects labels outside the class range', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(/label 3 .* outside \[0, 3\)/);
  });
});
