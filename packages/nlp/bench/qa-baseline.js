#!/usr/bin/env node
/**
 * The QA baseline numbers in the nlp README: the word-overlap baseline (the context sentence with
 * the most question words; answer = its longest run of words not in the question) scored with the
 * official SQuAD v1.1 exact match and F1 (percentages) on the generated test split, and on train
 * for comparison. ~2 s.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/nlp/bench/qa-baseline.js [COUNT] [SEED]   (defaults 1000 1)
 */
const {
  generateQaExamples,
  loadCountryFacts,
  overlapBaselinePredictions,
  qaCountries,
  squadEvaluate,
} = require('@dlkit/nlp');

const count = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const round = (x) => Math.round(x * 100) / 100;
const facts = loadCountryFacts();
const result = { task: 'qa-baseline', seed, countries: {}, overlap: {} };
for (const split of ['test', 'train']) {
  const examples = generateQaExamples({ split, count, seed, facts });
  const s = squadEvaluate(examples, overlapBaselinePredictions(examples));
  result.countries[split] = qaCountries(split, { facts }).length;
  result.overlap[split] = {
    exactMatch: round(s.exactMatch),
    f1: round(s.f1),
    questions: s.total,
    meanContextChars: Math.round(examples.reduce((n, e) => n + e.context.length, 0) / examples.length),
  };
}
console.log(JSON.stringify(result));
