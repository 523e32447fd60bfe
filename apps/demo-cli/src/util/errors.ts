/**
 * The CLI's exit-code rule (apps/demo-cli/README.md, "Exit codes"): a UsageError is anything wrong
 * with the command as typed, found by the checks that run before any work (flags, their values,
 * the files and folders they name, the output location): exit 2. Everything else thrown is a
 * failure while working: exit 1. An interrupt (Ctrl-C) exits 130.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes, one table for the whole CLI. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;
