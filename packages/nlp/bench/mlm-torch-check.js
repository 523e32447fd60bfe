// The independent check of the default MLM pretraining (README "BERT: pretraining"): writes the
// packed training and held-out sequences exactly as pretrainMlm builds them (the same seeded
// shuffle of WordNet glosses, WordPiece 8,000 trained on the training sentences, sequences of ≤ 64
// tokens), then trains the same-size BERT in PyTorch on them (mlm_torch_check.py, Debian's
// python3-torch: apps/demo-cli/bench/setup-torch.sh) with pretrainMlm's schedule: Adam, batch 32,
// the rate cosine-decayed per epoch to a tenth, 15 % dynamic masking 80/10/10. Prints JSON lines:
// the loss every 100 steps and the held-out masked accuracy after every epoch. Run after
// `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/mlm-torch-check.js [--epochs 3] [--batch-size 32] [--learning-rate 1e-3] [--threads 1]
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const n = require('@dlkit/nlp');
const { Rng } = require('@dlkit/core');
const { arg } = require('./finetune-common');

const o = n.PRETRAIN_MLM_DEFAULTS;
const all = new Rng(o.seed).shuffle([...n.wordnetGlossSentences()]).slice(0, o.maxSentences);
const train = all.slice(o.heldOutSentences);
const tokenizer = n.trainWordPiece(train, { vocabSize: o.vocabSize, lowercase: true });
const id = (t) => tokenizer.tokenToId(t);
const S = n.WORDPIECE_SPECIALS;
const pack = (sentences) =>
  n.packSentences(
    sentences.map((t) => tokenizer.encode(t, { addSpecialTokens: false }).ids),
    { maxLength: o.maxLength, clsId: id(S.cls), sepId: id(S.sep) },
  );
const file = arg('--out', 'dlkit-out/mlm-torch-check.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(
  file,
  JSON.stringify({
    train: pack(train),
    heldOut: pack(all.slice(0, o.heldOutSentences)),
    vocab: tokenizer.vocabSize,
    maskId: id(S.mask),
    padId: id(S.pad),
    specialIds: Object.values(S).map(id),
  }),
);
const flags = ['--epochs', '--batch-size', '--learning-rate', '--threads'].flatMap((f) =>
  process.argv.includes(f) ? [f, arg(f, '')] : [],
);
execFileSync('/usr/bin/python3', [path.join(__dirname, 'mlm_torch_check.py'), file, ...flags], { stdio: 'inherit' });
