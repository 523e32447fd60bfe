#!/usr/bin/env node
/**
 * Speech-to-text evaluation (issue 13 §5): runs the default `dlkit speech train` (eSpeak NG
 * sentences, held-out voices and sentences), then serves its Hugging Face export through
 * transformers.js's ASR pipeline and through `dlkit transcribe --beam`, and prints the measured
 * numbers: CER and WER pooled over the held-out test clips (greedy without a language model, the
 * headline; lexicon + bigram beam beside it), training time and audio seconds per second, and a
 * check that the pipeline transcribes a test sentence like the tfjs model.
 *
 *   npx tsc -b tsconfig.build.json && node packages/audio/bench/speech-report.js [--out DIR] [--epochs N] [--resume]
 *
 * Writes DIR/report.json (default dlkit-out/speech-report) and copies the spectrogram and the
 * learning curves to packages/audio/docs/ (speech-spectrogram.png, speech-curves.png).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'apps', 'demo-cli', 'bin', 'dlkit.js');
const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = path.resolve(flag('--out') ?? path.join(ROOT, 'dlkit-out', 'speech-report'));

function dlkit(...argv) {
  const r = spawnSync(process.execPath, [CLI, ...argv, '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`dlkit ${argv.join(' ')} exited ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const started = Date.now();
const trainArgs = ['speech', 'train', '--out', out];
if (flag('--epochs')) trainArgs.push('--epochs', flag('--epochs'));
if (args.includes('--resume')) trainArgs.push('--resume');
const train = dlkit(...trainArgs);
const trainSeconds = (Date.now() - started) / 1000;

// the held-out example clips through both serving paths: transformers.js (greedy) and onnxruntime + beam
const { examples } = JSON.parse(fs.readFileSync(path.join(out, 'speech.json'), 'utf8'));
const files = examples.map((e) => e.file);
const greedy = dlkit('transcribe', '--model', train.model, ...files).transcripts;
const beam = dlkit('transcribe', '--model', train.model, '--beam', '16', ...files).transcripts;
const served = examples.map((e, i) => ({
  reference: e.reference,
  tfjsGreedy: e.greedy,
  pipeline: greedy[i].text,
  tfjsBeam: e.beam,
  onnxBeam: beam[i].text,
  words: beam[i].words,
}));
const report = {
  cer: train.cer,
  wer: train.wer,
  beamCer: train.beamCer,
  beamWer: train.beamWer,
  testClips: train.testClips,
  trainClips: train.trainClips,
  testOnlyVoices: train.testOnlyVoices,
  epochs: train.epochs,
  trainSeconds,
  audioSecondsPerSec: train.audioSecondsPerSec,
  backend: train.backend,
  pipelineMatchesTfjs: served.filter((s) => s.pipeline === s.tfjsGreedy).length + '/' + served.length,
  served,
  model: train.model,
};
fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
const docs = path.join(__dirname, '..', 'docs');
fs.copyFileSync(train.spectrogram, path.join(docs, 'speech-spectrogram.png'));
fs.copyFileSync(train.curves, path.join(docs, 'speech-curves.png'));
process.stdout.write(JSON.stringify(report) + '\n');
