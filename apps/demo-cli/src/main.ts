/**
 * `dlkit <command> [options]`. Exit codes (the rule is in apps/demo-cli/README.md): 0 ok,
 * 1 failure while working, 2 usage error (anything wrong with the command as typed, found before
 * any work), 130 interrupted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { EXIT, UsageError } from './util/errors';
import { escapeControl, safeMessage } from './util/quote';

export function buildProgram(): Command {
  const program = new Command('dlkit')
    .description('dlkit: train and run neural networks in Node.js, offline (Deep Learning Specialization systems)')
    .version(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version)
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 2 usage error (something typed is wrong), 1 failure (unusable file contents, or while working), 130 interrupted.',
    )
    .exitOverride();
  // Commander echoes what was typed ("unknown option '...'"): escaped like every other message.
  program.configureOutput({ writeErr: (s) => process.stderr.write(s.split('\n').map(escapeControl).join('\n')) });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const run = async (action: () => Promise<number | void>): Promise<void> => {
    try {
      exitCode = (await action()) ?? 0;
    } catch (err) {
      const e = err as Error;
      process.stderr.write(`dlkit: ${safeMessage(String(e?.message ?? err))}\n`);
      if (process.env.DLKIT_DEBUG && e.stack) process.stderr.write(`${e.stack}\n`);
      exitCode = err instanceof UsageError ? EXIT.usage : EXIT.failure;
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
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`dlkit: ${safeMessage(err.message)}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT.usage;
  }
  return exitCode;
}

function applyExitOverride(command: Command): void {
  command.exitOverride();
  command.showHelpAfterError('(add --help for usage)');
  command.commands.forEach(applyExitOverride);
}
