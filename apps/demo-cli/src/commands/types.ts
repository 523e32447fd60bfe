import type { Command } from 'commander';

/** Runs a command's action: its result is the exit code; a thrown error becomes the one-line message and exit 1 or 2. */
export type Run = (action: () => Promise<number | void>) => Promise<void>;

/**
 * One CLI command. `register` adds it (and its subcommands) to the program; the action
 * returns the exit code. Adding a command = one file plus one row in `commands/index.ts`.
 */
export interface CliCommand {
  name: string;
  register(program: Command, run: Run): void;
}
