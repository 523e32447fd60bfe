import * as os from 'os';
import { UsageError } from './errors';
import { describeInt, intFlag, WORKERS_RANGE } from './flags';

/** `--workers N` and `--force-workers`: shared by every command that trains data parallel. */
export interface WorkersFlags {
  workers?: number;
  forceWorkers?: boolean;
}

/** The help text of --workers, with this machine's core count. */
export function workersHelp(): string {
  return `threads computing each batch (data parallel), 1 to the core count (${os.availableParallelism()} here; up to ${WORKERS_RANGE.max} with --force-workers); default 2 on 2+ cores, or DLKIT_WORKERS`;
}

export const parseWorkers = intFlag('--workers', WORKERS_RANGE);

/**
 * Checked before any work: more threads than cores only slows training down and costs memory
 * (each worker holds a copy of the model and the wasm heap), so it needs --force-workers.
 */
export function checkWorkers(flags: WorkersFlags, cores = os.availableParallelism()): number | undefined {
  if (flags.workers !== undefined && flags.workers > cores && !flags.forceWorkers) {
    throw new UsageError(`--workers must be ${describeInt({ min: 1, max: cores })} (the core count), got ${flags.workers}; add --force-workers to use more threads than cores`);
  }
  return flags.workers;
}
