// Latency of transformers.js pipelines on the default BERT (BERT_TINY: hidden 128, 2 layers,
// vocabulary 8,000; seeded random weights: latency does not depend on training) for one input of
// 64 tokens ([CLS] and [SEP] included): load time, then the median and p90 of N calls per task.
// Run after `npx tsc -b tsconfig.build.json`:
//   node packages/nlp/bench/bert-pipeline-latency.js [--calls 50] [--model HF_DIR]
const fs = require('fs');
const os = require('os');
const path = require('path');
const { initBackend } = require('@dlkit/core');
const nlp = require('@dlkit/nlp');

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const CALLS = Number(arg('--calls', 50));

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function main() {
  await initBackend();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-bert-latency-'));
  try {
    const sentences = nlp.wordnetGlossSentences();
    const tokenizer = nlp.trainWordPiece(
      sentences.filter((_, i) => i % 8 === 0),
      { vocabSize: 8000 },
    );
    const encoder = nlp.buildBertEncoder(nlp.bertConfig({ vocabSize: tokenizer.vocabSize }));
    const folders = {
      'fill-mask': [nlp.bertForMaskedLM(encoder, undefined, { hiddenStates: true }), {}],
      'token-classification': [
        nlp.bertForTokenClassification(encoder, 9),
        { labels: ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] },
      ],
      'question-answering': [nlp.bertForQuestionAnswering(encoder), {}],
    };
    // a text of exactly 64 tokens with [CLS] and [SEP]
    const words = sentences.slice(0, 200).join(' ').split(/\s+/);
    let text = '';
    for (const w of words) {
      const next = text ? `${text} ${w}` : w;
      if (tokenizer.encode(next).ids.length > 64) break;
      text = next;
    }
    const tokens = tokenizer.encode(text).ids.length;
    const masked = text.replace(/\b\w+\b/, '[MASK]');
    const result = { tokens, calls: CALLS, tasks: {} };
    const time = async (task, call) => {
      for (let i = 0; i < 3; i++) await call();
      const ms = [];
      for (let i = 0; i < CALLS; i++) {
        const t = performance.now();
        await call();
        ms.push(performance.now() - t);
      }
      result.tasks[task].medianMs = Math.round(quantile(ms, 0.5) * 100) / 100;
      result.tasks[task].p90Ms = Math.round(quantile(ms, 0.9) * 100) / 100;
    };
    for (const [task, [model, options]] of Object.entries(folders)) {
      await nlp.exportHuggingFace(model, tokenizer, path.join(dir, task), { task, ...options });
    }
    const load = async (task, folder) => {
      const t = performance.now();
      const p = await nlp.openPipeline(task, path.join(dir, folder));
      result.tasks[task] = { loadMs: Math.round(performance.now() - t) };
      return p;
    };
    const fill = await load('fill-mask', 'fill-mask');
    await time('fill-mask', () => fill(masked, { top_k: 5 }));
    const extract = await load('feature-extraction', 'fill-mask');
    await time('feature-extraction', () => extract(text, { pooling: 'mean', normalize: true }));
    const tag = await load('token-classification', 'token-classification');
    await time('token-classification', () => tag(text));
    const qa = await load('question-answering', 'question-answering');
    const question = 'what is it?';
    const context = tokenizer.decode(
      tokenizer.encode(text).ids.slice(1, 64 - 2 - tokenizer.encode(question).ids.length + 1),
      { skipSpecialTokens: true },
    );
    await time('question-answering', () => qa(question, context));
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
main();
