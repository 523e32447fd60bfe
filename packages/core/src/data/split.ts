/**
 * Seeded train/validation splits of a `Dataset` (course 2 week 1 "train / dev / test sets":
 * the dev set must come from the same distribution, so the split is random, not the tail of a
 * possibly class-sorted array as in Keras' validationSplit).
 *
 * @example
 * const { train, validation } = splitDataset(tensorDataset(x, y), { validationFraction: 0.1, seed: 7 });
 */
import { Rng } from './rng';
import { Dataset, datasetSubset } from './dataset';

export interface ValidationSplitOptions {
  /** Fraction of the examples held out for validation, in (0, 1). */
  validationFraction: number;
  /** Seeds the permutation; `null` takes the last examples, unshuffled. */
  seed: number | null;
}

/**
 * Splits 0..n-1 into train and validation indices: round(n * fraction) validation examples
 * chosen by a seeded permutation. Both lists are sorted ascending, so an unshuffled pass over
 * either visits examples in their original order.
 */
export function splitIndices(n: number, { validationFraction, seed }: ValidationSplitOptions): { train: number[]; validation: number[] } {
  if (!(validationFraction > 0 && validationFraction < 1)) {
    throw new Error(`validationFraction must be in (0, 1), got ${validationFraction}`);
  }
  const nVal = Math.round(n * validationFraction);
  if (nVal === 0 || nVal === n) {
    throw new Error(`a validation fraction of ${validationFraction} of ${n} examples leaves an empty ${nVal === 0 ? 'validation' : 'training'} set`);
  }
  const order = seed === null ? Array.from({ length: n }, (_, i) => i) : new Rng(seed).permutation(n);
  const cut = n - nVal;
  return { train: order.slice(0, cut).sort((a, b) => a - b), validation: order.slice(cut).sort((a, b) => a - b) };
}

/** `splitIndices` applied to a data set (views, no copies). */
export function splitDataset(ds: Dataset, options: ValidationSplitOptions): { train: Dataset; validation: Dataset } {
  const { train, validation } = splitIndices(ds.size, options);
  return { train: datasetSubset(ds, train, 'train split'), validation: datasetSubset(ds, validation, 'validation split') };
}
