#!/usr/bin/env node
/**
 * Where the trigger-word detections of a trained run fall relative to the word ends (the
 * diagnosis in the README): regenerates the run's 200 test clips (seed 1: the same voices, seeds
 * and cached speech as `trigger-report.js`), runs the saved tfjs model, and for thresholds 0.5,
 * 0.8 and 0.95 prints the scores with detections at their first step (the shipped metric) and at
 * their run's highest step, and a histogram of detection time minus the nearest word end (30 ms bins).
 *
 *   node packages/audio/bench/trigger-timing.js [--out DIR]   # DIR: the --out of trigger-report.js
 */
const path = require('path');
const audio = require('../dist/index.js');
const core = require('@dlkit/core');
const { EspeakSynthesizer } = require('@dlkit/espeak');

const i = process.argv.indexOf('--out');
const out = path.resolve(i >= 0 ? process.argv[i + 1] : 'dlkit-out/trigger-report');
const VARIANTS = ['', 'f1', 'f2', 'f3', 'f4', 'm1', 'm2', 'm3', 'm4', 'm5']; // dlkit keywords/trigger train's

/** Each event at its run's highest step. */
function peakTimes(curve, times, events) {
  return events.map((e) => {
    let best = e.time;
    let p = -1;
    for (let k = 0; k < times.length; k++)
      if (times[k] >= e.time && times[k] <= e.endTime && curve[k] > p) [p, best] = [curve[k], times[k]];
    return best;
  });
}

async function main() {
  await core.initBackend();
  const synth = await EspeakSynthesizer.create();
  const split = audio.splitVoices(synth.voices('gmw/en'), VARIANTS, { seed: 1 });
  const tts = new audio.CachedSynthesizer(synth, path.join(out, 'speech-cache'));
  const g = audio.triggerGeometry();
  const gen = new audio.ClipGenerator(tts, { sampleRate: 16000, clipSeconds: 10, babbleVoices: split.test });
  const source = audio.synthesizedTriggerSource(gen, split.test);
  const set = await audio.generateTriggerSet(source, g, { clips: 200, seed: 1003 }); // seed · 1000 + the test salt
  const model = await core.loadModel(path.join(out, 'model'));
  const curves = audio.triggerCurves(model, set.features, g);
  const times = audio.stepTimes(g);
  for (const threshold of [0.5, 0.8, 0.95]) {
    const first = [];
    const peak = [];
    const hist = {};
    curves.forEach((c, k) => {
      const events = audio.detectTriggers(c, times, { threshold, minGapSeconds: 0.3 });
      const ends = set.triggerEnds[k];
      for (const e of events) {
        const near = ends.reduce((b, x) => (Math.abs(e.time - x) < Math.abs(e.time - b) ? x : b), Infinity);
        const o = e.time - near;
        const bin = o < -0.5 ? '< -0.5' : o > 0.5 ? '> 0.5' : (Math.floor(o / 0.03 + 1e-9) * 0.03).toFixed(2);
        hist[bin] = (hist[bin] ?? 0) + 1;
      }
      first.push(
        audio.matchTriggers(
          events.map((e) => e.time),
          ends,
        ),
      );
      peak.push(audio.matchTriggers(peakTimes(c, times, events), ends));
    });
    const s = audio.triggerScores(first);
    console.log(
      JSON.stringify({
        threshold,
        f1: s.f1,
        precision: s.precision,
        recall: s.recall,
        truePositives: s.truePositives,
        falsePositives: s.falsePositives,
        falseNegatives: s.falseNegatives,
        f1AtPeak: audio.triggerScores(peak).f1,
        offsets: hist,
      }),
    );
  }
  model.dispose();
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
