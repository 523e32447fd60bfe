#!/usr/bin/env node
/**
 * How the chatbot's training settings were chosen, without looking at the held-out file: each
 * candidate is trained on 80 % of the help desk's TRAINING utterances and scored on the other
 * 20 % (stratified per intent), over three seeded splits; prints one JSON line per candidate.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/nlp/bench/chat-validation.js ['[{"hidden":0},{"epochs":200}]']
 */
const { initBackend } = require('@dlkit/core');
const { corpusExamples, helpDeskCorpusPath, readChatCorpus, splitStratified, trainChatBot } = require('@dlkit/nlp');

// The defaults (an ensemble of 5 networks, hidden 64, learning rate 0.01, 100 epochs) and the alternatives
// that were tried; the single networks (ensemble 1) with seeds 1-5 are the spread that an ensemble must beat.
const CANDIDATES = [
  {},
  { ensemble: 3 },
  ...[1, 2, 3, 4, 5].map((seed) => ({ ensemble: 1, seed })),
  { ensemble: 1, hidden: 0, learningRate: 0.05 },
  { ensemble: 1, epochs: 40 },
  { ensemble: 1, features: { wordnet: true } },
  { ensemble: 1, features: { charNgrams: [] } },
  { ensemble: 1, features: { bigrams: false } },
];

async function main() {
  await initBackend();
  const corpus = readChatCorpus(helpDeskCorpusPath());
  const rows = corpusExamples(corpus);
  const candidates = process.argv[2] ? JSON.parse(process.argv[2]) : CANDIDATES;
  for (const options of candidates) {
    const accuracies = [];
    for (const seed of [1, 2, 3]) {
      const { train, test } = splitStratified(rows, { testFraction: 0.2, seed });
      const intents = corpus.intents.map((i) => ({
        ...i,
        utterances: train.filter((r) => r.label === i.intent).map((r) => r.text),
      }));
      const bot = await trainChatBot({ ...corpus, intents }, options);
      accuracies.push(bot.evaluate(test).accuracy);
      bot.dispose();
    }
    const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
    console.log(JSON.stringify({ options, validationAccuracy: Math.round(mean * 1e4) / 1e4, perSplit: accuracies }));
  }
}

main().catch((err) => {
  console.error(`chat-validation: ${err.message}`);
  process.exit(1);
});
