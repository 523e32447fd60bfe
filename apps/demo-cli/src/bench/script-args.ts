/**
 * Flag parsing for the bench and eval scripts (`npm run bench`, `eval:mnist`, `eval:transfer`):
 * commander with the CLI's strict flag parsers (util/flags), so a script rejects exactly what
 * `dlkit` rejects, with the same messages and exit code 2.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from '../util/errors';
import { escapeControl, safeMessage } from '../util/quote';

/** A script's commander program: errors and --help go through exit codes instead of process.exit. */
export function scriptProgram(name: string, usage: string): Command {
  return new Command(name)
    .usage(usage)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s.split('\n').map(escapeControl).join('\n')) });
}

/**
 * Parses `argv` (the arguments after the script name). Returns undefined when the script should
 * run, else the exit code: 0 after --help, 2 for a usage error (message already printed).
 */
export function parseScriptArgs(program: Command, argv: string[]): number | undefined {
  try {
    program.parse(argv, { from: 'user' });
    return undefined;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof UsageError) {
      process.stderr.write(`${program.name()}: ${safeMessage(err.message)}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
