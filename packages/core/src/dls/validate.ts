/**
 * Checks the DLS result contract before it is printed: `{ experiment: string, results: { <variant>:
 * { train, test } } }` with accuracies in [0, 1] (or, for gradcheck, rows of finite numbers and booleans).
 */
import type { DlsResult } from './types';

/** Throws an error naming the offending field unless `value` is a DLS result of `experiment`. */
export function assertDlsResult(
  value: unknown,
  experiment: string,
  { accuracy = true } = {},
): asserts value is DlsResult<unknown> {
  const r = value as DlsResult<unknown>;
  if (!r || typeof r !== 'object') throw new Error(`dls ${experiment}: result must be an object, got ${typeof value}`);
  if (r.experiment !== experiment)
    throw new Error(`dls ${experiment}: result.experiment is '${String(r.experiment)}', expected '${experiment}'`);
  if (!r.results || typeof r.results !== 'object' || Object.keys(r.results).length === 0) {
    throw new Error(`dls ${experiment}: result.results must be a non-empty object of variants`);
  }
  for (const [variant, row] of Object.entries(r.results)) {
    if (!row || typeof row !== 'object') throw new Error(`dls ${experiment}: results['${variant}'] must be an object`);
    const fields = Object.entries(row as Record<string, unknown>);
    if (accuracy) {
      const keys = fields
        .map(([k]) => k)
        .sort()
        .join(',');
      if (keys !== 'test,train')
        throw new Error(`dls ${experiment}: results['${variant}'] has fields {${keys}}, expected {train, test}`);
    }
    for (const [k, v] of fields) {
      const ok =
        typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v) && (!accuracy || (v >= 0 && v <= 1)));
      if (!ok)
        throw new Error(
          `dls ${experiment}: results['${variant}'].${k} = ${String(v)} is not ${accuracy ? 'an accuracy in [0, 1]' : 'a finite number or boolean'}`,
        );
    }
  }
}
