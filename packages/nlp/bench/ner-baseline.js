#!/usr/bin/env node
/**
 * The NER baseline numbers in the nlp README: compromise's people/places/organizations scored
 * with entity-level F1 (seqeval rules, micro-averaged, PER/LOC/ORG only: compromise has no MISC)
 * on the generated test split (`f1`) and on the hand-labelled set (`handF1`), with per-type
 * scores. The model column is added when the fine-tuned BERT tagger lands. ~10-20 s.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/nlp/bench/ner-baseline.js [TEST_COUNT] [SEED]   (defaults 1000 1)
 */
const { compromiseBaseline, loadEntityLists, loadHandLabelledNer, partitionEntityLists } = require('@dlkit/nlp');

const testCount = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const round = (x) => Math.round(x * 1e4) / 1e4;
const scores = (perType) =>
  Object.fromEntries(
    Object.entries(perType).map(([type, s]) => [
      type,
      { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), support: s.support },
    ]),
  );

const lists = partitionEntityLists(loadEntityLists());
const hand = loadHandLabelledNer();
const r = compromiseBaseline({ testCount, seed, lists, hand });
console.log(
  JSON.stringify({
    task: 'ner-baseline',
    types: ['PER', 'LOC', 'ORG'],
    sizes: {
      generatedTest: r.sizes.generated,
      handLabelled: r.sizes.handLabelled,
      testLists: Object.fromEntries(Object.entries(lists.test).map(([k, v]) => [k, v.length])),
      trainLists: Object.fromEntries(Object.entries(lists.train).map(([k, v]) => [k, v.length])),
    },
    seed,
    compromise: {
      f1: round(r.f1),
      handF1: round(r.handF1),
      precision: round(r.generated.precision),
      recall: round(r.generated.recall),
      handPrecision: round(r.handLabelled.precision),
      handRecall: round(r.handLabelled.recall),
      perType: scores(r.perType),
      handPerType: scores(r.handPerType),
    },
  }),
);
