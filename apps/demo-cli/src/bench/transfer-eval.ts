/**
 * `npm run eval:transfer -- [--seeds 1,2,3] [--shots 20] [--head-epochs 40] [--fine-tune-epochs 20] [--chart FILE.png] [--json]`
 * (= `node apps/demo-cli/dist/bench/transfer-eval.js`): the transfer-learning evaluation behind
 * the vision README. Per seed: a MNIST CNN trained on digits 0-4 (train part of the fixed
 * mnistSplit) is transferred to digits 5-9 with 20 labelled images per class (seeded choice),
 * and compared with the same network trained from scratch on those 100 images, both scored on
 * every 5-9 digit of mnistSplit().test. One JSON line per seed
 * `{"task":"transfer","transferAccuracy":x,"scratchAccuracy":x,"gainPoints":x,...}`, then a
 * summary line; exit 1 when a seed's gain is below 10 points.
 */
import { initBackend } from '@dlkit/core';
import { mnistTransferEval, MnistTransferResult, renderTransferChart } from '@dlkit/vision';

const REQUIRED_GAIN_POINTS = 10;

export async function main(argv: string[]): Promise<number> {
  let seeds = [1, 2, 3];
  let shots = 20;
  let json = false;
  let chart: string | undefined;
  let headEpochs: number | undefined;
  let fineTuneEpochs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') json = true;
    else if (argv[i] === '--seeds') seeds = (argv[++i] ?? '').split(',').map(Number);
    else if (argv[i] === '--shots') shots = Number(argv[++i]);
    else if (argv[i] === '--chart') chart = argv[++i];
    else if (argv[i] === '--head-epochs') headEpochs = Number(argv[++i]);
    else if (argv[i] === '--fine-tune-epochs') fineTuneEpochs = Number(argv[++i]);
    else if (argv[i] === '--help') {
      process.stdout.write('usage: npm run eval:transfer -- [--seeds 1,2,3] [--shots 20] [--head-epochs 40] [--fine-tune-epochs 20] [--chart FILE.png] [--json]\n');
      return 0;
    } else {
      process.stderr.write(`eval:transfer: unknown option ${argv[i]}\n`);
      return 2;
    }
  }
  if (seeds.length === 0 || !seeds.every((s) => Number.isInteger(s) && s >= 0)) {
    process.stderr.write('eval:transfer: --seeds must be a comma-separated list of non-negative integers\n');
    return 2;
  }
  if (!(Number.isInteger(shots) && shots > 0)) {
    process.stderr.write(`eval:transfer: --shots must be a positive integer, got ${shots}\n`);
    return 2;
  }
  for (const [flag, v] of [['--head-epochs', headEpochs], ['--fine-tune-epochs', fineTuneEpochs]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) {
      process.stderr.write(`eval:transfer: ${flag} must be a non-negative integer, got ${v}\n`);
      return 2;
    }
  }
  await initBackend();
  const runs: MnistTransferResult[] = [];
  for (const seed of seeds) {
    const r = await mnistTransferEval({ seed, shotsPerClass: shots, headEpochs, fineTuneEpochs, log: (line) => process.stderr.write(`eval:transfer: seed ${seed}: ${line}\n`) });
    runs.push(r);
    if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
    else process.stdout.write(`seed ${seed}: transfer ${(r.transferAccuracy * 100).toFixed(2)}% (head only ${(r.headOnlyAccuracy * 100).toFixed(2)}%), scratch ${(r.scratchAccuracy * 100).toFixed(2)}%, gain ${r.gainPoints.toFixed(1)} points, ${r.seconds.toFixed(0)} s\n`);
  }
  if (chart) await renderTransferChart(runs, chart);
  const gains = runs.map((r) => r.gainPoints);
  const summary = {
    task: 'transfer-summary',
    seeds,
    meanTransferAccuracy: runs.reduce((a, r) => a + r.transferAccuracy, 0) / runs.length,
    meanScratchAccuracy: runs.reduce((a, r) => a + r.scratchAccuracy, 0) / runs.length,
    minGainPoints: Math.min(...gains),
    passed: gains.every((g) => g >= REQUIRED_GAIN_POINTS),
  };
  process.stdout.write(json ? `${JSON.stringify(summary)}\n` : `min gain ${summary.minGainPoints.toFixed(1)} points (required ${REQUIRED_GAIN_POINTS}): ${summary.passed ? 'PASS' : 'FAIL'}\n`);
  return summary.passed ? 0 : 1;
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
