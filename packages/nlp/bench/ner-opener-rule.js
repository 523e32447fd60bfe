// The sentence-opener decoding rule (openersOutside) measured on finished finetuneNer runs, no
// training: entity F1 on seed N's validation, held-out test and hand-labelled sets with the rule
// off and on (predictWordTags' openerRule), and how many words it fired on. A run is a folder
// (DIR/checkpoint/model and DIR/hf, e.g. ner-finetune.js's dlkit-out/bench-ner/pretrained) or
// several joined by "+", whose weights are averaged first (a soup, as finetuneNerSoup makes). The
// runs should have used --validate, so that the validation names and templates were held out.
// Prints JSON. Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/ner-opener-rule.js DIR [DIR+DIR+DIR ...] [--seed N]
const path = require('path');
const core = require('@dlkit/core');
const n = require('@dlkit/nlp');
const { arg, round, runMain } = require('./finetune-common');

/** F1 of predicted word tags: all types and PER/LOC/ORG. */
function scores(sentences, predicted) {
  const truth = sentences.map((s) => s.tags);
  return {
    f1: round(n.entityF1(truth, predicted).f1, 4),
    perLocOrg: round(n.entityF1(truth, predicted, { types: n.COMPROMISE_TYPES }).f1, 4),
  };
}

/** Words the rule reads O: sentence-opening words of SENTENCE_OPENERS, and how many of them are inside a gold entity. */
function fired(sentences) {
  const openers = new Set(n.SENTENCE_OPENERS);
  let words = 0;
  let inEntities = 0;
  for (const s of sentences)
    s.tokens.forEach((t, w) => {
      if (!openers.has(t) || !n.opensSentence(s.tokens, w)) return;
      words++;
      if (s.tags[w] !== 'O') inEntities++;
    });
  return { words, inEntities };
}

runMain(async () => {
  await core.initBackend();
  const runs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--seed');
  if (runs.length === 0) throw new Error('usage: ner-opener-rule.js DIR [DIR+DIR ...] [--seed N]');
  const sets = n.nerEvaluationSets({
    seed: Number(arg('--seed', 1)),
    testCount: n.FINETUNE_NER_DEFAULTS.testCount,
    validation: true,
  });
  const report = { fired: Object.fromEntries(Object.entries(sets).map(([k, s]) => [k, fired(s)])), runs: {} };
  for (const run of runs) {
    const dirs = run.split('+');
    const models = [];
    for (const d of dirs) models.push(await n.loadNerCheckpoint(d));
    if (models.length > 1) core.averageModelWeights(models[0], models);
    const tokenizer = n.WordPieceTokenizer.load(path.join(dirs[0], 'hf'));
    report.runs[run] = {};
    for (const [name, sentences] of Object.entries(sets)) {
      const data = new n.NerDataset(sentences, tokenizer, n.NER_LABELS, { maxLength: 64 });
      const tags = (rule) => n.predictWordTags(models[0], data, n.NER_LABELS, 'viterbi', 64, 'first', rule);
      report.runs[run][name] = { plain: scores(sentences, tags(false)), rule: scores(sentences, tags(true)) };
    }
    models.forEach((m) => m.dispose());
    console.error(run, JSON.stringify(report.runs[run]));
  }
  console.log(JSON.stringify(report, null, 1));
});
