import { assertDlsResult } from './validate';

describe('assertDlsResult', () => {
  it('accepts the contract and rejects deviations, naming the field', () => {
    const ok = { experiment: 'planar', results: { a: { train: 0.9, test: 0.8 } }, extra: 1 };
    expect(() => assertDlsResult(ok, 'planar')).not.toThrow();
    expect(() => assertDlsResult(ok, 'init')).toThrow(/result.experiment is 'planar', expected 'init'/);
    expect(() => assertDlsResult({ experiment: 'x', results: {} }, 'x')).toThrow(/non-empty object of variants/);
    expect(() => assertDlsResult({ experiment: 'x', results: { a: { train: 0.9 } } }, 'x')).toThrow(
      /results\['a'\] has fields \{train\}, expected \{train, test\}/,
    );
    expect(() => assertDlsResult({ experiment: 'x', results: { a: { train: 1.2, test: 0.5 } } }, 'x')).toThrow(
      /train = 1.2 is not an accuracy/,
    );
    expect(() => assertDlsResult({ experiment: 'x', results: { a: { train: NaN, test: 0.5 } } }, 'x')).toThrow(
      /train = NaN/,
    );
  });

  it('gradcheck rows: finite numbers and booleans', () => {
    const rows = {
      experiment: 'gradcheck',
      results: { dense: { relativeDifference: 1e-7, threshold: 1e-3, passed: true } },
    };
    expect(() => assertDlsResult(rows, 'gradcheck', { accuracy: false })).not.toThrow();
    expect(() =>
      assertDlsResult({ ...rows, results: { dense: { relativeDifference: Infinity } } }, 'gradcheck', {
        accuracy: false,
      }),
    ).toThrow(/relativeDifference = Infinity/);
  });
});
