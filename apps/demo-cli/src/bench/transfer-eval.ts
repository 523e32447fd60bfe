/**
 * `npm run eval:transfer -- [--seeds 1,2,3] [--shots 20] [--network mnist-cnn] [--source-task digits-rotations]
 *   [--chart FILE.png] [--json]` (= `node apps/demo-cli/dist/bench/transfer-eval.js`): the
 * transfer-learning evaluation behind the vision README (mnistTransferEval). Per seed: a backbone
 * trained on digits 0-4 (train part of the fixed mnistSplit) is transferred to digits 5-9 with 20
 * labelled images per class (seeded choice), and compared with the same network trained from
 * scratch on those 100 images with the same augmentation, optimizer and epoch selection on a
 * separate 5-9 validation set; both are scored on every 5-9 digit of mnistSplit().test.
 * One JSON line per seed `{"task":"transfer","transferAccuracy":x,"scratchAccuracy":x,"gainPoints":x,...}`,
 * then a summary line (mean and per-seed numbers); exit 1 when a seed's gain is below the required
 * 10 points. `--shots 1,2,5,10,20` sweeps the labelled images per class (a summary line per
 * count; every count gets the optimizer steps of 20 per class, see epochsForShots) and `--chart`
 * then draws the label-efficiency curve instead of the per-seed bars.
 */
import { initBackend } from '@dlkit/core';
import { epochsForShots, MNIST_TRANSFER_DEFAULTS, mnistTransferEval, MnistTransferOptions, MnistTransferResult, renderShotsChart, renderTransferChart, TRANSFER_NETWORKS, TransferNetwork } from '@dlkit/vision';

const REQUIRED_GAIN_POINTS = 10;
const SOURCE_TASKS = ['digits', 'digits-rotations'] as const;
const USAGE = `usage: npm run eval:transfer -- [--seeds 1,2,3] [--shots ${MNIST_TRANSFER_DEFAULTS.shotsPerClass} | --shots 1,2,5,10,20] [--network ${Object.keys(TRANSFER_NETWORKS).join('|')}]
  [--source-task ${SOURCE_TASKS.join('|')}] [--backbone-epochs N] [--head-epochs N] [--fine-tune-epochs N] [--scratch-epochs N] [--chart FILE.png] [--json]
defaults: network ${MNIST_TRANSFER_DEFAULTS.network}, source task ${MNIST_TRANSFER_DEFAULTS.sourceTask}, backbone ${MNIST_TRANSFER_DEFAULTS.backboneEpochs} epochs,
  head ${MNIST_TRANSFER_DEFAULTS.headEpochs} + fine-tune ${MNIST_TRANSFER_DEFAULTS.fineTuneEpochs} epochs, scratch ${MNIST_TRANSFER_DEFAULTS.scratchEpochs} epochs (best validation epoch kept)
`;

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function main(argv: string[]): Promise<number> {
  let seeds = [1, 2, 3];
  let shotsList = [MNIST_TRANSFER_DEFAULTS.shotsPerClass as number];
  let json = false;
  let chart: string | undefined;
  const options: MnistTransferOptions = {};
  const count = (flag: string, value: string | undefined, min: number): number | undefined => {
    const v = Number(value);
    if (Number.isInteger(v) && v >= min) return v;
    process.stderr.write(`eval:transfer: ${flag} must be an integer >= ${min}, got ${value}\n`);
    return undefined;
  };
  const COUNTS: Record<string, [keyof MnistTransferOptions, number]> = {
    '--backbone-epochs': ['backboneEpochs', 1],
    '--head-epochs': ['headEpochs', 0],
    '--fine-tune-epochs': ['fineTuneEpochs', 0],
    '--scratch-epochs': ['scratchEpochs', 1],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--json') json = true;
    else if (flag === '--seeds') {
      seeds = (argv[++i] ?? '').split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
      if (seeds.length === 0 || !seeds.every((s) => Number.isInteger(s) && s >= 0)) {
        process.stderr.write('eval:transfer: --seeds must be a comma-separated list of non-negative integers\n');
        return 2;
      }
    } else if (flag === '--shots') {
      shotsList = (argv[++i] ?? '').split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
      if (!shotsList.every((s) => Number.isInteger(s) && s >= 1)) {
        process.stderr.write('eval:transfer: --shots must be an integer >= 1 or a comma-separated list of them\n');
        return 2;
      }
    } else if (flag === '--chart') chart = argv[++i];
    else if (flag === '--network') {
      const network = argv[++i];
      if (!(network in TRANSFER_NETWORKS)) {
        process.stderr.write(`eval:transfer: --network must be one of ${Object.keys(TRANSFER_NETWORKS).join(', ')}, got ${network}\n`);
        return 2;
      }
      options.network = network as TransferNetwork;
    } else if (flag === '--source-task') {
      const task = argv[++i] as (typeof SOURCE_TASKS)[number];
      if (!SOURCE_TASKS.includes(task)) {
        process.stderr.write(`eval:transfer: --source-task must be one of ${SOURCE_TASKS.join(', ')}, got ${task}\n`);
        return 2;
      }
      options.sourceTask = task;
    } else if (flag in COUNTS) {
      const [key, min] = COUNTS[flag];
      const v = count(flag, argv[++i], min);
      if (v === undefined) return 2;
      (options as Record<string, unknown>)[key] = v;
    } else if (flag === '--help') {
      process.stdout.write(USAGE);
      return 0;
    } else {
      process.stderr.write(`eval:transfer: unknown option ${flag}\n${USAGE}`);
      return 2;
    }
  }
  await initBackend();
  const runs: MnistTransferResult[] = [];
  let passed = true;
  for (const shotsPerClass of shotsList) {
    const perShots: MnistTransferResult[] = [];
    for (const seed of seeds) {
      const log = (line: string) => process.stderr.write(`eval:transfer: ${shotsPerClass}/class, seed ${seed}: ${line}\n`);
      const r = await mnistTransferEval({ ...options, ...epochsForShots(shotsPerClass, options), shotsPerClass, seed, log });
      perShots.push(r);
      if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else {
        process.stdout.write(
          `${shotsPerClass}/class, seed ${seed}: transfer ${(r.transferAccuracy * 100).toFixed(2)}% (head only ${(r.headOnlyAccuracy * 100).toFixed(2)}%), scratch ${(r.scratchAccuracy * 100).toFixed(2)}%, gain ${r.gainPoints.toFixed(1)} points, ${r.seconds.toFixed(0)} s\n`,
        );
      }
    }
    const summary = summarise(perShots, seeds);
    passed &&= summary.passed;
    runs.push(...perShots);
    process.stdout.write(
      json
        ? `${JSON.stringify(summary)}\n`
        : `${shotsPerClass}/class, mean: transfer ${(summary.meanTransferAccuracy * 100).toFixed(2)}%, scratch ${(summary.meanScratchAccuracy * 100).toFixed(2)}%, gain ${summary.meanGainPoints.toFixed(1)} points; min gain ${summary.minGainPoints.toFixed(1)} (required ${REQUIRED_GAIN_POINTS}): ${summary.passed ? 'PASS' : 'FAIL'}\n`,
    );
  }
  // One shot count: bars per seed; a sweep: the label-efficiency curve.
  if (chart) await (shotsList.length > 1 ? renderShotsChart(runs, chart) : renderTransferChart(runs, chart));
  return passed ? 0 : 1;
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
    requiredGainPoints: REQUIRED_GAIN_POINTS,
    passed: gains.every((g) => g >= REQUIRED_GAIN_POINTS),
  };
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
