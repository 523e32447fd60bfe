#!/usr/bin/env node
/**
 * The intent chatbot against nlp.js (@nlpjs/nlp 4.27 with @nlpjs/lang-en-min, its stemmer and
 * neural classifier): both are trained on the SAME utterances of a corpus (by default the shipped
 * help desk) and scored on the same held-out paraphrases (the shipped help-desk-heldout.json).
 * Accuracy is the best intent's, the threshold ignored for both (nlp.js's `classifications[0]`).
 * Prints one JSON object; with --write, also records the nlp.js figure beside the corpus
 * (`<corpus>-nlpjs.json`, which `dlkit chat train` reports as its baseline).
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/nlp/bench/chat-vs-nlpjs.js [--corpus FILE.json --heldout FILE.json] [--seed N] [--write]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { containerBootstrap } = require('@nlpjs/core');
const { Nlp } = require('@nlpjs/nlp');
const { LangEn } = require('@nlpjs/lang-en-min');
const { initBackend } = require('@dlkit/core');
const {
  corpusExamples,
  helpDeskCorpusPath,
  helpDeskHeldOutPath,
  readChatCorpus,
  readHeldOut,
  trainChat,
} = require('@dlkit/nlp');

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function nlpjsAccuracy(corpus, heldOut) {
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.addLanguage('en');
  for (const row of corpusExamples(corpus)) nlp.addDocument('en', row.text, row.label);
  for (const intent of corpus.intents) for (const a of intent.answers) nlp.addAnswer('en', intent.intent, a);
  const started = Date.now();
  // nlp.js logs every training epoch with console.log: keep stdout to the one JSON line
  const log = console.log;
  console.log = () => undefined;
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  const seconds = (Date.now() - started) / 1000;
  let correct = 0;
  let answered = 0;
  for (const row of heldOut) {
    const r = await nlp.process('en', row.text);
    const best = r.classifications && r.classifications.length ? r.classifications[0].intent : r.intent;
    if (best === row.label) correct++;
    if (r.intent === row.label) answered++;
  }
  return { accuracy: correct / heldOut.length, answeredAccuracy: answered / heldOut.length, trainSeconds: seconds };
}

async function main() {
  await initBackend();
  const corpusFile = path.resolve(flag('--corpus', helpDeskCorpusPath()));
  const heldOutFile = path.resolve(flag('--heldout', helpDeskHeldOutPath()));
  const seed = Number(flag('--seed', '1'));
  const corpus = readChatCorpus(corpusFile);
  const heldOut = readHeldOut(heldOutFile, corpus);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-chat-bench-'));
  try {
    const dlkit = await trainChat({ corpus: corpusFile, heldOut: heldOutFile, outDir, seed });
    const nlpjs = await nlpjsAccuracy(corpus, heldOut);
    const round = (x) => Math.round(x * 1e4) / 1e4;
    const result = {
      task: 'chat',
      corpus: path.basename(corpusFile),
      intents: corpus.intents.length,
      trainUtterances: dlkit.utterances,
      heldOutUtterances: heldOut.length,
      heldOutAccuracy: { dlkit: round(dlkit.heldOut.accuracy), nlpjs: round(nlpjs.accuracy) },
      answeredAccuracy: {
        dlkit: round(dlkit.heldOut.answeredAccuracy),
        nlpjs: round(nlpjs.answeredAccuracy),
      },
      trainSeconds: { dlkit: round(dlkit.seconds), nlpjs: round(nlpjs.trainSeconds) },
      versions: {
        nlpjs: require('@nlpjs/nlp/package.json').version,
        langEnMin: require('@nlpjs/lang-en-min/package.json').version,
      },
      seed,
    };
    if (process.argv.includes('--write')) {
      const file = corpusFile.replace(/\.json$/, '-nlpjs.json');
      fs.writeFileSync(
        file,
        JSON.stringify(
          {
            nlpjs: result.heldOutAccuracy.nlpjs,
            heldOut: path.basename(heldOutFile),
            versions: result.versions,
            command: 'node packages/nlp/bench/chat-vs-nlpjs.js --write',
          },
          null,
          2,
        ) + '\n',
      );
    }
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`chat-vs-nlpjs: ${err.message}`);
  process.exit(1);
});
