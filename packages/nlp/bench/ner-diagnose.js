// Where the NER error lives, from finished finetuneNer runs (no training): for each run folder
// (DIR/checkpoint/model and DIR/hf, e.g. ner-finetune.js's dlkit-out/bench-ner/pretrained), entity
// F1 on seed 1's validation, held-out test and hand-labelled sets (the runs must have used
// --validate, so that validation names and templates were kept out of training), then five probes:
//   ensemble      the runs' word-level label probabilities averaged, then Viterbi: does variance
//                 across seeds and encoders explain the error?
//   context       each entity the run finds is re-typed from a second pass in which its sub-words
//                 are [MASK] (maskEntitySubwords), mixing the two passes' type probabilities as
//                 alpha · log p(plain) + (1 - alpha) · log p(masked): how well does the model type
//                 a span from its context alone? (meaningful for runs fine-tuned with --entity-mask)
//   biases        per-type additive logit biases chosen on the validation split (coordinate
//                 search), applied to the test and hand-labelled sets.
//   nameShape     each found PER/LOC/MISC entity re-typed by log p(run) + beta · log p(shape), where
//                 p(shape) comes from a softmax regression over the name's own letters (suffixes,
//                 prefixes, length, word count) trained on the training part of the entity lists:
//                 does the name's form say what the context does not? (beta chosen on validation)
//   prompt        (with --mlm DIR, the pretrained MLM the runs started from) the same with
//                 p(prompt): the span replaced by one [MASK], the MLM head's probability of the
//                 vocabulary's known training names of each type in its place ("grew up speaking
//                 [MASK]" → "French", "English": MISC): what the pretraining knows about the frame.
// Prints JSON. Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/ner-diagnose.js DIR [DIR ...] [--seed N] [--mlm MLM_DIR]
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

const RETYPED = ['PER', 'LOC', 'MISC'];

/** The training part of the entity lists (the validation split held out, as --validate runs did) by type, and WordNet's training names. */
function trainingNames() {
  const lists = n.partitionEntityLists(n.loadEntityLists(), { validationFraction: n.VALIDATION_FRACTION });
  const l = lists.train;
  const byType = {
    PER: [...l.firstNames, ...l.surnames],
    LOC: [...l.cities, ...l.countries],
    MISC: [...l.nationalities, ...l.languages],
  };
  const wordnet = n.wordnetTrainingNames(n.wordnetEntityNames(), lists);
  return { byType, wordnet };
}

/** Features of a name's form: per word its last 1-4 letters (the last word's apart from inner words'), first 1-2 letters and length; the word count. */
function shapeFeatures(name) {
  const words = name.split(' ');
  const out = [`words:${Math.min(words.length, 4)}`];
  words.forEach((w, j) => {
    const where = j === words.length - 1 ? 'last' : 'inner';
    for (let k = 1; k <= 4; k++) out.push(`${where}-suffix:${w.slice(-k)}`);
    for (let k = 1; k <= 2; k++) out.push(`prefix:${w.slice(0, k)}`);
    out.push(`length:${Math.min(w.length, 12)}`);
  });
  return out;
}

/** A class-balanced softmax regression over shapeFeatures, by SGD (30 epochs, L2); returns name → p(type) over RETYPED. */
function nameShapeTyper(byType, seed = 1) {
  const rng = new core.Rng(seed);
  const examples = RETYPED.flatMap((t, c) => {
    const names = t === 'PER' ? rng.shuffle([...byType.PER]).slice(0, 12000) : byType[t];
    return names.map((name) => ({ c, f: shapeFeatures(name) }));
  });
  const counts = RETYPED.map((_, c) => examples.filter((e) => e.c === c).length);
  const classWeight = counts.map((k) => examples.length / (RETYPED.length * k));
  const w = new Map();
  const bias = RETYPED.map(() => 0);
  const row = (f) => {
    if (!w.has(f))
      w.set(
        f,
        RETYPED.map(() => 0),
      );
    return w.get(f);
  };
  const logits = (fs) => bias.map((b, c) => b + fs.reduce((a, f) => a + (w.get(f)?.[c] ?? 0), 0));
  for (let epoch = 0; epoch < 30; epoch++)
    for (const e of rng.shuffle([...examples])) {
      const p = softmax(logits(e.f));
      p[e.c] -= 1;
      for (let c = 0; c < RETYPED.length; c++) {
        const g = 0.2 * classWeight[e.c] * p[c];
        bias[c] -= g;
        for (const f of e.f) row(f)[c] -= g + 0.2 * 1e-3 * row(f)[c];
      }
    }
  return (name) => Object.fromEntries(softmax(logits(shapeFeatures(name))).map((p, c) => [RETYPED[c], p]));
}

/** Vocabulary ids of whole-word tokens that are training names (lists first, then WordNet's), by type. */
function typedVocabulary(tokenizer, names) {
  const typeOf = new Map();
  for (const t of RETYPED) for (const x of names.byType[t]) typeOf.set(x, t);
  for (const [key, t] of Object.entries(n.WORDNET_NER_TYPES))
    for (const x of names.wordnet[key]) if (!typeOf.has(x) && RETYPED.includes(t)) typeOf.set(x, t);
  const ids = Object.fromEntries(RETYPED.map((t) => [t, []]));
  for (let id = 0; id < tokenizer.vocabSize; id++) {
    const t = typeOf.get(tokenizer.idToToken(id));
    if (t) ids[t].push(id);
  }
  return ids;
}

/** p(prompt) for every found entity of a set: its sub-words replaced by one [MASK], the MLM's mass on each type's names. */
function promptTypes(mlm, tokenizer, r, vocabulary) {
  const maskId = tokenizer.tokenToId('[MASK]');
  const queries = r.enc.flatMap((e, i) => {
    const words = n.subwordWordIndex(e.wordOffsets, e.encoding.offsets);
    return r.entities[i].map((entity) => {
      const inside = (k) => words[k] >= entity.start && words[k] <= entity.end;
      const first = words.findIndex((_, k) => inside(k));
      const ids = e.encoding.ids.flatMap((id, k) => (k === first ? [maskId] : inside(k) ? [] : [id]));
      return { entity, at: first, encoding: { ids, attentionMask: ids.map(() => 1), typeIds: ids.map(() => 0) } };
    });
  });
  const padId = tokenizer.tokenToId('[PAD]');
  for (let from = 0; from < queries.length; from += 64) {
    const batch = queries.slice(from, from + 64);
    const x = n.paddedBertInputs(
      batch.map((q) => q.encoding),
      padId,
    );
    const rows = tf.tidy(() => {
      const out = mlm.predict(x);
      const logits = Array.isArray(out) ? out[0] : out; // [b, T, vocab]
      const at = tf.tensor1d(
        batch.map((q, b) => b * logits.shape[1] + q.at),
        'int32',
      );
      return tf.softmax(tf.gather(logits.reshape([-1, logits.shape[2]]), at)).arraySync();
    });
    tf.dispose(x);
    batch.forEach((q, b) => {
      q.entity.prompt = Object.fromEntries(
        RETYPED.map((t) => [t, vocabulary[t].reduce((a, id) => a + rows[b][id], 0)]),
      );
    });
  }
}

/** Tags with each found entity's words re-tagged with the type of `types` that `score(entity, type)` ranks first (entities of other types kept). */
function retypedSpans(r, types, score) {
  return r.tags.map((tags, i) => {
    const out = tags.slice();
    for (const e of r.entities[i]) {
      if (!types.includes(e.type)) continue;
      const type = types.reduce((a, b) => (score(e, b) > score(e, a) ? b : a));
      for (let w = e.start; w <= e.end; w++) out[w] = `${w === e.start ? 'B' : 'I'}-${type}`;
    }
    return out;
  });
}

/** Tags with each found PER/LOC/MISC entity re-typed by log p(run) + beta · log p(key), p(key) renormalised over PER/LOC/MISC. */
function mixedTypes(r, key, beta) {
  return retypedSpans(r, RETYPED, (e, t) => {
    const z = RETYPED.reduce((a, u) => a + e[key][u], 0) + 1e-12;
    return Math.log(e.plain[t] + 1e-9) + beta * Math.log(e[key][t] / z + 1e-4);
  });
}

/** The beta (of BETAS) with the best validation F1, and every set's scores at it; `alone`: p(key) decides by itself. */
const BETAS = [0, 0.1, 0.25, 0.5, 1, 2];
function mixedProbe(sets, results, key) {
  const each = (f) => Object.fromEntries(Object.keys(sets).map((s) => [s, scores(sets[s], f(results[s]))]));
  const validation = BETAS.map((b) => scores(sets.validation, mixedTypes(results.validation, key, b)).f1);
  const beta = BETAS[validation.indexOf(Math.max(...validation))];
  return { beta, ...each((r) => mixedTypes(r, key, beta)), alone: each((r) => mixedTypes(r, key, 1e3)) };
}

/** Tags with each found entity re-typed by alpha · log p(plain) + (1 - alpha) · log p(masked). */
function retyped(r, alpha) {
  return retypedSpans(
    r,
    TYPES,
    (e, t) => alpha * Math.log(e.plain[t] + 1e-9) + (1 - alpha) * Math.log(e.masked[t] + 1e-9),
  );
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
  const runs = process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--seed' && all[i - 1] !== '--mlm');
  if (runs.length === 0) throw new Error('usage: ner-diagnose.js DIR [DIR ...] [--seed N] [--mlm MLM_DIR]');
  const names = trainingNames();
  const shape = nameShapeTyper(names.byType);
  const mlmDir = arg('--mlm', '');
  const mlm = mlmDir ? (await n.loadBert(path.join(mlmDir, 'model'))).mlm : null;
  const sets = n.nerEvaluationSets({
    seed: Number(arg('--seed', 1)),
    testCount: n.FINETUNE_NER_DEFAULTS.testCount,
    validation: true,
  });
  const setNames = Object.keys(sets);
  const report = { runs: {}, ensemble: {} };
  const wordRows = Object.fromEntries(setNames.map((s) => [s, []]));
  for (const dir of runs) {
    const model = await n.loadNerCheckpoint(dir);
    const tokenizer = n.WordPieceTokenizer.load(path.join(dir, 'hf'));
    const results = Object.fromEntries(setNames.map((s) => [s, runOnSet(model, tokenizer, sets[s])]));
    model.dispose();
    setNames.forEach((s) => wordRows[s].push(results[s].rows));
    for (const s of setNames)
      results[s].entities.forEach((found, i) => {
        for (const e of found) e.shape = shape(sets[s][i].tokens.slice(e.start, e.end + 1).join(' '));
      });
    const vocabulary = mlm ? typedVocabulary(tokenizer, names) : null;
    if (mlm) for (const r of Object.values(results)) promptTypes(mlm, tokenizer, r, vocabulary);
    const bias = searchBiases(sets.validation, results.validation);
    const each = (f) => Object.fromEntries(setNames.map((s) => [s, scores(sets[s], f(results[s]))]));
    report.runs[dir] = {
      plain: each((r) => r.tags),
      context: Object.fromEntries([0.8, 0.5, 0].map((a) => [`alpha ${a}`, each((r) => retyped(r, a))])),
      biases: { chosen: bias, ...each((r) => biased(r, bias)) },
      nameShape: mixedProbe(sets, results, 'shape'),
      ...(mlm
        ? {
            prompt: {
              vocabulary: Object.fromEntries(RETYPED.map((t) => [t, vocabulary[t].length])),
              ...mixedProbe(sets, results, 'prompt'),
            },
          }
        : {}),
    };
    console.error(dir, JSON.stringify(report.runs[dir].plain));
  }
  for (const s of setNames) {
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
