/**
 * `dlkit dls <experiment> [--seed S] [--json]`: runs one of the Deep Learning Specialization
 * labs on the scratch engine (planar, init, regularization, optimization, gradcheck from core;
 * rnn-gradcheck from sequence) and prints its table, or one JSON line
 * `{"experiment": ..., "results": {...}}`.
 */
import { initBackend } from '@dlkit/core';
import { DLS_EXPERIMENTS as CORE_EXPERIMENTS, assertDlsResult } from '@dlkit/core/dls';
import type { DlsExperiment } from '@dlkit/core/dls';
import { RNN_GRADCHECK_EXPERIMENT } from '@dlkit/sequence';
import type { CliCommand } from './types';
import { Output } from '../util/output';
import { UsageError } from '../util/errors';
import { quote } from '../util/quote';
import { seedFlag } from '../util/flags';

/** Every experiment the command runs: core's labs, then the sequence package's. */
const DLS_EXPERIMENTS: Record<string, DlsExperiment> = {
  ...CORE_EXPERIMENTS,
  [RNN_GRADCHECK_EXPERIMENT.name]: RNN_GRADCHECK_EXPERIMENT,
};

interface DlsFlags {
  seed?: number;
  json?: boolean;
}

export const dlsCommand: CliCommand = {
  name: 'dls',
  register(program, run) {
    const names = Object.keys(DLS_EXPERIMENTS);
    program
      .command('dls')
      .description('run a Deep Learning Specialization experiment on the from-scratch engine')
      .argument('<experiment>', `one of: ${names.join(', ')}`)
      .option(
        '--seed <S>',
        "seed for data, initialisation, shuffles and dropout (default: the experiment's tuned seed)",
        seedFlag(),
      )
      .option('--json', 'print one JSON object')
      .addHelpText(
        'after',
        `\nExperiments:\n${names.map((n) => `  ${n.padEnd(16)}${DLS_EXPERIMENTS[n].description}`).join('\n')}`,
      )
      .action((experiment: string, opts: DlsFlags) => run(() => runDls(experiment, opts)));
  },
};

/** The command's action, separate from commander so specs can call it directly. */
export async function runDls(experiment: string, opts: DlsFlags): Promise<number> {
  const entry = Object.prototype.hasOwnProperty.call(DLS_EXPERIMENTS, experiment)
    ? DLS_EXPERIMENTS[experiment]
    : undefined;
  if (!entry) {
    throw new UsageError(
      `unknown experiment ${quote(experiment)}, expected one of: ${Object.keys(DLS_EXPERIMENTS).join(', ')}`,
    );
  }
  const out = new Output(opts);
  await initBackend();
  const seed = opts.seed ?? entry.defaultSeed;
  if (!out.json) out.log(`dls ${experiment}: running (seed ${seed})...`);
  const started = Date.now();
  const result = await entry.run({ seed });
  assertDlsResult(result, experiment, { accuracy: entry.accuracy });
  const seconds = (Date.now() - started) / 1000;
  out.result(
    { experiment: result.experiment, results: result.results },
    `${experiment} (seed ${seed}, ${seconds.toFixed(1)} s)\n${formatTable(result.results as Record<string, Record<string, unknown>>)}`,
  );
  return 0;
}

/** An aligned table: one row per variant, one column per field of the rows (train, test, ...). */
export function formatTable(rows: Record<string, Record<string, unknown>>): string {
  const variants = Object.keys(rows);
  const columns = [...new Set(variants.flatMap((v) => Object.keys(rows[v])))];
  const cell = (value: unknown): string => {
    if (typeof value !== 'number') return String(value ?? '');
    if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(2);
    return value.toFixed(3);
  };
  const table = [['variant', ...columns], ...variants.map((v) => [v, ...columns.map((c) => cell(rows[v][c]))])];
  const widths = table[0].map((_, j) => Math.max(...table.map((r) => r[j].length)));
  return table
    .map((r) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '))
    .join('\n');
}
