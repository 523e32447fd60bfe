#!/usr/bin/env node
/**
 * The measured trigger-word run of the README (issue 13, section 3): runs the default
 * `dlkit trigger train --json` (eSpeak NG speech, 8 English voices × 10 variants split by
 * splitVoices, 1,200 training clips of 10 s, 12 epochs of batch 64, 1 hour of audio without the trigger word
 * for false alarms) in a child process, forwards its progress to stderr, and prints the metrics
 * with the wall-clock time and the machine's load (this machine's 2 cores are shared, so timings
 * vary with the other work running). Writes <out>/report.json; with --docs, copies the held-out
 * example picture to packages/audio/docs/trigger-example.png.
 *
 *   npx tsc -b tsconfig.build.json && node packages/audio/bench/trigger-report.js [--out DIR] [--docs] [-- extra train flags]
 *
 * A second run with the same --out reads the synthesized speech from <out>/speech-cache; add
 * `-- --resume` to continue an interrupted run from its checkpoint.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const extra = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const out = path.resolve(flag('out', 'dlkit-out/trigger-report'));
const cli = path.join(__dirname, '../../../apps/demo-cli/bin/dlkit.js');

async function main() {
  const load = [os.loadavg()[0]];
  const started = Date.now();
  const timer = setInterval(() => load.push(os.loadavg()[0]), 60_000);
  const child = spawn(process.execPath, [cli, 'trigger', 'train', '--out', out, '--json', ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`dlkit trigger train exited with ${code}`);
  const r = JSON.parse(stdout.trim().split('\n').pop());
  const report = {
    ...r,
    wallSeconds: (Date.now() - started) / 1000,
    loadAverage: { min: Math.min(...load), max: Math.max(...load), cores: os.cpus().length },
    command: `dlkit trigger train --out ${out} --json ${extra.join(' ')}`.trim(),
  };
  fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  if (process.argv.includes('--docs')) fs.copyFileSync(r.example, path.join(__dirname, '../docs/trigger-example.png'));
  const pct = (x) => (100 * x).toFixed(1);
  console.log(
    [
      `| F1 | precision | recall | threshold | F1 at 0.5 | false alarms / hour | training clips | test words | epochs | wall time |`,
      `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`,
      `| ${pct(r.f1)} % | ${pct(r.precision)} % | ${pct(r.recall)} % | ${r.threshold} | ${pct(r.f1AtHalf)} % | ` +
        `${r.falseAlarmsPerHour} (${r.falseAlarms} in ${r.falseAlarmHours} h) | ${r.trainClips} | ${r.testTriggers} | ` +
        `${r.epochs} | ${(report.wallSeconds / 60).toFixed(1)} min |`,
    ].join('\n'),
  );
  console.log(JSON.stringify(report));
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
