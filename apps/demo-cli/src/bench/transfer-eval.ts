/**
 * `npm run eval:transfer` (= `node apps/demo-cli/dist/bench/transfer-eval.js`): the
 * transfer-learning evaluation behind the vision README (mnistTransferEval). Per seed and shot
 * count: a backbone trained on digits 0-4 (train part of the fixed mnistSplit) is transferred to
 * digits 5-9 with K labelled images per class (seeded choice), and compared with the same network
 * trained from scratch on those images with the same augmentation, optimizer and epoch selection
 * on a separate 5-9 validation set; both are scored on every 5-9 digit of mnistSplit().test.
 * Every count gets the optimizer steps of 20 per class (epochsForShots).
 *
 * With no arguments it checks exactly the README's target (transfer-target.ts): seeds 1, 2, 3 and
 * 1, 2, 5, 10, 20 images per class; transfer beats scratch at every count on every seed, and the
 * mean gain is >= 5 points at 1 and at 2 per class. Output: one JSON line per run (with --json),
 * a summary line per shot count, and last the target report stating each check; exit 0 when
 * the target holds, 1 otherwise, 2 for a usage error. `--seeds`/`--shots` run a subset (the
 * report then says it does not cover the target). `--chart` draws the label-efficiency curve (a
 * sweep) or the per-seed bars (one count).
 */
import { initBackend } from '@dlkit/core';
import {
  epochsForShots,
  MNIST_TRANSFER_DEFAULTS,
  mnistTransferEval,
  MnistTransferOptions,
  MnistTransferResult,
  renderShotsChart,
  renderTransferChart,
  TRANSFER_NETWORKS,
  TransferNetwork,
} from '@dlkit/vision';
import { choiceFlag, intFlag, intListFlag, SEED_RANGE, textFlag } from '../util/flags';
import { parseScriptArgs, scriptProgram } from './script-args';
import { checkTransferTarget, formatTargetReport, TARGET_SEEDS, TARGET_SHOTS } from './transfer-target';

const SOURCE_TASKS = ['digits', 'digits-rotations'] as const;
const EPOCHS_MAX = 1000;

interface TransferEvalFlags {
  seeds?: number[];
  shots?: number[];
  network?: TransferNetwork;
  sourceTask?: (typeof SOURCE_TASKS)[number];
  backboneEpochs?: number;
  headEpochs?: number;
  fineTuneEpochs?: number;
  scratchEpochs?: number;
  chart?: string;
  json?: boolean;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function program() {
  const d = MNIST_TRANSFER_DEFAULTS;
  return scriptProgram('eval:transfer', '-- [options]  (no options: check the README target)')
    .description('transfer learning versus training from scratch on few MNIST digits 5-9 (mnistTransferEval)')
    .option(
      '--seeds <list>',
      `comma-separated seeds (default ${TARGET_SEEDS.join(',')})`,
      intListFlag('--seeds', SEED_RANGE),
    )
    .option(
      '--shots <list>',
      `labelled images per class, one count or a sweep such as --shots 1,2,5,10,20 (default ${TARGET_SHOTS.join(',')})`,
      intListFlag('--shots', { min: 1, max: 500 }),
    )
    .option(
      '--network <name>',
      `${Object.keys(TRANSFER_NETWORKS).join(' | ')} (default ${d.network})`,
      choiceFlag('--network', Object.keys(TRANSFER_NETWORKS) as TransferNetwork[]),
    )
    .option(
      '--source-task <task>',
      `${SOURCE_TASKS.join(' | ')} (default ${d.sourceTask})`,
      choiceFlag('--source-task', SOURCE_TASKS),
    )
    .option(
      '--backbone-epochs <n>',
      `backbone epochs on digits 0-4, an integer in [1, ${EPOCHS_MAX}] (default ${d.backboneEpochs})`,
      intFlag('--backbone-epochs', { min: 1, max: EPOCHS_MAX }),
    )
    .option(
      '--head-epochs <n>',
      `head-only epochs, an integer in [0, ${EPOCHS_MAX}] (default ${d.headEpochs})`,
      intFlag('--head-epochs', { min: 0, max: EPOCHS_MAX }),
    )
    .option(
      '--fine-tune-epochs <n>',
      `fine-tuning epochs, an integer in [0, ${EPOCHS_MAX}] (default ${d.fineTuneEpochs})`,
      intFlag('--fine-tune-epochs', { min: 0, max: EPOCHS_MAX }),
    )
    .option(
      '--scratch-epochs <n>',
      `scratch epochs (best validation epoch kept), an integer in [1, ${EPOCHS_MAX}] (default ${d.scratchEpochs})`,
      intFlag('--scratch-epochs', { min: 1, max: EPOCHS_MAX }),
    )
    .option(
      '--chart <file.png>',
      'draw the label-efficiency curve (several shot counts) or the per-seed bars (one count)',
      textFlag('--chart'),
    )
    .option('--json', 'one JSON line per run, per shot count, and the target report last');
}

export async function main(argv: string[]): Promise<number> {
  const cli = program();
  const code = parseScriptArgs(cli, argv);
  if (code !== undefined) return code;
  const flags = cli.opts<TransferEvalFlags>();
  // Defaults applied here (not by commander, whose help would print them a second time).
  const { seeds = [...TARGET_SEEDS], shots: shotsList = [...TARGET_SHOTS], json, chart } = flags;
  const options: MnistTransferOptions = {
    network: flags.network,
    sourceTask: flags.sourceTask,
    backboneEpochs: flags.backboneEpochs,
    headEpochs: flags.headEpochs,
    fineTuneEpochs: flags.fineTuneEpochs,
    scratchEpochs: flags.scratchEpochs,
  };
  await initBackend();
  const runs: MnistTransferResult[] = [];
  for (const shotsPerClass of shotsList) {
    const perShots: MnistTransferResult[] = [];
    for (const seed of seeds) {
      const log = (line: string) =>
        process.stderr.write(`eval:transfer: ${shotsPerClass}/class, seed ${seed}: ${line}\n`);
      const r = await mnistTransferEval({
        ...options,
        ...epochsForShots(shotsPerClass, options),
        shotsPerClass,
        seed,
        log,
      });
      perShots.push(r);
      if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else {
        process.stdout.write(
          `${shotsPerClass}/class, seed ${seed}: transfer ${(r.transferAccuracy * 100).toFixed(2)}% (head only ${(r.headOnlyAccuracy * 100).toFixed(2)}%), scratch ${(r.scratchAccuracy * 100).toFixed(2)}%, gain ${r.gainPoints.toFixed(1)} points, ${r.seconds.toFixed(0)} s\n`,
        );
      }
    }
    const summary = summarise(perShots, seeds);
    runs.push(...perShots);
    process.stdout.write(
      json
        ? `${JSON.stringify(summary)}\n`
        : `${shotsPerClass}/class, mean: transfer ${(summary.meanTransferAccuracy * 100).toFixed(2)}%, scratch ${(summary.meanScratchAccuracy * 100).toFixed(2)}%, gain ${summary.meanGainPoints.toFixed(1)} points (min ${summary.minGainPoints.toFixed(1)})\n`,
    );
  }
  // One shot count: bars per seed; a sweep: the label-efficiency curve.
  if (chart) await (shotsList.length > 1 ? renderShotsChart(runs, chart) : renderTransferChart(runs, chart));
  // A subset run (--seeds/--shots) is judged on what it ran; the report says whether it covers the target.
  const report = checkTransferTarget(runs, seeds, shotsList, false);
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : `${formatTargetReport(report)}\n`);
  return report.passed ? 0 : 1;
}

/** The summary line of one shot count over the seeds. */
function summarise(runs: MnistTransferResult[], seeds: number[]) {
  const gains = runs.map((r) => r.gainPoints);
  return {
    task: 'transfer-summary',
    seeds,
    network: runs[0].network,
    shotsPerClass: runs[0].shotsPerClass,
    meanTransferAccuracy: mean(runs.map((r) => r.transferAccuracy)),
    meanScratchAccuracy: mean(runs.map((r) => r.scratchAccuracy)),
    meanGainPoints: mean(gains),
    gainPoints: gains,
    minGainPoints: Math.min(...gains),
  };
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
