// Shared by ner-finetune.js and qa-finetune.js: flags, rounding, and the MLM folder both start
// from, pretrained first when missing (cached under dlkit-out).
const fs = require('fs');
const path = require('path');
const { pretrainMlm } = require('@dlkit/nlp');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const round = (x) => Math.round(x * 1000) / 1000;

/** The MLM folder (--mlm, default dlkit-out/mlm-small), pretrained with --mlm-sentences/--mlm-epochs (--cased: no lowercasing) when missing. */
async function ensureMlm() {
  const dir = arg('--mlm', 'dlkit-out/mlm-small');
  if (fs.existsSync(path.join(dir, 'model', 'bert.json'))) return { dir, pretraining: { cached: true } };
  const r = await pretrainMlm({
    outDir: dir,
    maxSentences: Number(arg('--mlm-sentences', 20000)),
    epochs: Number(arg('--mlm-epochs', 1)),
    lowercase: !process.argv.includes('--cased'),
  });
  const pretraining = {
    maxSentences: Number(arg('--mlm-sentences', 20000)),
    epochs: r.epochs,
    maskedAccuracy: round(r.maskedAccuracy),
    unigramAccuracy: round(r.unigramAccuracy),
    seconds: Math.round(r.seconds),
  };
  return { dir, pretraining };
}

/**
 * The options both benches take: --train-count, --epochs, --learning-rate, --lr-decay, --seed (defaults: the
 * task's); NER's also --name-swap, --initial-rate, --opener-rate, --coined-org, --wordnet, --world-names,
 * --lexicon-orgs, --gloss, --brown, --validate, --all-names, --subword-labels first|all, --dropout,
 * --freeze-embeddings, --mlm-weight, --mlm-share, --entity-mask.
 */
function finetuneArgs(from, d) {
  return {
    from,
    trainCount: Number(arg('--train-count', d.trainCount)),
    epochs: Number(arg('--epochs', d.epochs)),
    learningRate: Number(arg('--learning-rate', d.learningRate)),
    lrDecay: arg('--lr-decay', d.lrDecay),
    seed: Number(arg('--seed', d.seed)),
    resume: process.argv.includes('--resume'),
    ...(d.nameSwapRate === undefined
      ? {}
      : {
          nameSwapRate: Number(arg('--name-swap', d.nameSwapRate)),
          initialRate: Number(arg('--initial-rate', d.initialRate)),
          openerRate: Number(arg('--opener-rate', d.openerRate)),
          coinedOrgRate: Number(arg('--coined-org', d.coinedOrgRate)),
          wordnetRate: Number(arg('--wordnet', d.wordnetRate)),
          worldNameRate: Number(arg('--world-names', d.worldNameRate)),
          lexiconOrgRate: Number(arg('--lexicon-orgs', d.lexiconOrgRate)),
          glossRate: Number(arg('--gloss', d.glossRate)),
          brownRate: Number(arg('--brown', d.brownRate)),
          validation: process.argv.includes('--validate'),
          allNames: process.argv.includes('--all-names'),
          subwordLabels: arg('--subword-labels', d.subwordLabels),
          dropout: process.argv.includes('--dropout') ? Number(arg('--dropout', '0')) : undefined,
          freezeEmbeddings: process.argv.includes('--freeze-embeddings'),
          mlmWeight: Number(arg('--mlm-weight', d.mlmWeight)),
          mlmShare: Number(arg('--mlm-share', d.mlmShare)),
          entityMaskRate: Number(arg('--entity-mask', d.entityMaskRate)),
        }),
  };
}

function runMain(main) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { arg, ensureMlm, finetuneArgs, round, runMain };
