// Where the NER error lives, from finished finetuneNer runs (no training): for each run folder
// (DIR/checkpoint/model and DIR/hf, e.g. ner-finetune.js's dlkit-out/bench-ner/pretrained), entity
// F1 on seed 1's validation, held-out test and hand-labelled sets (the runs must have used
// --validate, so that validation names and templates were kept out of training), then three probes:
//   ensemble      the runs' word-level label probabilities averaged, then Viterbi: does variance
//                 across seeds and encoders explain the error?
//   context       each entity the run finds is re-typed from a second pass in which its sub-words
//                 are [MASK] (maskEntitySubwords), mixing the two passes' type probabilities as
//                 alpha · log p(plain) + (1 - alpha) · log p(masked): how well does the model type
//                 a span from its context alone? (meaningful for runs fine-tuned with --entity-mask)
//   biases        per-type additive logit biases chosen on the validation split (coordinate
//                 search), applied to the test and hand-labelled sets.
// Prints JSON. Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/ner-diagnose.js DIR [DIR ...] [--seed N]
const path = require('path');
const tf = require('@tensorflow/tfjs');
const core = require('@dlkit/core');
const n = require('@dlkit/nlp');
const { arg, round, runMain } = require('./finetune-common');

const L = n.NER_LABELS;
const TYPES = ['PER', 'LOC', 'ORG', 'MISC'];
const OUTSIDE = L.map((l) => (l === 'O' ? 1 : 0));

/** Per-sub-word log-probabilities of a model for encoded sentences, in batches of 64. */
function logProbabilities(model, encoded, padId) {
  const out = [];
  for (let from = 0; from < encoded.length; from += 64) {
    const x = n.paddedBertInputs(
      encoded.slice(from, from + 64).map((e) => e.encoding),
      padId,
    );
    out.push(...tf.tidy(() => tf.logSoftmax(model.predict(x)).arraySync()));
    tf.dispose(x);
  }
  return out;
}

const softmax = (z) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

/** F1 (all types) and MISC F1 of predicted word tags. */
function scores(sentences, predicted) {
  const r = n.entityF1(
    sentences.map((s) => s.tags),
    predicted,
  );
  return { f1: round(r.f1), MISC: round(r.perType.MISC?.f1 ?? 0) };
}

/** Type probabilities of an entity: B-T + I-T summed over its words' first sub-words. */
function typeMass(e, logp, entity) {
  const words = n.subwordWordIndex(e.wordOffsets, e.encoding.offsets);
  const mass = Object.fromEntries(TYPES.map((t) => [t, 0]));
  for (let w = entity.start; w <= entity.end; w++) {
    const k = words.indexOf(w);
    if (k >= 0)
      for (const t of TYPES) mass[t] += Math.exp(logp[k][L.indexOf(`B-${t}`)]) + Math.exp(logp[k][L.indexOf(`I-${t}`)]);
  }
  return mass;
}

/** One run on one set: encoded sentences, plain and entity-masked log-probabilities. */
function runOnSet(model, tokenizer, sentences) {
  const data = new n.NerDataset(sentences, tokenizer, L, { maxLength: 64 });
  const padId = tokenizer.tokenToId('[PAD]');
  const enc = data.encoded;
  const plain = logProbabilities(model, enc, padId);
  const rows = enc.map((e, i) =>
    n.wordLabelRows(e.wordOffsets, plain[i].map(softmax), e.encoding.offsets, L, 'first', OUTSIDE),
  );
  const tags = rows.map((r) => n.viterbiBioTags(r, L));
  const maskId = tokenizer.tokenToId('[MASK]');
  const masked = logProbabilities(model, n.maskEntitySubwords(enc, tags, maskId, 1, new core.Rng(1)).sentences, padId);
  const entities = enc.map((e, i) =>
    n
      .extractEntities(tags[i])
      .map((entity) => ({ ...entity, plain: typeMass(e, plain[i], entity), masked: typeMass(e, masked[i], entity) })),
  );
  return { enc, plain, rows, tags, entities };
}

/** Tags with each found entity re-typed by alpha · log p(plain) + (1 - alpha) · log p(masked). */
function retyped(r, alpha) {
  return r.tags.map((tags, i) => {
    const out = tags.slice();
    for (const e of r.entities[i]) {
      const score = (t) => alpha * Math.log(e.plain[t] + 1e-9) + (1 - alpha) * Math.log(e.masked[t] + 1e-9);
      const type = TYPES.reduce((a, b) => (score(b) > score(a) ? b : a));
      for (let w = e.start; w <= e.end; w++) out[w] = `${w === e.start ? 'B' : 'I'}-${type}`;
    }
    return out;
  });
}

/** Viterbi tags after adding per-type biases to the logits. */
function biased(r, bias) {
  return r.enc.map((e, i) => {
    const probs = r.plain[i].map((row) => softmax(row.map((v, j) => v + (j === 0 ? 0 : bias[L[j].slice(2)]))));
    return n.decodeWordTags(e.wordOffsets, probs, e.encoding.offsets, L);
  });
}

/** Per-type biases maximising validation F1, by coordinate search over a few steps. */
function searchBiases(sentences, r) {
  const bias = Object.fromEntries(TYPES.map((t) => [t, 0]));
  let best = scores(sentences, biased(r, bias)).f1;
  for (let pass = 0; pass < 3; pass++)
    for (const t of TYPES)
      for (const step of [-2, -1, -0.5, 0.5, 1, 2, 3]) {
        const candidate = { ...bias, [t]: bias[t] + step };
        const f1 = scores(sentences, biased(r, candidate)).f1;
        if (f1 > best) {
          best = f1;
          Object.assign(bias, candidate);
        }
      }
  return bias;
}

runMain(async () => {
  await core.initBackend();
  const runs = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--seed');
  if (runs.length === 0) throw new Error('usage: ner-diagnose.js DIR [DIR ...] [--seed N]');
  const sets = n.nerEvaluationSets({
    seed: Number(arg('--seed', 1)),
    testCount: n.FINETUNE_NER_DEFAULTS.testCount,
    validation: true,
  });
  const names = Object.keys(sets);
  const report = { runs: {}, ensemble: {} };
  const wordRows = Object.fromEntries(names.map((s) => [s, []]));
  for (const dir of runs) {
    const model = await n.loadNerCheckpoint(dir);
    const tokenizer = n.WordPieceTokenizer.load(path.join(dir, 'hf'));
    const results = Object.fromEntries(names.map((s) => [s, runOnSet(model, tokenizer, sets[s])]));
    model.dispose();
    names.forEach((s) => wordRows[s].push(results[s].rows));
    const bias = searchBiases(sets.validation, results.validation);
    const each = (f) => Object.fromEntries(names.map((s) => [s, scores(sets[s], f(results[s]))]));
    report.runs[dir] = {
      plain: each((r) => r.tags),
      context: Object.fromEntries([0.8, 0.5, 0].map((a) => [`alpha ${a}`, each((r) => retyped(r, a))])),
      biases: { chosen: bias, ...each((r) => biased(r, bias)) },
    };
    console.error(dir, JSON.stringify(report.runs[dir].plain));
  }
  for (const s of names) {
    const mean = sets[s].map((_, i) =>
      wordRows[s][0][i].map((_, w) =>
        L.map((_, j) => wordRows[s].reduce((a, run) => a + run[i][w][j], 0) / runs.length),
      ),
    );
    report.ensemble[s] = scores(
      sets[s],
      mean.map((rows) => n.viterbiBioTags(rows, L)),
    );
  }
  console.log(JSON.stringify(report, null, 1));
});
