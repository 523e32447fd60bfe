import { diagnoseBiasVariance } from './bias-variance';

describe('diagnoseBiasVariance', () => {
  // The lectures' examples (course 2 week 1 with baseline ~0%, course 3 week 1 with human-level error).
  it.each([
    [0.01, 0.11, 0, 'high variance'],
    [0.15, 0.16, 0, 'high bias'],
    [0.15, 0.3, 0, 'high bias and high variance'],
    [0.005, 0.01, 0, 'good fit'],
    [0.08, 0.1, 0.01, 'high bias'],
    [0.08, 0.1, 0.075, 'high variance'],
  ])('train %p, validation %p, baseline %p -> %s', (trainError, valError, baselineError, diagnosis) => {
    expect(diagnoseBiasVariance({ trainError, valError, baselineError }).diagnosis).toBe(diagnosis);
  });

  it('reports the gaps and a one-line message (hand-worked)', () => {
    const r = diagnoseBiasVariance({ trainError: 0.021, valError: 0.053, baselineError: 0.01 });
    expect(r.avoidableBias).toBeCloseTo(0.011, 12); // 2.1% - 1.0%
    expect(r.variance).toBeCloseTo(0.032, 12); // 5.3% - 2.1%
    expect(r.diagnosis).toBe('high variance'); // 1.1% > 1% but < 0.5 x 3.2%: secondary
    expect(r.message).toBe(
      'train error 2.1% vs baseline 1.0% (avoidable bias 1.1%), validation error 5.3% (variance 3.2%): high variance — try more data, regularization (L2, dropout) or augmentation',
    );
    expect(diagnoseBiasVariance({ trainError: 0.2, valError: 0.21 }).message).toMatch(
      /high bias — try a bigger network/,
    );
  });

  it('applies the tolerance and dominance options', () => {
    expect(diagnoseBiasVariance({ trainError: 0.03, valError: 0.05, tolerance: 0.05 }).diagnosis).toBe('good fit');
    expect(
      diagnoseBiasVariance({ trainError: 0.021, valError: 0.053, baselineError: 0.01, dominance: 0 }).diagnosis,
    ).toBe('high bias and high variance');
  });

  it('rejects percentages and non-finite input, naming the field', () => {
    expect(() => diagnoseBiasVariance({ trainError: 2.1, valError: 5.3 })).toThrow(
      /trainError must be an error rate in \[0, 1\] \(a fraction, not a percentage\), got 2.1/,
    );
    expect(() => diagnoseBiasVariance({ trainError: 0.1, valError: Number.NaN })).toThrow(/valError/);
  });
});
