// NER error analysis: fine-tunes a BERT from random weights of an MLM folder's size (or from its
// weights with --pretrained) on generated sentences, then prints, for the held-out generated and the
// hand-labelled sentences: entity F1 with argmax and with Viterbi decoding, type-agnostic span F1,
// per-type F1, and every gold entity's fate (ok, wrong type, partial span, missed) by position
// (sentence-initial or inner), plus spurious entities, the F1 of each generated template, and the
// generated MISC entities' fates by kind (held-out nationality, language, other) with the names
// most often mistyped. With --run DIR it trains nothing and scores
// a finetuneNer output folder instead (DIR/checkpoint/model, DIR/hf's tokenizer; e.g. the bench's
// dlkit-out/bench-ner/pretrained), on 1,000 held-out sentences. Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/ner-errors.js [--from DIR] [--count N] [--epochs N] [--batch N] [--lr X] [--lr-decay cosine|none]
//        [--replace X] [--composed-misc X] [--pretrained] [--cfg '{"dropout":0.1}'] [--show N]
//   node packages/nlp/bench/ner-errors.js --run DIR [--show N]
const path = require('path');
const core = require('@dlkit/core');
const n = require('@dlkit/nlp');
const { arg, runMain } = require('./finetune-common');

/** Each gold entity's fate by position, and spurious predictions. */
function fates(sentences, predicted) {
  const stats = {};
  const bump = (k) => (stats[k] = (stats[k] || 0) + 1);
  const spurious = [];
  sentences.forEach((s, i) => {
    const gold = n.extractEntities(s.tags);
    const got = n.extractEntities(predicted[i]);
    const overlaps = (a, b) => a.start <= b.end && b.start <= a.end;
    for (const g of gold) {
      const m = got.find((p) => p.start === g.start && p.end === g.end);
      const fate = m
        ? m.type === g.type
          ? 'ok'
          : `as-${m.type}`
        : got.some((p) => overlaps(p, g))
          ? 'partial'
          : 'missed';
      bump(`${g.start === 0 ? 'initial' : 'inner'} ${g.type} ${fate}`);
    }
    for (const p of got)
      if (!gold.some((g) => overlaps(g, p))) spurious.push(`${p.type}:${s.tokens.slice(p.start, p.end + 1).join(' ')}`);
  });
  return { fates: stats, spurious };
}

/**
 * Gold MISC entities by kind (the held-out nationalities and languages of the entity lists, other:
 * events) and fate, and the names most often mistyped: which MISC names fail, and in how many of
 * their sentences.
 */
function miscFates(sentences, predicted) {
  const held = n.partitionEntityLists(n.loadEntityLists()).test;
  const kinds = [
    ['nationality', new Set(held.nationalities)],
    ['language', new Set(held.languages)],
  ];
  const fates = {};
  const names = new Map();
  sentences.forEach((s, i) => {
    const got = n.extractEntities(predicted[i]);
    for (const g of n.extractEntities(s.tags).filter((e) => e.type === 'MISC')) {
      const name = s.tokens.slice(g.start, g.end + 1).join(' ');
      const kind = kinds.find(([, set]) => set.has(name))?.[0] ?? 'other';
      const m = got.find((p) => p.start === g.start && p.end === g.end);
      const fate = m ? (m.type === 'MISC' ? 'ok' : `as-${m.type}`) : 'span';
      fates[`${kind} ${fate}`] = (fates[`${kind} ${fate}`] ?? 0) + 1;
      const counts = names.get(name) ?? { kind, ok: 0, wrong: 0 };
      counts[fate === 'ok' ? 'ok' : 'wrong']++;
      names.set(name, counts);
    }
  });
  const worst = [...names].sort((a, b) => b[1].wrong - a[1].wrong).slice(0, 15);
  return { fates, worst: worst.map(([name, c]) => `${name} (${c.kind}): ${c.ok} ok, ${c.wrong} wrong`) };
}

/** Entity F1 of the sentences of each template (generated sets), worst first: which frames fail. */
function perTemplateF1(sentences, predicted) {
  const byTemplate = new Map();
  sentences.forEach((s, i) => {
    const t = byTemplate.get(s.template) ?? { truth: [], predicted: [] };
    t.truth.push(s.tags);
    t.predicted.push(predicted[i]);
    byTemplate.set(s.template, t);
  });
  const rows = [...byTemplate].map(([template, t]) => [
    template,
    Math.round(n.entityF1(t.truth, t.predicted).f1 * 1000) / 1000,
  ]);
  return Object.fromEntries(rows.sort((a, b) => a[1] - b[1]));
}

/** Fine-tunes as the flags say; returns the model, its tokenizer and what was run. */
async function trainModel() {
  const from = arg('--from', 'dlkit-out/mlm-small-cased');
  const count = Number(arg('--count', 4000));
  const epochs = Number(arg('--epochs', 3));
  const tokenizer = n.WordPieceTokenizer.load(path.join(from, 'hf'));
  const { encoder: pretrained } = await n.loadBert(path.join(from, 'model'));
  const config = { ...pretrained.config, ...JSON.parse(arg('--cfg', '{}')), seed: 1 };
  const encoder = process.argv.includes('--pretrained') ? pretrained : n.buildBertEncoder(config);
  const train = n.augmentNerSentences(
    n.generateNerSentences({
      split: 'train',
      count,
      seed: 1,
      composedMiscRate: Number(arg('--composed-misc', n.FINETUNE_NER_DEFAULTS.composedMiscRate)),
    }),
    {
      replaceRate: Number(arg('--replace', n.AUGMENT_NER_DEFAULTS.replaceRate)),
      joinRate: n.AUGMENT_NER_DEFAULTS.joinRate,
      seed: 1,
    },
  );
  const model = n.bertForTokenClassification(encoder, n.NER_LABELS.length);
  const started = Date.now();
  const trainer = core.taskTrainerOptions({
    epochs,
    batchSize: Number(arg('--batch', 16)),
    learningRate: Number(arg('--lr', 5e-4)),
    seed: 1,
  });
  await core.runTraining({
    model,
    data: new n.NerDataset(train, tokenizer, n.NER_LABELS, { maxLength: 64 }),
    outDir: arg('--out', 'dlkit-out/bench-ner-errors'),
    trainer: { ...trainer, loss: { fn: n.maskedLmLoss, kind: 'regression' } },
    ...n.finetuneSchedule(arg('--lr-decay', 'none'), trainer.learningRate, epochs),
    evaluate: () => ({}),
    modelDir: false,
  });
  return { model, tokenizer, report: { count, epochs, seconds: Math.round((Date.now() - started) / 1000) } };
}

/** A finetuneNer output folder's last checkpoint (loadNerCheckpoint) and tokenizer. */
async function loadRun(dir) {
  const model = await n.loadNerCheckpoint(dir);
  return { model, tokenizer: n.WordPieceTokenizer.load(path.join(dir, 'hf')), report: { run: dir } };
}

runMain(async () => {
  await core.initBackend();
  const run = arg('--run', '');
  const { model, tokenizer, report } = run ? await loadRun(run) : await trainModel();
  const testCount = run ? n.FINETUNE_NER_DEFAULTS.testCount : 500;
  const sets = {
    test: n.generateNerSentences({ split: 'test', count: testCount, seed: 1 }),
    hand: n.loadHandLabelledNer(),
  };
  const untype = (tags) => tags.map((t) => (t === 'O' ? t : `${t[0]}-X`));
  for (const [name, sentences] of Object.entries(sets)) {
    const data = new n.NerDataset(sentences, tokenizer, n.NER_LABELS, { maxLength: 64 });
    const truth = sentences.map((s) => s.tags);
    const argmax = n.predictWordTags(model, data, n.NER_LABELS, 'argmax');
    const viterbi = n.predictWordTags(model, data, n.NER_LABELS, 'viterbi');
    const r = n.entityF1(truth, viterbi);
    const { fates: f, spurious } = fates(sentences, viterbi);
    report[name] = {
      argmaxF1: n.entityF1(truth, argmax).f1,
      f1: r.f1,
      perLocOrgF1: n.entityF1(truth, viterbi, { types: n.COMPROMISE_TYPES }).f1,
      spanF1: n.entityF1(truth.map(untype), viterbi.map(untype)).f1,
      perType: Object.fromEntries(Object.entries(r.perType).map(([k, v]) => [k, v.f1])),
      fates: f,
      spurious: spurious.slice(0, 20),
      ...(sentences[0].template
        ? { perTemplate: perTemplateF1(sentences, viterbi), misc: miscFates(sentences, viterbi) }
        : {}),
    };
    const show = Number(arg('--show', 0));
    sentences
      .filter((s, i) => s.tags.some((t, j) => t !== viterbi[i][j]))
      .slice(0, show)
      .forEach((s) => {
        const p = viterbi[sentences.indexOf(s)];
        const words = s.tokens.map((w, j) => (s.tags[j] === p[j] ? w : `[${w} ${s.tags[j]}→${p[j]}]`));
        console.error(`${name}: ${words.join(' ')}`);
      });
  }
  console.log(JSON.stringify(report, null, 1));
});
