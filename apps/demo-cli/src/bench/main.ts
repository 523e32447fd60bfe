/**
 * `npm run bench -- [--json] [--seconds S] [--quick]`: training and inference speed of the MNIST
 * CNN (batch 64 training, batch 256 inference, same architecture everywhere) for dlkit on wasm
 * (`dlkit`: as `dlkit train mnist` trains, data parallel on 2 threads; `dlkit-1thread`: main thread only),
 * the tfjs cpu backend, ONNX Runtime on an exported model, and PyTorch on the CPU with 2 threads
 * (Debian's python3-torch, installed by bench/setup-torch.sh; its rows are skipped with a reason
 * when it cannot be had), plus the peak RSS of a full `dlkit train mnist` run (skipped with --quick).
 *
 * Each measurement runs in its own process, so peak RSS belongs to one implementation.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeNumber, numberFlag, type NumberRange } from '../util/flags';
import { parseScriptArgs, scriptProgram } from './script-args';

interface Row {
  task: string;
  impl: string;
  samplesPerSec: number | null;
  peakRssMb: number | null;
  [extra: string]: unknown;
}

const APP = path.join(__dirname, '..', '..');
const PYTHON = '/usr/bin/python3';

/** Seconds per measurement. */
const SECONDS: NumberRange = { min: 0, max: 3600, minExclusive: true };

function program() {
  return scriptProgram('bench', '-- [--json] [--seconds S] [--quick]')
    .description('training and inference speed of the MNIST CNN: dlkit (wasm, ONNX), tfjs cpu, PyTorch')
    .option(
      '--seconds <s>',
      `time per measurement, ${describeNumber(SECONDS)} (default 10)`,
      numberFlag('--seconds', SECONDS),
    )
    .option('--quick', 'skip the full `dlkit train mnist` peak-RSS run')
    .option(
      '--task <name>',
      'run only the rows of this task (mnist-cnn-train, mnist-cnn-infer, bert-mlm-train, ctc-train)',
    )
    .option('--json', 'print one JSON object');
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function runNodeWorker(task: string, impl: string, seconds: number): Row {
  log(`bench: ${task} / ${impl} ...`);
  const r = spawnSync(process.execPath, [path.join(__dirname, 'worker.js'), task, impl, String(seconds)], {
    encoding: 'utf8',
  });
  if (r.status !== 0)
    return {
      task,
      impl,
      samplesPerSec: null,
      peakRssMb: null,
      skipped: `worker failed: ${r.stderr.trim().split('\n').pop()}`,
    };
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
  return { task, impl, ...out };
}

function torchReason(): string | undefined {
  const setup = spawnSync('bash', [path.join(APP, 'bench', 'setup-torch.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (setup.status !== 0) return (setup.stderr || 'python3-torch is not installed').trim().split('\n').pop();
  return undefined;
}

/** PyTorch scripts of the rows that are not MNIST: task → bench/<script>. */
const TORCH_SCRIPTS: Record<string, string> = { bert: 'bert_mlm.py', 'ctc-train': 'ctc_train.py' };

function runTorch(mode: 'train' | 'infer' | 'bert' | 'ctc-train', seconds: number, reason: string | undefined): Row {
  const task = mode === 'bert' ? 'bert-mlm-train' : mode === 'ctc-train' ? mode : `mnist-cnn-${mode}`;
  if (reason) return { task, impl: 'pytorch', samplesPerSec: null, peakRssMb: null, skipped: reason };
  log(`bench: ${task} / pytorch ...`);
  const script = TORCH_SCRIPTS[mode] ? [TORCH_SCRIPTS[mode]] : ['mnist_cnn.py', mode];
  const r = spawnSync(
    PYTHON,
    [path.join(APP, 'bench', script[0]), ...script.slice(1), '--seconds', String(seconds), '--threads', '2'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0)
    return {
      task,
      impl: 'pytorch',
      samplesPerSec: null,
      peakRssMb: null,
      skipped: `pytorch failed: ${r.stderr.trim().split('\n').pop()}`,
    };
  return { task, impl: 'pytorch', ...JSON.parse(r.stdout.trim().split('\n').pop()!) };
}

/** Peak RSS of the real `dlkit train mnist` with default settings. */
function runTrainCli(): Row {
  log('bench: dlkit train mnist (default settings, a few minutes) ...');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-bench-'));
  const rssFile = path.join(tmp, 'rss');
  try {
    const r = spawnSync(
      process.execPath,
      [
        '-r',
        path.join(APP, 'bench', 'rss-probe.js'),
        path.join(APP, 'bin', 'dlkit.js'),
        'train',
        'mnist',
        '--json',
        '--out',
        path.join(tmp, 'out'),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, DLKIT_RSS_FILE: rssFile },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (r.status !== 0)
      return {
        task: 'mnist-train-cli',
        impl: 'dlkit',
        samplesPerSec: null,
        peakRssMb: null,
        skipped: `dlkit train mnist exited ${r.status}`,
      };
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    return {
      task: 'mnist-train-cli',
      impl: 'dlkit',
      samplesPerSec: out.samplesPerSec,
      peakRssMb: Number(fs.readFileSync(rssFile, 'utf8')) / 1024,
      testAccuracy: out.testAccuracy,
      seconds: out.seconds,
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function table(rows: Row[]): string {
  const fmt = (v: number | null) => (v === null ? '-' : v.toFixed(1));
  const lines = rows.map((r) =>
    [r.task, r.impl, fmt(r.samplesPerSec), fmt(r.peakRssMb), (r.skipped as string) ?? ''].map(String),
  );
  const head = ['task', 'impl', 'samples/s', 'peak RSS MB', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [head, ...lines]
    .map((l) =>
      l
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function main(argv: string[]): number {
  const cli = program();
  const code = parseScriptArgs(cli, argv);
  if (code !== undefined) return code;
  const opts = cli.opts<{ seconds?: number; quick?: boolean; json?: boolean; task?: string }>();
  const { seconds = 10, quick, json, task } = opts;
  const args = { seconds, quick, json };
  const reason = torchReason();
  // Rows are thunks so that --task runs only its own, back to back.
  const plan: [string, () => Row][] = [
    ['mnist-cnn-train', () => runNodeWorker('mnist-cnn-train', 'dlkit', args.seconds)],
    ['mnist-cnn-train', () => runNodeWorker('mnist-cnn-train', 'dlkit-1thread', args.seconds)],
    ['mnist-cnn-train', () => runNodeWorker('mnist-cnn-train', 'tfjs-cpu', args.seconds)],
    ['mnist-cnn-train', () => runTorch('train', args.seconds, reason)],
    ['mnist-cnn-infer', () => runNodeWorker('mnist-cnn-infer', 'dlkit-onnx', args.seconds)],
    ['mnist-cnn-infer', () => runNodeWorker('mnist-cnn-infer', 'dlkit', args.seconds)],
    ['mnist-cnn-infer', () => runTorch('infer', args.seconds, reason)],
    ['bert-mlm-train', () => runNodeWorker('bert-mlm-train', 'dlkit', args.seconds)],
    ['bert-mlm-train', () => runTorch('bert', args.seconds, reason)],
    ['ctc-train', () => runNodeWorker('ctc-train', 'dlkit', args.seconds)],
    ['ctc-train', () => runTorch('ctc-train', args.seconds, reason)],
  ];
  const rows: Row[] = plan.filter(([t]) => task === undefined || t === task).map(([, row]) => row());
  if (!args.quick && task === undefined) rows.push(runTrainCli());
  const rate = (task: string, impl: string) =>
    rows.find((r) => r.task === task && r.impl === impl)?.samplesPerSec ?? null;
  const ratio = (a: number | null, b: number | null) =>
    a !== null && b !== null && b > 0 ? Math.round((a / b) * 100) / 100 : null;
  const summary = {
    trainVsPytorch: ratio(rate('mnist-cnn-train', 'dlkit'), rate('mnist-cnn-train', 'pytorch')),
    onnxInferVsPytorch: ratio(rate('mnist-cnn-infer', 'dlkit-onnx'), rate('mnist-cnn-infer', 'pytorch')),
    bertMlmVsPytorch: ratio(rate('bert-mlm-train', 'dlkit'), rate('bert-mlm-train', 'pytorch')),
    ctcTrainVsPytorch: ratio(rate('ctc-train', 'dlkit'), rate('ctc-train', 'pytorch')),
    cores: os.cpus().length,
  };
  if (args.json) process.stdout.write(`${JSON.stringify({ results: rows, summary })}\n`);
  else
    process.stdout.write(
      `${table(rows)}\n\ndlkit/pytorch training: ${summary.trainVsPytorch ?? '-'}x   onnx/pytorch inference: ${summary.onnxInferVsPytorch ?? '-'}x   BERT MLM: ${summary.bertMlmVsPytorch ?? '-'}x   CTC speech: ${summary.ctcTrainVsPytorch ?? '-'}x\n`,
    );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
