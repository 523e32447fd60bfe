#!/usr/bin/env node
/**
 * The spam numbers in the nlp README: the SpamAssassin corpus (subject + decoded body, HTML
 * stripped), one seeded stratified split (20 % test, seed 1), and on it, side by side:
 *   - multinomial naive Bayes (Laplace smoothing), a baseline;
 *   - Debian's `fasttext supervised` on the same tokens (one `__label__ham|spam w1 w2 ...` line per
 *     message), at its defaults (-epoch 5 -lr 0.1 -dim 100) and at the tutorial's text-classification
 *     settings (-epoch 25 -lr 1.0 -wordNgrams 2), one thread and a fixed seed for repeatability;
 *   - dlkit's average classifier (fastText-style: skip-gram vectors on the training split,
 *     fine-tuned end to end) and LSTM classifier, with CLASSIFY_TEXT_SETTINGS.other.
 * Prints one JSON object: accuracy and per-class precision/recall/F1 of each, and whether the best
 * dlkit model reaches the best fastText run. Under an hour on 2 cores (28 min measured here, shared).
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/nlp/bench/spam-vs-fasttext.js [--out DIR] [--seed S] [--models average,lstm]
 *
 * fastText: bench/setup-fasttext.sh installs Debian's package when missing (as root); otherwise
 * its rows say why they were skipped.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { initBackend } = require('@dlkit/core');
const nlp = require('../dist/index.js');

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const out = path.resolve(flag('out', 'dlkit-out/spam-bench'));
const seed = Number(flag('seed', '1'));
const models = flag('models', 'average,lstm').split(',');
const log = (m) => process.stderr.write(`${m}\n`);
const FASTTEXT_RUNS = {
  defaults: ['-epoch', '5', '-lr', '0.1'],
  tutorial: ['-epoch', '25', '-lr', '1.0', '-wordNgrams', '2'],
};

function report(e, seconds) {
  const s = nlp.scored(e);
  const r = (x) => Math.round(x * 1e4) / 1e4;
  return {
    accuracy: r(s.accuracy),
    perClass: Object.fromEntries(
      Object.entries(s.perClass).map(([l, c]) => [
        l,
        { precision: r(c.precision), recall: r(c.recall), f1: r(c.f1), support: c.support },
      ]),
    ),
    confusion: s.confusion,
    ...(seconds === undefined ? {} : { seconds: Math.round(seconds) }),
  };
}

function fastTextFile(rows, file) {
  fs.writeFileSync(
    file,
    rows.map((r) => `__label__${r.label} ${nlp.sentenceWords(r.text).join(' ')}`).join('\n') + '\n',
  );
}

function runFastText(train, test) {
  const setup = spawnSync('bash', [path.join(__dirname, 'setup-fasttext.sh')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (setup.status !== 0) return { skipped: (setup.stderr || 'fasttext unavailable').trim().split('\n').pop() };
  const trainFile = path.join(out, 'fasttext-train.txt');
  const testFile = path.join(out, 'fasttext-test.txt');
  fastTextFile(train, trainFile);
  fastTextFile(test, testFile);
  const results = {};
  for (const [name, extra] of Object.entries(FASTTEXT_RUNS)) {
    const prefix = path.join(out, `fasttext-${name}`);
    const args = ['supervised', '-input', trainFile, '-output', prefix, '-dim', '100', ...extra];
    args.push('-thread', '1', '-seed', String(seed));
    log(`fasttext ${args.join(' ')}`);
    const started = Date.now();
    const fit = spawnSync('fasttext', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (fit.status !== 0) {
      results[name] = { skipped: `fasttext exited with ${fit.status}: ${(fit.stderr || '').slice(-300)}` };
      continue;
    }
    const seconds = (Date.now() - started) / 1000;
    const pred = spawnSync('fasttext', ['predict', `${prefix}.bin`, testFile], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const predicted = pred.stdout
      .trim()
      .split('\n')
      .map((l) => nlp.SPAM_LABELS.indexOf(l.replace('__label__', '').trim()));
    const truth = test.map((r) => nlp.SPAM_LABELS.indexOf(r.label));
    results[name] = {
      args: extra.join(' '),
      ...report(nlp.confusionEvaluation(nlp.SPAM_LABELS, truth, predicted), seconds),
    };
  }
  return results;
}

async function runDlkit(kind, vectors, train, test) {
  const setting = nlp.CLASSIFY_TEXT_SETTINGS.other[kind];
  const Classifier = kind === 'average' ? nlp.AverageClassifier : nlp.LstmClassifier;
  const clf = new Classifier(vectors, nlp.SPAM_LABELS, { seed, ...setting });
  const started = Date.now();
  try {
    await clf.fit(train, {
      seed,
      ...setting,
      onEpochEnd: (epoch, loss) => log(`${kind} epoch ${epoch + 1}/${setting.epochs}: loss ${loss.toFixed(4)}`),
    });
    const png = await nlp.renderConfusionPng(clf.evaluate(test), path.join(out, `confusion-${kind}.png`), {
      title: kind, // short: the chart is as wide as its two cells
    });
    return { setting, ...report(clf.evaluate(test), (Date.now() - started) / 1000), png };
  } finally {
    clf.dispose();
  }
}

(async () => {
  const t0 = Date.now();
  await initBackend();
  fs.mkdirSync(out, { recursive: true });
  const { rows } = await nlp.loadTextData('spam');
  const { train, test } = nlp.splitStratified(rows, { testFraction: 0.2, seed });
  log(`SpamAssassin: ${train.length} training and ${test.length} test messages (${(Date.now() - t0) / 1000} s)`);
  const naiveBayes = report(new nlp.MultinomialNaiveBayes(nlp.SPAM_LABELS).fit(train).evaluate(test));
  const fasttext = runFastText(train, test);
  log('skip-gram vectors on the training split ...');
  let started = Date.now();
  const vectors = await nlp.ownVectors(train, nlp.CLASSIFY_TEXT_SETTINGS.other.vectors, seed);
  const vectorSeconds = (Date.now() - started) / 1000;
  const dlkit = {};
  for (const kind of models) dlkit[kind] = await runDlkit(kind, vectors, train, test);
  const acc = (runs) => Math.max(...Object.values(runs).map((r) => r.accuracy ?? -1));
  const bestFastText = acc(fasttext);
  const bestDlkit = acc(dlkit);
  console.log(
    JSON.stringify({
      task: 'spam-vs-fasttext',
      seed,
      trainMessages: train.length,
      testMessages: test.length,
      vocabulary: vectors.size,
      vectorSeconds: Math.round(vectorSeconds),
      naiveBayes,
      fasttext,
      dlkit,
      target: { bestDlkit, bestFastText, reached: bestFastText < 0 ? null : bestDlkit >= bestFastText },
      seconds: Math.round((Date.now() - t0) / 1000),
    }),
  );
})().catch((err) => {
  console.error(`spam-vs-fasttext: ${err.message}`);
  process.exit(1);
});
