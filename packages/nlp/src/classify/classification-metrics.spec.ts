import { argMax, classMetrics, confusionEvaluation } from './classification-metrics';

describe('classification metrics', () => {
  it('per-class precision, recall and F1 on a hand-worked confusion matrix', () => {
    // rows true, columns predicted:
    //          cat dog bird
    //   cat  [  5,  1,  0 ]   support 6
    //   dog  [  2,  3,  1 ]   support 6
    //   bird [  0,  0,  0 ]   support 0, never predicted correctly; predicted once (from dog)
    const m = classMetrics(
      [
        [5, 1, 0],
        [2, 3, 1],
        [0, 0, 0],
      ],
      ['cat', 'dog', 'bird'],
    );
    // cat: precision 5 / (5 + 2) = 0.7143, recall 5 / 6 = 0.8333, F1 = 2pr / (p + r) = 10 / 13 = 0.7692
    expect(m.cat.precision).toBeCloseTo(5 / 7, 10);
    expect(m.cat.recall).toBeCloseTo(5 / 6, 10);
    expect(m.cat.f1).toBeCloseTo(10 / 13, 10);
    // dog: precision 3 / 4, recall 3 / 6, F1 = 2 · 0.75 · 0.5 / 1.25 = 0.6
    expect(m.dog).toEqual({ precision: 0.75, recall: 0.5, f1: expect.closeTo(0.6, 10), support: 6 });
    // bird: predicted once, never right; no true rows
    expect(m.bird).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(() => classMetrics([[1]], ['a', 'b'])).toThrow('must be 2×2');
  });

  it('builds the confusion matrix and accuracy from class ids', () => {
    const e = confusionEvaluation(['ham', 'spam'], [0, 1, 1, 0], [0, 1, 0, 0]);
    expect(e).toEqual({ accuracy: 0.75, confusion: [[2, 0], [1, 1]], labels: ['ham', 'spam'] }); // prettier-ignore
    expect(() => confusionEvaluation(['a', 'b'], [], [])).toThrow('no rows');
    expect(() => confusionEvaluation(['a', 'b'], [0, 2], [0, 0])).toThrow('row 1: class id out of range');
    expect(argMax([0.1, 0.7, 0.7, 0.2])).toBe(1);
  });
});
