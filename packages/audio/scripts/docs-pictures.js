#!/usr/bin/env node
/**
 * The README's pictures, from the built package: 8 s of "Amazing Grace" (from @dlkit/sequence's
 * tunes, through its additive synthesiser) at 16 kHz, as a log-mel spectrogram (64 Slaney bands)
 * and as a linear-frequency power spectrogram in dB.
 *
 *   npx tsc -b tsconfig.build.json && node packages/audio/scripts/docs-pictures.js
 */
const path = require('path');
const audio = require('../dist/index.js');

async function main() {
  const docs = path.join(__dirname, '..', 'docs');
  const sampleRate = 16000;
  const samples = audio.melodySignal('amazing-grace', sampleRate, 8);
  const options = { sampleRate, nFft: 512, hop: 160, nMels: 64, fMax: 8000 };
  const logMel = audio.logMelSpectrogram(samples, options);
  const files = [
    await audio.renderSpectrogram(path.join(docs, 'amazing-grace-log-mel.png'), logMel, {
      ...options,
      frequencies: audio.melBandCenters(options),
      title: 'Amazing Grace: log-mel spectrogram (64 bands, dB)',
    }),
    await audio.renderSpectrogram(
      path.join(docs, 'amazing-grace-power-db.png'),
      audio.powerToDb(audio.powerSpectrogram(samples, options)),
      {
        ...options,
        title: 'Amazing Grace: power spectrogram (512-point FFT, dB)',
      },
    ),
  ];
  console.log(JSON.stringify({ files: files.map((f) => path.relative(process.cwd(), f)), frames: logMel.length }));
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
