#!/usr/bin/env node
/**
 * The numbers behind the audio specs, measured (the specs assert bounds; this prints the values):
 * - float64 features against the numpy reference (src/features/__fixtures__, scripts/feature-fixtures.py):
 *   max elementwise relative error of power, mel power, log-mel dB and MFCC, per case;
 * - the in-graph layers (wasm backend) against the fft.js features: max |a − b| / max |b| and the
 *   max elementwise relative error (float32 DFT as a MatMul), and onnxruntime against tfjs;
 * - the resampler on sines: 440 Hz 44.1 → 16 kHz max error and amplitude error, and the
 *   attenuation of tones above the new Nyquist frequency.
 *
 *   npx tsc -b tsconfig.build.json && node packages/audio/bench/reference-errors.js
 */
const tf = require('@tensorflow/tfjs');
const core = require('@dlkit/core');
const audio = require('../dist/index.js');
const reference = require('../src/features/__fixtures__/feature-reference.json');

const sci = (x) => Number(x.toExponential(2));

/** [max elementwise relative error, max |a − b| / max |b|] over rows. */
function errors(actual, expected) {
  const scale = Math.max(...expected.flatMap((r) => Array.from(r, Math.abs)));
  let rel = 0;
  let scaled = 0;
  expected.forEach((row, i) =>
    Array.from(row).forEach((e, j) => {
      const d = Math.abs(actual[i][j] - e);
      rel = Math.max(rel, d / Math.max(Math.abs(e), 1e-6 * scale));
      scaled = Math.max(scaled, d / scale);
    }),
  );
  return { elementwise: sci(rel), ofScale: sci(scaled) };
}

function fixtureErrors() {
  const signal = Float32Array.from(reference.signal);
  return reference.cases.map((c) => {
    const o = { ...c.options, sampleRate: reference.sampleRate };
    const power = audio.powerSpectrogram(signal, o);
    return {
      case: c.name,
      power: errors(
        c.powerRows.map((t) => power[t]),
        c.power,
      ).elementwise,
      melPower: errors(audio.melSpectrogram(signal, o), c.melPower).elementwise,
      logMel: errors(audio.logMelSpectrogram(signal, o), c.logMel).elementwise,
      mfcc: errors(audio.mfcc(signal, o), c.mfcc).elementwise,
    };
  });
}

async function layerErrors() {
  await core.initBackend();
  const signal = Float32Array.from(reference.signal);
  const common = { sampleRate: 16000, nFft: 512, hop: 160, nMels: 40 };
  const cases = [
    ['StftLayer power', () => new audio.StftLayer(common), () => audio.powerSpectrogram(signal, common)],
    ['LogMelLayer', () => new audio.LogMelLayer(common), () => audio.logMelSpectrogram(signal, common)],
    [
      'MfccLayer',
      () => new audio.MfccLayer({ ...common, nMfcc: 13 }),
      () => audio.mfcc(signal, { ...common, nMfcc: 13 }),
    ],
  ];
  const rows = [];
  for (const [name, layer, features] of cases) {
    const input = tf.input({ shape: [signal.length] });
    const model = tf.model({ inputs: input, outputs: layer().apply(input) });
    const x = tf.tensor2d([Array.from(signal)]);
    const y = model.predict(x);
    const graph = errors(y.arraySync()[0], features());
    const scale = tf.tidy(() => tf.max(tf.abs(y)).dataSync()[0]);
    const parity = await core.onnxParity(model, x, { exporters: audio.AUDIO_ONNX_EXPORTERS });
    rows.push({
      layer: name,
      vsFftJs: graph,
      onnxVsTfjsOfScale: sci(parity.maxAbsDiff / scale),
      onnxMaxAbsDiff: sci(parity.maxAbsDiff),
    });
    tf.dispose([x, y]);
    model.dispose();
  }
  return { backend: tf.getBackend(), rows };
}

function resamplerNumbers() {
  const sine = (f, sr, n, a = 1) =>
    Float64Array.from({ length: n }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / sr));
  const rms = (x, a, b) => Math.sqrt(x.slice(a, b).reduce((s, v) => s + v * v, 0) / (b - a));
  const y = audio.resample(sine(440, 44100, 44100, 0.8), 44100, 16000);
  const expected = sine(440, 16000, 16000, 0.8);
  let maxErr = 0;
  for (let i = 400; i < 15600; i++) maxErr = Math.max(maxErr, Math.abs(y[i] - expected[i]));
  const attenuationDb = {};
  for (const f of [7000, 7600, 8400, 8800, 10000, 15000, 20000]) {
    const x = sine(f, 44100, 22050);
    attenuationDb[`${f} Hz`] = Number(
      (-20 * Math.log10(rms(audio.resample(x, 44100, 16000), 400, 7600) / rms(x, 0, x.length))).toFixed(1),
    );
  }
  return {
    sine440: { maxAbsError: sci(maxErr), amplitudeError: sci(Math.abs(rms(y, 1000, 5400) * Math.SQRT2 - 0.8)) },
    attenuationDb,
  };
}

async function main() {
  console.log(
    JSON.stringify({ fixtures: fixtureErrors(), layers: await layerErrors(), resample: resamplerNumbers() }, null, 1),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
