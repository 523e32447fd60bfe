// NER fine-tuning with and without pretraining: the same finetuneNer run from an MLM folder's
// weights and from random weights of the same size, against compromise (PER/LOC/ORG). The MLM
// folder is pretrained first when missing (cached). Prints JSON. Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/ner-finetune.js [--mlm DIR] [--mlm-sentences N] [--mlm-epochs N]
//        [--train-count N] [--epochs N] [--seed N] [--out DIR]
//        [--learning-rate X] [--lr-decay cosine|none] [--name-swap X] [--initial-rate X] [--opener-rate X] [--coined-org X]
//        [--wordnet X] [--world-names X] [--lexicon-orgs X] [--gloss X] [--brown X] [--validate] [--all-names]
//        [--subword-labels first|all] [--dropout X] [--freeze-embeddings] [--mlm-weight X] [--mlm-share X] [--entity-mask X] [--cased]
//        [--only pretrained|random] [--soup N] [--resume]
// --resume: continue (or re-score) the runs under --out from their checkpoints; a finished seed-k
// run copied to <out>/pretrained/ingredient-k is re-used by --soup.
// --soup N: the pretrained run is a model soup of N seeded fine-tunings (finetuneNerSoup); its
// ingredients' scores are listed beside the soup's.
// --validate also scores a validation split (held-out train templates and names; finetuneNer's `validation`).
const path = require('path');
const { compromiseBaseline, finetuneNer, finetuneNerSoup, FINETUNE_NER_DEFAULTS } = require('@dlkit/nlp');
const { arg, ensureMlm, finetuneArgs, round, runMain } = require('./finetune-common');

const f1s = (perType) => Object.fromEntries(Object.entries(perType).map(([k, v]) => [k, round(v.f1)]));
const brief = (r) => ({
  f1: round(r.f1),
  handF1: round(r.handF1),
  ...(r.namesHeldOut ? {} : { namesHeldOut: false }),
  perLocOrg: { f1: round(r.perLocOrg.f1), handF1: round(r.perLocOrg.handF1) },
  ...(r.validation ? { validation: { f1: round(r.validation.f1), perType: f1s(r.validation.perType) } } : {}),
  perType: f1s(r.perType),
  handPerType: f1s(r.handPerType),
  losses: r.losses.map((l) => round(l.loss)),
  seconds: Math.round(r.seconds),
  ...(r.ingredients
    ? {
        ingredients: r.ingredients.map((i) => ({
          seed: i.seed,
          f1: round(i.f1),
          handF1: round(i.handF1),
          perLocOrgHandF1: round(i.perLocOrg.handF1),
          ...(i.validationF1 === undefined ? {} : { validationF1: round(i.validationF1) }),
        })),
      }
    : {}),
});

runMain(async () => {
  const { dir, pretraining } = await ensureMlm();
  const out = arg('--out', 'dlkit-out/bench-ner');
  const d = FINETUNE_NER_DEFAULTS;
  const options = finetuneArgs(dir, d);
  const only = arg('--only', ''); // 'pretrained' or 'random': one of the two runs
  const soup = Number(arg('--soup', 1));
  const run = async (randomInit) => {
    const o = { ...options, outDir: path.join(out, randomInit ? 'random' : 'pretrained'), randomInit };
    return brief(soup > 1 ? await finetuneNerSoup({ ...o, soup }) : await finetuneNer(o));
  };
  const pretrained = only === 'random' ? undefined : await run(false);
  console.error('pretrained', JSON.stringify(pretrained));
  const random = only === 'pretrained' ? undefined : await run(true);
  const c = compromiseBaseline();
  const compromise = { f1: round(c.f1), handF1: round(c.handF1) };
  console.log(
    JSON.stringify({ task: 'ner', pretraining, options, pretrained, random, baselines: { compromise } }, null, 1),
  );
});
