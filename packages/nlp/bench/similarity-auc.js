#!/usr/bin/env node
/**
 * `dlkit similarity` measured on the chatbot's held-out paraphrases, and the question "do the
 * encoder's sentence embeddings beat the chatbot's own classifier at intent classification?".
 *
 * 1. Similarity: every pair of the 155 held-out help-desk paraphrases; same-intent pairs are the
 *    positives, different-intent pairs the negatives; ROC AUC of the cosine of mean-pooled,
 *    normalised embeddings from transformers.js's feature-extraction pipeline (exactly what
 *    `dlkit similarity` computes), against TF-IDF bag-of-words cosine on the same pairs.
 * 2. Intent classification on the same held-out set, trained on the corpus utterances only:
 *    nearest intent centroid and a softmax regression over the frozen embeddings, against the
 *    chatbot's default model (`trainChat`, the `dlkit chat train` path) trained in the same run.
 *
 * Build first (repo root): npx tsc -b tsconfig.build.json
 * Run:  node packages/nlp/bench/similarity-auc.js --model dlkit-out/mlm/hf [--seed 1]
 * Prints one JSON object.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { initBackend } = require('@dlkit/core');
const {
  corpusExamples,
  helpDeskCorpusPath,
  helpDeskHeldOutPath,
  openPipeline,
  readChatCorpus,
  readHeldOut,
  rocAuc,
  trainChat,
} = require('@dlkit/nlp');

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Unit rows [n, h] of mean-pooled embeddings, in batches of 32. */
async function embed(extract, texts) {
  const rows = [];
  for (let i = 0; i < texts.length; i += 32) {
    const t = await extract(texts.slice(i, i + 32), { pooling: 'mean', normalize: true });
    const h = t.dims[1];
    for (let r = 0; r < t.dims[0]; r++) rows.push(Array.from(t.data.subarray(r * h, (r + 1) * h)));
  }
  return rows;
}

const dot = (a, b) => a.reduce((s, v, i) => s + v * b[i], 0);
const unit = (v) => {
  const n = Math.sqrt(dot(v, v)) || 1;
  return v.map((x) => x / n);
};

/** TF-IDF vectors (lower-cased words, idf from all the given texts), unit length. */
function tfidf(texts) {
  const docs = texts.map((t) => t.toLowerCase().match(/[a-z0-9']+/g) ?? []);
  const vocab = new Map();
  for (const d of docs) for (const w of new Set(d)) vocab.set(w, (vocab.get(w) ?? 0) + 1);
  const index = new Map([...vocab.keys()].map((w, i) => [w, i]));
  return docs.map((d) => {
    const v = new Array(index.size).fill(0);
    for (const w of d) v[index.get(w)] += Math.log(1 + docs.length / vocab.get(w));
    return unit(v);
  });
}

/** ROC AUC of cosine for same-intent (positive) against different-intent (negative) pairs. */
function pairAuc(vectors, labels) {
  const pos = [];
  const neg = [];
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++)
      (labels[i] === labels[j] ? pos : neg).push(dot(vectors[i], vectors[j]));
  }
  return { auc: rocAuc(pos, neg), positives: pos.length, negatives: neg.length };
}

function centroidAccuracy(train, trainLabels, test, testLabels) {
  const intents = [...new Set(trainLabels)];
  const centroids = intents.map((intent) =>
    unit(
      train
        .filter((_, i) => trainLabels[i] === intent)
        .reduce((s, v) => s.map((x, k) => x + v[k]), new Array(train[0].length).fill(0)),
    ),
  );
  let right = 0;
  test.forEach((v, i) => {
    const scores = centroids.map((c) => dot(c, v));
    if (intents[scores.indexOf(Math.max(...scores))] === testLabels[i]) right++;
  });
  return right / test.length;
}

/** Softmax regression on frozen, standardised embeddings (Adam, 300 full-batch epochs, L2 1e-4), seeded. */
async function softmaxAccuracy(rawTrain, trainLabels, rawTest, testLabels, seed) {
  // z-scores with the training rows' mean and spread: mean-pooled embeddings differ in few directions
  const h = rawTrain[0].length;
  const mean = new Array(h).fill(0).map((_, k) => rawTrain.reduce((s, v) => s + v[k], 0) / rawTrain.length);
  const sd = mean.map((m, k) => Math.sqrt(rawTrain.reduce((s, v) => s + (v[k] - m) ** 2, 0) / rawTrain.length) || 1);
  const z = (rows) => rows.map((v) => v.map((x, k) => (x - mean[k]) / sd[k]));
  const train = z(rawTrain);
  const test = z(rawTest);
  const intents = [...new Set(trainLabels)];
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [train[0].length],
        units: intents.length,
        activation: 'softmax',
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
        kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 }),
      }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy' });
  const x = tf.tensor2d(train);
  const y = tf.tensor1d(
    trainLabels.map((l) => intents.indexOf(l)),
    'float32',
  );
  await model.fit(x, y, { epochs: 300, batchSize: train.length, verbose: 0, shuffle: false });
  const predicted = tf.tidy(() => model.predict(tf.tensor2d(test)).argMax(1).arraySync());
  tf.dispose([x, y]);
  model.dispose();
  return predicted.filter((k, i) => intents[k] === testLabels[i]).length / test.length;
}

async function main() {
  const modelDir = path.resolve(flag('--model', 'dlkit-out/mlm/hf'));
  const seed = Number(flag('--seed', '1'));
  if (!fs.existsSync(modelDir)) throw new Error(`${modelDir}: no such folder, expected a BERT Hugging Face folder`);
  await initBackend();
  const corpus = readChatCorpus(helpDeskCorpusPath());
  const heldOut = readHeldOut(helpDeskHeldOutPath(), corpus);
  const training = corpusExamples(corpus);
  const extract = await openPipeline('feature-extraction', modelDir);
  const started = Date.now();
  const heldOutVectors = await embed(
    extract,
    heldOut.map((r) => r.text),
  );
  const trainVectors = await embed(
    extract,
    training.map((r) => r.text),
  );
  const embedSeconds = (Date.now() - started) / 1000;
  const heldOutLabels = heldOut.map((r) => r.label);
  const trainLabels = training.map((r) => r.label);

  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-similarity-auc-'));
  let chatbot;
  try {
    chatbot = await trainChat({ outDir: out, seed });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  const tfidfVectors = tfidf([...heldOut.map((r) => r.text), ...training.map((r) => r.text)]).slice(0, heldOut.length);
  console.log(
    JSON.stringify({
      model: modelDir,
      heldOutSentences: heldOut.length,
      intents: corpus.intents.length,
      similarityAuc: { encoder: pairAuc(heldOutVectors, heldOutLabels), tfidf: pairAuc(tfidfVectors, heldOutLabels) },
      intentAccuracy: {
        encoderCentroid: centroidAccuracy(trainVectors, trainLabels, heldOutVectors, heldOutLabels),
        encoderSoftmax: await softmaxAccuracy(trainVectors, trainLabels, heldOutVectors, heldOutLabels, seed),
        chatbotDefault: chatbot.heldOut?.accuracy ?? null,
      },
      embedSeconds,
    }),
  );
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
