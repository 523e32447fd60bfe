#!/usr/bin/env node
/**
 * CTC beam-search speed: T = 200 frames of random log-probabilities over V = 30 tokens (blank,
 * "|", A-Z, apostrophe, hyphen; flatter than a trained model's, so the beams stay busy), without
 * and with a lexicon and word LM, at beam widths 8, 16 and 64; each width timed once after one
 * warm-up search.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/sequence/bench/ctc-beam-speed.js
 */
const tf = require('@tensorflow/tfjs');
const { initBackend } = require('@dlkit/core');
const { ctcBeamSearch, LexiconTrie, WordNgramLm } = require('@dlkit/sequence');

async function main() {
  await initBackend();
  const tokens = ['_', '|', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "'", '-'];
  const logProbs = tf.tidy(() => tf.logSoftmax(tf.randomNormal([200, 30], 0, 3, 'float32', 1)).arraySync());
  const lexicon = LexiconTrie.fromWords(['HELLO', 'WORLD', 'A', 'THE', 'CAT', 'I', 'AM', 'AN', 'AT', 'TO', 'IT']);
  const lm = WordNgramLm.fromSentences(['THE CAT', 'HELLO WORLD', 'I AM AT IT']);
  for (const [name, extra] of [
    ['plain', {}],
    ['lexicon + LM', { tokens, lexicon, lm }],
  ])
    for (const beamWidth of [8, 16, 64]) {
      ctcBeamSearch(logProbs, { beamWidth, ...extra });
      const t0 = process.hrtime.bigint();
      const hypotheses = ctcBeamSearch(logProbs, { beamWidth, ...extra });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      console.log(
        `${name.padEnd(14)} beam ${String(beamWidth).padStart(2)}: ${ms.toFixed(1)} ms, ${hypotheses.length} hypotheses`,
      );
    }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
