#!/usr/bin/env node
/**
 * A long WAV scanned window by window in constant memory (issue 13, section 1): writes a 2-hour
 * 16 kHz 16-bit mono WAV to /tmp with WavStreamWriter (one second at a time), then, in a fresh child
 * process, reads it with WavReader in 30 s windows and computes each window's RMS and log-mel
 * spectrogram (512-point FFT, hop 160, 64 mel bands). Prints one JSON object: file size, times,
 * and the scanning process's peak RSS (process.resourceUsage().maxRSS) against the file size.
 *
 *   npx tsc -b tsconfig.build.json && node packages/audio/bench/long-wav-scan.js [--hours 2] [--window 30] [--features log-mel|none] [--heap-mb N] [--keep]
 *
 * `--features none` computes only each window's RMS (reading cost alone); `--keep` leaves the WAV in
 * /tmp, and a later run with the same --hours reuses it instead of writing it again; `--heap-mb N`
 * runs the scan with V8's old space capped at N MB (--max-old-space-size), which fails if the scan
 * ever holds much of the file.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const audio = require('../dist/index.js');

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const mb = (bytes) => Number((bytes / 2 ** 20).toFixed(1));
const RATE = 16000;

/** Window by window: RMS and the log-mel spectrogram's mean level; returns a summary. */
function scan(file, windowSeconds, withLogMel) {
  const rssAfterLoadMB = mb(process.memoryUsage().rss); // node + tfjs/onnxruntime/sharp loaded through @dlkit/core
  const start = process.hrtime.bigint();
  const reader = audio.WavReader.open(file);
  const features = { sampleRate: RATE, nFft: 512, hop: 160, nMels: 64 };
  let windows = 0;
  let frames = 0;
  let loudest = { rms: 0, startSeconds: 0 };
  for (const w of reader.windows(windowSeconds, windowSeconds, { reuse: true })) {
    const x = w.samples.subarray(0, w.validFrames);
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i] * x[i];
    const rms = Math.sqrt(s / x.length);
    if (rms > loudest.rms) loudest = { rms: Number(rms.toFixed(4)), startSeconds: w.startSeconds };
    if (withLogMel) frames += audio.logMelSpectrogram(x, features).length;
    windows++;
  }
  const durationSeconds = reader.durationSeconds;
  reader.close();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    windows,
    logMelFrames: frames,
    loudestWindow: loudest,
    scanSeconds: Number(seconds.toFixed(1)),
    realtimeFactor: Math.round(durationSeconds / seconds),
    rssAfterLoadMB,
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  };
}

if (process.argv.includes('--scan')) {
  const file = process.argv[process.argv.indexOf('--scan') + 1];
  process.stdout.write(
    JSON.stringify(scan(file, Number(flag('window', '30')), flag('features', 'log-mel') !== 'none')) + '\n',
  );
} else {
  const hours = Number(flag('hours', '2'));
  const windowSeconds = flag('window', '30');
  const file = path.join(os.tmpdir(), `dlkit-long-${hours}h.wav`);
  const log = (m) => process.stderr.write(`${m}\n`);
  const expectedBytes = 44 + Math.round(hours * 3600) * RATE * 2;
  let writeSeconds = null;
  if (fs.existsSync(file) && fs.statSync(file).size === expectedBytes) log(`reusing ${file}`);
  else {
    log(`writing ${hours} h of 16 kHz audio to ${file} ...`);
    const t0 = Date.now();
    const writer = new audio.WavStreamWriter(file, { sampleRate: RATE });
    const second = new Float32Array(RATE);
    for (let s = 0; s < Math.round(hours * 3600); s++) {
      // a tone that steps through 8 pitches per minute, louder in the 7th minute of every hour
      const f = 220 * 2 ** ((Math.floor(s / 7.5) % 8) / 12);
      const a = Math.floor(s / 60) % 60 === 6 ? 0.8 : 0.2;
      for (let i = 0; i < RATE; i++) second[i] = a * Math.sin((2 * Math.PI * f * (s * RATE + i)) / RATE);
      writer.write(second);
    }
    writer.close();
    writeSeconds = Number(((Date.now() - t0) / 1000).toFixed(1));
  }
  const fileBytes = fs.statSync(file).size;
  log(`scanning in ${windowSeconds} s windows (child process) ...`);
  const features = flag('features', 'log-mel');
  const heapMb = flag('heap-mb', undefined);
  const nodeFlags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const args = [...nodeFlags, __filename, '--scan', file, '--window', windowSeconds, '--features', features];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`scan failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  if (!process.argv.includes('--keep')) fs.rmSync(file, { force: true });
  console.log(
    JSON.stringify({
      file,
      audioHours: hours,
      fileMB: mb(fileBytes),
      writeSeconds,
      windowSeconds: Number(windowSeconds),
      features,
      heapLimitMB: heapMb ? Number(heapMb) : null,
      ...result,
      rssGrowthMB: Number((result.peakRssMB - result.rssAfterLoadMB).toFixed(1)),
      rssOverFileSize: Number(((result.peakRssMB * 2 ** 20) / fileBytes).toFixed(3)),
      node: process.version,
    }),
  );
}
