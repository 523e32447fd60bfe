/**
 * `dlkit <command> [options]`. Exit codes: 0 ok, 1 runtime failure, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { UsageError } from './util/errors';

export function buildProgram(): Command {
  const program = new Command('dlkit')
    .description('dlkit: train and run neural networks in Node.js, offline (Deep Learning Specialization systems)')
    .version(require('../package.json').version)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const run = async (action: () => Promise<number | void>): Promise<void> => {
    try {
      exitCode = (await action()) ?? 0;
    } catch (err) {
      const e = err as Error;
      process.stderr.write(`dlkit: ${e.message}\n`);
      if (process.env.DLKIT_DEBUG && e.stack) process.stderr.write(`${e.stack}\n`);
      exitCode = err instanceof UsageError ? 2 : 1;
    }
  };
  const program = buildProgram();
  for (const command of COMMANDS) command.register(program, run);
  program.commands.forEach(applyExitOverride);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; everything else commander rejects is a usage error.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`dlkit: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (argv.length <= 2) {
    program.outputHelp();
    return 2;
  }
  return exitCode;
}

function applyExitOverride(command: Command): void {
  command.exitOverride();
  command.showHelpAfterError('(add --help for usage)');
  command.commands.forEach(applyExitOverride);
}
