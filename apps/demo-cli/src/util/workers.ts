import * as os from 'os';
import { UsageError } from './errors';
import { describeInt, intFlag, parseInteger, WORKERS_RANGE } from './flags';

/** `--workers N` and `--force-workers`: shared by every command that trains data parallel. */
export interface WorkersFlags {
  workers?: number;
  forceWorkers?: boolean;
}

/** The help text of --workers, with this machine's core count. */
export function workersHelp(): string {
  return `threads computing each batch (data parallel), 1 to the core count (${os.availableParallelism()} here; up to ${WORKERS_RANGE.max} with --force-workers); default 2 on 2+ cores, or DLKIT_WORKERS`;
}

/** Strict decimal syntax here; the range (cores, or WORKERS_RANGE with --force-workers) is checkWorkers'. */
export const parseWorkers = intFlag('--workers', { min: WORKERS_RANGE.min, max: Number.MAX_SAFE_INTEGER });

/**
 * Checked before any work: more threads than cores only slows training down and costs memory
 * (each worker holds a copy of the model and the wasm heap), so it needs --force-workers.
 */
export function checkWorkers(
  flags: WorkersFlags,
  cores = os.availableParallelism(),
  env: NodeJS.ProcessEnv = process.env,
): number | undefined {
  if (flags.workers === undefined && env.DLKIT_WORKERS !== undefined && env.DLKIT_WORKERS !== '') {
    // The environment default obeys the same rule as the flag.
    const n = parseInteger('DLKIT_WORKERS', env.DLKIT_WORKERS, {
      min: WORKERS_RANGE.min,
      max: flags.forceWorkers ? WORKERS_RANGE.max : cores,
    });
    return n;
  }
  const n = flags.workers;
  if (n !== undefined && n > cores && !flags.forceWorkers) {
    throw new UsageError(
      `--workers must be ${describeInt({ min: WORKERS_RANGE.min, max: cores })} (the core count), got ${n}; add --force-workers to use more threads than cores`,
    );
  }
  if (n !== undefined && n > WORKERS_RANGE.max)
    throw new UsageError(`--workers must be ${describeInt(WORKERS_RANGE)} even with --force-workers, got ${n}`);
  return n;
}
