import type { Command } from 'commander';

/**
 * One CLI command. `register` adds it (and its subcommands) to the program; the action
 * returns the exit code. Adding a command = one file plus one row in `commands/index.ts`.
 */
export interface CliCommand {
  name: string;
  register(program: Command, run: (action: () => Promise<number | void>) => Promise<void>): void;
}
