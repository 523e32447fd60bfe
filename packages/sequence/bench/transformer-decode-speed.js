#!/usr/bin/env node
/**
 * Decoding speed of a trained transformer translator, with and without the key/value cache
 * (TransformerTranslator.decoderSession): scores the preset's held-out pairs greedily and with
 * beam search both ways, checks that the outputs are identical, and prints the seconds and the
 * speed-up (docs: packages/sequence/README.md, "Translating numbers").
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/sequence/bench/transformer-decode-speed.js --model DIR --pairs en-de
 *         [--held-out 2000] [--count 500] [--beam 4] [--seed 1]
 * --model is a `translate train --arch transformer` (or translate-report) model directory; the
 * held-out pairs are regenerated from --pairs/--seed/--held-out (use the training run's values).
 * Exits 1 if cached and uncached decoding disagree.
 */
const { initBackend } = require('@dlkit/core');
const { loadTranslateData, TransformerTranslator } = require('@dlkit/sequence');

function parseArgs(argv) {
  const flags = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined)
      throw new Error(`bad argument ${argv[i]} (expected --flag value)`);
    flags[argv[i].slice(2)] = argv[i + 1];
  }
  return flags;
}

async function main() {
  const flags = parseArgs(process.argv.slice(2));
  if (!flags.model) throw new Error('--model DIR is required (a transformer translator directory)');
  const backend = (await initBackend()).backend;
  const t = await TransformerTranslator.load(flags.model);
  const data = loadTranslateData(flags.pairs ?? 'en-de', {
    seed: Number(flags.seed ?? 1),
    heldOut: Number(flags['held-out'] ?? 2000),
  });
  const texts = data.heldOut.slice(0, Number(flags.count ?? 500)).map((p) => p.source);
  const rows = [];
  let same = true;
  for (const beamWidth of [1, Number(flags.beam ?? 4)]) {
    const timed = (cache) => {
      const start = performance.now();
      const out = t.translateBatch(texts, { beamWidth, cache });
      return { out, seconds: (performance.now() - start) / 1000 };
    };
    const cached = timed(true);
    const uncached = timed(false);
    const equal = cached.out.every((r, i) => r.output === uncached.out[i].output);
    same &&= equal;
    rows.push({
      beamWidth,
      inputs: texts.length,
      cachedSeconds: +cached.seconds.toFixed(2),
      uncachedSeconds: +uncached.seconds.toFixed(2),
      speedUp: +(uncached.seconds / cached.seconds).toFixed(2),
      identicalOutputs: equal,
    });
  }
  t.dispose();
  console.log(JSON.stringify({ model: flags.model, tokens: t.coder.tokens, ty: t.coder.ty, backend, rows }));
  if (!same) process.exitCode = 1;
}

main().catch((err) => ((process.exitCode = 1), console.error(err.message)));
