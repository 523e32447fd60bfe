#!/usr/bin/env node
/**
 * Word embeddings against the fastText anchor (issue 11, section 2), on the same corpus file and
 * scored by the same evaluation code (evaluateEmbeddings): WordNet 3.1 glosses and examples,
 * dimension 100, window 5, 5 negatives, minCount 5, 5 epochs, 2 threads; dlkit at its default lr (0.05, as fastText) and at word2vec.c's 0.025
 * and at fastText's skipgram default (0.05). Prints one JSON object, with the ratios dlkit / fastText.
 *
 *   npx tsc -b tsconfig.build.json && node packages/nlp/bench/embeddings-vs-fasttext.js [--out DIR] [--epochs N] [--seed S]
 *
 * fastText comes from Debian (`fasttext skipgram -minn 0 -maxn 0` is plain word2vec); setup-fasttext.sh
 * installs it when missing and we are root, else its column says why it was skipped. Throughput is
 * counted as fastText counts it: in-vocabulary corpus tokens before subsampling per second, summed over
 * threads (fastText prints words/sec/thread; its tokens include one end-of-line token per line).
 * Run on an idle machine: both trainers use both cores.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const nlp = require('../dist/index.js');

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const out = path.resolve(flag('out', 'dlkit-out/embeddings-bench'));
const epochs = Number(flag('epochs', '5'));
const seed = Number(flag('seed', '1'));
const log = (m) => process.stderr.write(`${m}\n`);
const round = (x, d = 4) => (x === null ? null : Number(x.toFixed(d)));
const PROTOCOL = { dim: 100, window: 5, negative: 5, minCount: 5, epochs, threads: 2 };

function score(vectors, sets) {
  const s = nlp.evaluateEmbeddings(vectors, sets);
  return {
    ...s,
    capitals: round(s.capitals),
    gender: round(s.gender),
    grammatical: round(s.grammatical),
    synonymAuc: round(s.synonymAuc),
  };
}

function runFastText(corpusFile, sets) {
  const setup = spawnSync('bash', [path.join(__dirname, 'setup-fasttext.sh')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (setup.status !== 0) return { skipped: (setup.stderr || 'fasttext unavailable').trim().split('\n').pop() };
  const prefix = path.join(out, 'fasttext');
  const args = [
    'skipgram',
    '-input',
    corpusFile,
    '-output',
    prefix,
    '-minn',
    '0',
    '-maxn',
    '0',
    '-dim',
    '100',
    '-ws',
    '5',
  ];
  args.push('-neg', '5', '-minCount', '5', '-epoch', String(epochs), '-thread', '2', '-seed', String(seed));
  log(`fasttext ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync('fasttext', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (Date.now() - started) / 1000;
  if (run.status !== 0) return { skipped: `fasttext exited with ${run.status}: ${(run.stderr || '').slice(-300)}` };
  const perThread = [...(run.stdout + run.stderr).matchAll(/words\/sec\/thread:\s*(\d+)/g)].map((m) => Number(m[1]));
  const vectors = nlp.readVectors(`${prefix}.vec`);
  return {
    vocab: vectors.size,
    seconds: round(seconds, 1),
    wordsPerSec: perThread.length ? perThread[perThread.length - 1] * 2 : null,
    scores: score(vectors, sets),
    vectors: `${prefix}.vec`,
  };
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const sentences = nlp.tokenizeCorpus(nlp.wordnetCorpusLines());
  const corpusFile = path.join(out, 'wordnet-corpus.txt');
  nlp.writeCorpusFile(sentences, corpusFile);
  const sets = { capitalPairs: nlp.capitalPairs(), synonymPairs: nlp.wordnetSynonymPairs() };
  log(`corpus: ${sentences.length} sentences, ${sentences.reduce((n, s) => n + s.length, 0)} tokens -> ${corpusFile}`);

  // dlkit twice: its default lr (fastText's skipgram default 0.05, the anchor's own setting) and word2vec.c's 0.025
  const dlkit = {};
  for (const [name, lr] of [
    ['defaultLr', nlp.SKIPGRAM_DEFAULTS.lr],
    ['word2vecLr', 0.025],
  ]) {
    log(`dlkit skip-gram, lr ${lr} ...`);
    const onProgress = (f) => process.stderr.write(`\r${(100 * f).toFixed(0)}%`);
    const r = await nlp.trainSkipgram(sentences, { ...PROTOCOL, lr, seed, onProgress });
    log('');
    const vectorsFile = path.join(out, `dlkit-lr${lr}.vec`);
    nlp.writeVectors(r.vectors, vectorsFile, 'word2vec-text');
    dlkit[name] = {
      lr,
      vocab: r.vectors.size,
      trainWords: r.trainWords,
      seconds: round(r.seconds, 1),
      wordsPerSec: Math.round(r.wordsPerSec),
      scores: score(r.vectors, sets),
      vectors: vectorsFile,
    };
  }
  const fasttext = runFastText(corpusFile, sets);
  // dlkit / fastText for each dlkit run
  const ratios = {};
  for (const [name, run] of Object.entries(dlkit)) {
    if (!fasttext.scores) break;
    const ratio = (k) => (fasttext.scores[k] ? round(run.scores[k] / fasttext.scores[k], 3) : null);
    ratios[name] = {
      synonymAuc: ratio('synonymAuc'),
      gender: ratio('gender'),
      grammatical: ratio('grammatical'),
      wordsPerSec: fasttext.wordsPerSec ? round(run.wordsPerSec / fasttext.wordsPerSec, 3) : null,
    };
  }
  console.log(
    JSON.stringify({
      task: 'embeddings-vs-fasttext',
      protocol: { ...PROTOCOL, seed, corpus: corpusFile },
      dlkit,
      fasttext,
      ratios,
    }),
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
