// Extractive QA fine-tuning with and without pretraining: the same finetuneQa run from an MLM
// folder's weights and from random weights of the same size, against the overlap baseline (SQuAD
// EM/F1 on held-out generated questions). The MLM folder is pretrained first when missing (cached).
// Prints JSON. Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/qa-finetune.js [--mlm DIR] [--train-count N] [--epochs N] [--out DIR]
//        [--learning-rate X] [--lr-decay cosine|none]
//        [--mix-facts-rate X] [--rename-rate X] [--hard-distractors X] [--only pretrained|random]
//        [--random-config '{"numLayers":4}']
const path = require('path');
const { FINETUNE_QA_DEFAULTS, finetuneQa } = require('@dlkit/nlp');
const { arg, ensureMlm, finetuneArgs, round, runMain } = require('./finetune-common');

const brief = (r) => ({
  exactMatch: round(r.exactMatch),
  f1: round(r.f1),
  readerAlone: { exactMatch: round(r.readerAlone.exactMatch), f1: round(r.readerAlone.f1) },
  trainWindows: r.trainWindows,
  losses: r.losses.map((l) => round(l.loss)),
  seconds: Math.round(r.seconds),
});

runMain(async () => {
  const { dir, pretraining } = await ensureMlm();
  const out = arg('--out', 'dlkit-out/bench-qa');
  const d = FINETUNE_QA_DEFAULTS;
  const options = {
    ...finetuneArgs(dir, d),
    mixFactsRate: Number(arg('--mix-facts-rate', d.mixFactsRate)),
    renameRate: Number(arg('--rename-rate', d.renameRate)),
    hardDistractorRate: Number(arg('--hard-distractors', d.hardDistractorRate)),
  };
  const only = arg('--only', ''); // 'pretrained' or 'random': one of the two runs
  const randomInitConfig = JSON.parse(arg('--random-config', '{}')); // e.g. '{"numLayers":4}'
  const run = (randomInit) =>
    finetuneQa({
      ...options,
      outDir: path.join(out, randomInit ? 'random' : 'pretrained'),
      randomInit,
      ...(randomInit ? { randomInitConfig } : {}),
    });
  const first = only === 'random' ? undefined : await run(false);
  const pretrained = first && brief(first);
  console.error('pretrained', JSON.stringify(pretrained));
  const second = only === 'pretrained' ? undefined : await run(true);
  const random = second && brief(second);
  const o = (first ?? second).baselines.overlap;
  const overlap = { exactMatch: round(o.exactMatch), f1: round(o.f1) };
  console.log(
    JSON.stringify({ task: 'qa', pretraining, options, pretrained, random, baselines: { overlap } }, null, 1),
  );
});
