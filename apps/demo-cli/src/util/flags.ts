/**
 * The one flag-parsing module of the CLI and of the bench/eval scripts: strict decimal syntax and
 * a documented range for every numeric flag, checked by commander before the action runs, so a
 * bad value is a UsageError (exit 2) naming the flag, before any work.
 *
 * - integers: decimal digits only (`12`, `-3` is out of range): no '', ' ', '0x1', '1e3', '1.0', '+1';
 * - numbers: decimal with an optional fraction and exponent (`0.01`, `.5`, `1e-3`): no hex, no
 *   'Infinity', no blanks;
 * - text: not blank (`--seed ""` and `" "` are rejected, as is `--out ""`).
 *
 * @example
 * program.option('--epochs <n>', `training epochs, ${describeInt(EPOCHS)} (default 12)`, intFlag('--epochs', EPOCHS));
 */
import { UsageError } from './errors';
import { quote } from './quote';

/** Inclusive integer range. */
export interface IntRange {
  min: number;
  max: number;
}

/** Number range; `minExclusive`/`maxExclusive` make an end open: (0, 1]. */
export interface NumberRange {
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

const INT_SYNTAX = /^-?\d+$/;
const NUMBER_SYNTAX = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

// Ranges shared by many commands (each flag's help shows its range).
/** Seeds: 0 to 2^32 - 1 (the seeded RNGs take 32-bit seeds). */
export const SEED_RANGE: IntRange = { min: 0, max: 2 ** 32 - 1 };
export const EPOCHS_RANGE: IntRange = { min: 1, max: 10_000 };
export const BATCH_SIZE_RANGE: IntRange = { min: 1, max: 65_536 };
/** Adam-style learning rates: (0, 1]. */
export const LEARNING_RATE_RANGE: NumberRange = { min: 0, max: 1, minExclusive: true };
/** Data-parallel worker threads: the hard ceiling; without --force-workers the core count applies. */
export const WORKERS_RANGE: IntRange = { min: 1, max: 256 };

/** "an integer in [1, 10000]" for messages and --help. */
export function describeInt(range: IntRange): string {
  return `an integer in [${range.min}, ${range.max}]`;
}

/** "a number in (0, 1]" for messages and --help. */
export function describeNumber(range: NumberRange): string {
  return `a number in ${range.minExclusive ? '(' : '['}${range.min}, ${range.max}${range.maxExclusive ? ')' : ']'}`;
}

/** Parses a strict decimal integer in `range`, or throws a UsageError naming the flag. */
export function parseInteger(flag: string, value: string, range: IntRange): number {
  const n = INT_SYNTAX.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max)
    throw new UsageError(`${flag} must be ${describeInt(range)}, got ${quote(value)}`);
  return n;
}

/** Parses a strict decimal number in `range`, or throws a UsageError naming the flag. */
export function parseDecimal(flag: string, value: string, range: NumberRange): number {
  const x = NUMBER_SYNTAX.test(value) ? Number(value) : NaN;
  const ok =
    Number.isFinite(x) &&
    (range.minExclusive ? x > range.min : x >= range.min) &&
    (range.maxExclusive ? x < range.max : x <= range.max);
  if (!ok) throw new UsageError(`${flag} must be ${describeNumber(range)}, got ${quote(value)}`);
  return x;
}

/** Commander argument parser for an integer flag. */
export function intFlag(flag: string, range: IntRange): (value: string) => number {
  return (value) => parseInteger(flag, value, range);
}

/** Commander argument parser for a number flag. */
export function numberFlag(flag: string, range: NumberRange): (value: string) => number {
  return (value) => parseDecimal(flag, value, range);
}

/** Commander argument parser for a seed. */
export function seedFlag(flag = '--seed'): (value: string) => number {
  return intFlag(flag, SEED_RANGE);
}

/** Rejects a blank value ('' or only spaces): the value itself otherwise. */
export function parseText(flag: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} needs a value, got ${quote(value)}`);
  return value;
}

/** Commander argument parser for a text or path flag that must not be blank. */
export function textFlag(flag: string): (value: string) => string {
  return (value) => parseText(flag, value);
}

/** Commander argument parser for one of a fixed set of words. */
export function choiceFlag<T extends string>(flag: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value))
      throw new UsageError(`${flag} must be one of ${choices.join(', ')}, got ${quote(value)}`);
    return value as T;
  };
}

/** Commander argument parser for a comma-separated list of integers in `range` (at least one). */
export function intListFlag(flag: string, range: IntRange): (value: string) => number[] {
  return (value) => {
    const items = value.split(',');
    if (items.some((v) => !INT_SYNTAX.test(v) || !(Number(v) >= range.min && Number(v) <= range.max))) {
      throw new UsageError(
        `${flag} must be a comma-separated list of integers in [${range.min}, ${range.max}], got ${quote(value)}`,
      );
    }
    return items.map(Number);
  };
}
