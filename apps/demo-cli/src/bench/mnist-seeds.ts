/**
 * `npm run eval:mnist -- [--seeds 1,2,3] [--json]`: the MNIST accuracy evaluation behind the
 * README's numbers. Trains `dlkit train mnist` with default settings once per seed (init,
 * shuffling and augmentation change; the 8,000 / 2,000 split is fixed) and reports each run's
 * test accuracy and wall time, plus the mean and the minimum.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { trainMnist } from '@dlkit/vision';
import { intListFlag, SEED_RANGE } from '../util/flags';
import { parseScriptArgs, scriptProgram } from './script-args';

export async function main(argv: string[]): Promise<number> {
  const cli = scriptProgram('eval:mnist', '-- [--seeds 1,2,3] [--json]')
    .description('train `dlkit train mnist` with default settings once per seed and report the test accuracies')
    .option('--seeds <list>', 'comma-separated seeds (default 1,2,3)', intListFlag('--seeds', SEED_RANGE))
    .option('--json', 'print one JSON object');
  const code = parseScriptArgs(cli, argv);
  if (code !== undefined) return code;
  const { seeds = [1, 2, 3], json } = cli.opts<{ seeds?: number[]; json?: boolean }>();
  const runs: { seed: number; testAccuracy: number; seconds: number; samplesPerSec: number }[] = [];
  for (const seed of seeds) {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-eval-mnist-'));
    try {
      process.stderr.write(`eval:mnist: seed ${seed} ...\n`);
      const r = await trainMnist({ outDir, seed, progress: false });
      runs.push({ seed, testAccuracy: r.testAccuracy, seconds: r.seconds, samplesPerSec: r.samplesPerSec });
      process.stderr.write(
        `eval:mnist: seed ${seed}: test accuracy ${(r.testAccuracy * 100).toFixed(2)}% in ${r.seconds.toFixed(0)} s\n`,
      );
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }
  const accs = runs.map((r) => r.testAccuracy);
  const summary = {
    task: 'mnist-eval',
    runs,
    meanTestAccuracy: accs.reduce((a, b) => a + b, 0) / accs.length,
    minTestAccuracy: Math.min(...accs),
    maxSeconds: Math.max(...runs.map((r) => r.seconds)),
  };
  if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    for (const r of runs)
      process.stdout.write(
        `seed ${r.seed}: ${(r.testAccuracy * 100).toFixed(2)}%  ${r.seconds.toFixed(0)} s  ${r.samplesPerSec.toFixed(0)} samples/s\n`,
      );
    process.stdout.write(
      `mean ${(summary.meanTestAccuracy * 100).toFixed(2)}%, min ${(summary.minTestAccuracy * 100).toFixed(2)}%, slowest run ${summary.maxSeconds.toFixed(0)} s\n`,
    );
  }
  return 0;
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
