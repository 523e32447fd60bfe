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
export function splitIndices(
  n: number,
  { validationFraction, seed }: ValidationSplitOptions,
): { train: number[]; validation: number[] } {
  if (!(validationFraction > 0 && validationFraction < 1)) {
    throw new Error(`validationFraction must be in (0, 1), got ${validationFraction}`);
  }
  const nVal = Math.round(n * validationFraction);
  if (nVal === 0 || nVal === n) {
    throw new Error(
      `a validation fraction of ${validationFraction} of ${n} examples leaves an empty ${nVal === 0 ? 'validation' : 'training'} set`,
    );
  }
  const order = seed === null ? Array.from({ length: n }, (_, i) => i) : new Rng(seed).permutation(n);
  const cut = n - nVal;
  return { train: order.slice(0, cut).sort((a, b) => a - b), validation: order.slice(cut).sort((a, b) => a - b) };
}

/**
 * Holds out a seeded random `validationFraction` of 0..n-1, keeping both parts in the order of
 * the seeded permutation: validation is its first round(n * fraction) indices, train the rest.
 * Unlike `splitIndices` (sorted lists), the first k training indices are then a random subset of
 * size k; and a fraction of 0 holds nothing out.
 * @example
 * const { train, validation } = holdOutIndices(8000, { validationFraction: 0.05, seed: seedFor(1, 'holdOut') });
 * train.slice(0, 500); // a random 500 of the 7,600 training indices
 */
export function holdOutIndices(
  n: number,
  { validationFraction, seed }: { validationFraction: number; seed: number },
): { train: number[]; validation: number[] } {
  if (!(validationFraction >= 0 && validationFraction < 1))
    throw new Error(`validationFraction must be in [0, 1), got ${validationFraction}`);
  const order = new Rng(seed).permutation(n);
  const nVal = Math.round(n * validationFraction);
  return { validation: order.slice(0, nVal), train: order.slice(nVal) };
}

/** `splitIndices` applied to a data set (views, no copies). */
export function splitDataset(ds: Dataset, options: ValidationSplitOptions): { train: Dataset; validation: Dataset } {
  const { train, validation } = splitIndices(ds.size, options);
  return {
    train: datasetSubset(ds, train, 'train split'),
    validation: datasetSubset(ds, validation, 'validation split'),
  };
}
