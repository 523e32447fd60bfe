// The independent check of the NER numbers (README "What was wrong with NER"): writes the generated
// training and held-out sentences and the hand-labelled set as the sub-word ids and labels finetuneNer
// trains on (--augment: the augmented training rows), then runs the same-size BERT from random
// weights in PyTorch (ner_torch_check.py, Debian's python3-torch: apps/demo-cli/bench/setup-torch.sh).
// Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/ner-torch-check.js [--mlm DIR] [--train-count N] [--augment] [--out FILE]
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const n = require('@dlkit/nlp');
const { arg } = require('./finetune-common');

const mlm = arg('--mlm', 'dlkit-out/mlm-small-cased');
const file = arg('--out', 'dlkit-out/ner-torch-check.json');
const tokenizer = n.WordPieceTokenizer.load(path.join(mlm, 'hf'));
const encode = (rows) =>
  rows.map((s) => {
    const e = n.encodeNerSentence(s, tokenizer, n.NER_LABELS, n.FINETUNE_NER_DEFAULTS.maxLength);
    return {
      ids: e.encoding.ids,
      labels: e.labels,
      word: n.subwordWordIndex(e.wordOffsets, e.encoding.offsets),
      tags: s.tags,
    };
  });
let train = n.generateNerSentences({ split: 'train', count: Number(arg('--train-count', 4000)), seed: 1 });
if (process.argv.includes('--augment')) train = n.augmentNerSentences(train);
const data = {
  labels: n.NER_LABELS,
  vocab: tokenizer.vocabSize,
  train: encode(train),
  test: encode(n.generateNerSentences({ split: 'test', count: 1000, seed: 1 })),
  hand: encode(n.loadHandLabelledNer()),
};
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(data));
execFileSync('/usr/bin/python3', [path.join(__dirname, 'ner_torch_check.py'), file], { stdio: 'inherit' });
