/**
 * Ctrl-C during a long run: one line on stderr saying what is saved and how to continue, then
 * exit 130 (128 + SIGINT, the shell convention). The checkpoint itself is written atomically
 * after every epoch by core's Checkpoint callback, so an interrupt never leaves a half-written one.
 *
 * @example
 * const release = onInterrupt(() => interruptMessage({ command: 'dlkit train mnist', outDir }));
 * try { await trainMnist(...); } finally { release(); }
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXIT } from './errors';

export interface InterruptInfo {
  /** The command as typed, without flags: `dlkit train mnist`. */
  command: string;
  /** The run's output directory. */
  outDir: string;
  /** Whether the command checkpoints and takes --resume (else nothing is saved mid-run). */
  resumable: boolean;
}

/** Epochs completed according to `<outDir>/checkpoint/state.json`, or undefined when there is none. */
export function checkpointEpochs(outDir: string): number | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(outDir, 'checkpoint', 'state.json'), 'utf8')) as {
      completedEpochs?: unknown;
    };
    return typeof state.completedEpochs === 'number' ? state.completedEpochs : undefined;
  } catch {
    return undefined;
  }
}

/** The line printed on Ctrl-C: what was saved, and the command that continues. */
export function interruptMessage(info: InterruptInfo): string {
  if (!info.resumable)
    return `interrupted: ${info.command} keeps no checkpoint, nothing was saved in ${info.outDir}; run the command again to start over`;
  const epochs = checkpointEpochs(info.outDir);
  const checkpoint = path.join(info.outDir, 'checkpoint');
  const resume = `${info.command} --out ${info.outDir} --resume`;
  if (epochs === undefined)
    return `interrupted before the first epoch ended: nothing saved yet in ${checkpoint}; run the command again (or ${resume} once a checkpoint exists)`;
  return `interrupted: checkpoint in ${checkpoint} holds ${epochs} completed epoch${epochs === 1 ? '' : 's'}; continue with: ${resume} (and the same flags)`;
}

/**
 * Installs a SIGINT handler that prints `message()` and exits 130; returns the function that
 * removes it. `exit` and `write` are injectable for specs.
 */
export function onInterrupt(
  message: () => string,
  io: { exit?: (code: number) => void; write?: (line: string) => void } = {},
): () => void {
  const exit = io.exit ?? ((code: number) => process.exit(code));
  const write = io.write ?? ((line: string) => process.stderr.write(line));
  const handler = (): void => {
    write(`\ndlkit: ${message()}\n`);
    exit(EXIT.interrupted);
  };
  process.once('SIGINT', handler);
  return () => {
    process.removeListener('SIGINT', handler);
  };
}
