/** A mistake in how the command was called: exit code 2. Everything else thrown is a runtime failure: exit 1. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** Parses a positive integer option, or throws a UsageError naming the flag. */
export function positiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer, got '${value}'`);
    return n;
  };
}

/** Parses a non-negative integer option (seeds), or throws a UsageError naming the flag. */
export function nonNegativeInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a non-negative integer, got '${value}'`);
    return n;
  };
}

/** Parses a positive number option, or throws a UsageError naming the flag. */
export function positiveNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got '${value}'`);
    return n;
  };
}

/** Parses a number >= 0 (e.g. a sampling temperature), or throws a UsageError naming the flag. */
export function nonNegativeNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be a number >= 0, got '${value}'`);
    return n;
  };
}
