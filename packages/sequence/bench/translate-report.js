#!/usr/bin/env node
/**
 * The translation comparison of docs/seq2seq.md ("Translating numbers"): trains a translator on a
 * preset with `trainTranslation` (the code of `dlkit translate train`), scores it on the held-out
 * numbers with greedy decoding and beam search, and writes one report per run; `table` prints the
 * README table from every report found, one row per (pairs, arch) (`--arch lstm|transformer`).
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:   node packages/sequence/bench/translate-report.js run --pairs en-fr [--arch lstm] [--epochs N]
 *          [--minutes M] [--beam 4] [--seed 1] [--examples N] [--held-out N] [--resume true]
 *          [--out dlkit-out/translate-bench] [--layers N --d-model N --heads N --dff N --dropout P
 *          --warmup STEPS --label-smoothing E --tokens pieces|chars] (transformer)
 *        node packages/sequence/bench/translate-report.js table [--out dlkit-out/translate-bench]
 * A run writes <out>/<pairs>-<arch>/ (model/, attention.png, curves.png, history.json, report.json;
 * the transformer also attention-head-<i>.png). A resumed run whose checkpoint holds every epoch
 * only evaluates: its trainSeconds are the checkpoint's, its cpuSeconds the evaluation's.
 * `--minutes` stops training after the first epoch that ends past that budget (equal-time comparisons;
 * the budget counts every run of a resumed series, and its stop is not checkpointed, so resuming with
 * a larger --minutes or --epochs, or from the CLI, trains on);
 * `--resume true` continues from <out>/<pairs>-<arch>/checkpoint (same flags).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { initBackend } = require('@dlkit/core');
const { trainTranslation } = require('@dlkit/sequence');

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const flags = {};
  for (let i = 0; i < rest.length; i += 2) {
    if (!rest[i].startsWith('--') || rest[i + 1] === undefined)
      throw new Error(`bad argument ${rest[i]} (expected --flag value)`);
    flags[rest[i].slice(2)] = rest[i + 1];
  }
  return { command, flags };
}

const num = (v) => (v === undefined ? undefined : Number(v));

async function run(flags) {
  const pairs = flags.pairs ?? 'en-fr';
  const arch = flags.arch ?? 'lstm';
  const out = path.join(flags.out ?? 'dlkit-out/translate-bench', `${pairs}-${arch}`);
  const backend = (await initBackend()).backend;
  const started = Date.now();
  const cpu0 = process.cpuUsage();
  const load0 = os.loadavg()[0];
  const r = await trainTranslation({
    pairs,
    arch,
    outDir: out,
    epochs: num(flags.epochs),
    examples: num(flags.examples),
    heldOut: num(flags['held-out']),
    seed: num(flags.seed),
    beamWidth: num(flags.beam) ?? 4,
    resume: flags.resume === 'true',
    // transformer sizes and recipe (trainTranslation's defaults when absent)
    layers: num(flags.layers),
    dModel: num(flags['d-model']),
    numHeads: num(flags.heads),
    dff: num(flags.dff),
    dropout: num(flags.dropout),
    warmupSteps: num(flags.warmup),
    labelSmoothing: num(flags['label-smoothing']),
    tokens: flags.tokens,
    maxSeconds: flags.minutes === undefined ? undefined : Number(flags.minutes) * 60,
    progress: false,
    onEpochEnd: (l) =>
      process.stderr.write(
        `${pairs} ${arch} epoch ${l.epoch + 1}: loss ${l.loss.toFixed(4)} acc ${l.acc?.toFixed(4)} ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
      ),
  });
  const cpu = process.cpuUsage(cpu0);
  const report = {
    pairs,
    arch,
    heldOut: r.heldOut,
    trainPairs: r.trainPairs,
    epochs: r.history.epochs.length,
    greedy: { exactMatch: r.exactMatch, cer: r.cer },
    beam: r.beam,
    parameters: r.parameters,
    // Wall seconds outside training: data generation, greedy + beam evaluation, saving, ONNX, PNGs.
    otherSeconds: (Date.now() - started) / 1000 - r.seconds,
    // Per-epoch training time from the history (a resumed run's earlier epochs included).
    trainSeconds: r.history.epochs.reduce((sum, e) => sum + (e.seconds ?? 0), 0),
    resumedFromEpoch: r.resumedFromEpoch,
    wallSeconds: (Date.now() - started) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    loadAverage: { start: load0, end: os.loadavg()[0] },
    cores: os.cpus().length,
    backend,
    example: r.example,
    errors: r.errors.slice(0, 5),
    model: r.model,
    attention: r.attention,
  };
  fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 1));
  console.log(JSON.stringify(report));
}

function table(flags) {
  const dir = flags.out ?? 'dlkit-out/translate-bench';
  const rows = fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, 'report.json')))
    .map((d) => JSON.parse(fs.readFileSync(path.join(dir, d, 'report.json'), 'utf8')));
  const pct = (x) => (x * 100).toFixed(2) + ' %';
  const min = (s) => `${(s / 60).toFixed(1)} min`;
  console.log(
    '| pairs | model | exact match greedy | CER greedy | exact match beam | CER beam | training wall time | parameters |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.pairs} | ${r.arch} | ${pct(r.greedy.exactMatch)} | ${r.greedy.cer.toFixed(4)} | ${r.beam ? pct(r.beam.exactMatch) : '-'} | ${r.beam ? r.beam.cer.toFixed(4) : '-'} | ${min(r.trainSeconds)} (${r.epochs} epochs) | ${r.parameters.toLocaleString('en-US')} |`,
    );
}

const { command, flags } = parseArgs(process.argv.slice(2));
if (command === 'run') run(flags).catch((err) => ((process.exitCode = 1), console.error(err.message)));
else if (command === 'table') table(flags);
else {
  console.error('usage: translate-report.js run --pairs en-fr [--arch lstm] [--epochs N] [--minutes M] | table');
  process.exitCode = 2;
}
