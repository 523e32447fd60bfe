/**
 * finetuneNer and finetuneQa end to end on a tiny MLM run: the loss falls, the labels align, the
 * exports are served by transformers.js's pipelines, bad input is named, and no tensor leaks.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initBackend, loadModel } from '@dlkit/core';
import * as tf from '@tensorflow/tfjs';
import { generateNerSentences } from '../ner-data/generate-ner';
import { loadHandLabelledNer } from '../ner-data/hand-labelled';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import { openPipeline } from '../hf/transformers';
import { tokenLabelProbabilities } from '../hf/token-probabilities';
import { answerInWindows } from '../hf/windowed-qa';
import { sentencePrior, SENTENCE_PRIOR_WEIGHT } from './sentence-prior';
import { answerCharSpan, bestAnswerSpan } from './answer-span';
import { WordPieceTokenizer } from '../tokenizers/wordpiece';
import { checkBertFolder } from './bert-folder';
import { bertInputs } from './bert-inputs';
import { NER_IGNORE_LABEL, NER_LABELS, encodeNerSentence, nerExampleText } from './ner-dataset';
import { finetuneNer } from './ner-finetune';
import { finetuneNerSoup, loadNerCheckpoint } from './ner-soup';
import { disposeModels } from './saved-bert';
import { encodeQaWindows } from './qa-dataset';
import { finetuneQa } from './qa-finetune';
import { pretrainMlm } from './pretrain-mlm';
import { tagEntities } from './tag-entities';

let dir: string;
beforeAll(async () => {
  await initBackend();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-ner-'));
  // Slow (~5-15 s): a one-epoch MLM run of a one-layer BERT on a few hundred glosses
  await pretrainMlm({
    outDir: path.join(dir, 'mlm'),
    sentences: [
      ...wordnetGlossSentences({ files: ['data.adv'] }).slice(0, 300),
      ...generateNerSentences({ count: 200 }).map((s) => s.text),
    ],
    vocabSize: 400,
    maxLength: 32,
    batchSize: 16,
    epochs: 1,
    model: { hiddenSize: 32, numHeads: 2, intermediateSize: 64, numLayers: 1 },
  });
}, 300000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('labels align to first sub-words, the rest ignored', () => {
  const tokenizer = WordPieceTokenizer.load(path.join(dir, 'mlm', 'hf'));
  const e = encodeNerSentence(
    { tokens: ['Ann', 'Kowalski', 'left'], tags: ['B-PER', 'I-PER', 'O'] },
    tokenizer,
    NER_LABELS,
    32,
  );
  const labelled = e.labels.filter((l) => l !== NER_IGNORE_LABEL);
  expect(labelled).toEqual([1, 2, 0]);
  expect(e.labels[0]).toBe(NER_IGNORE_LABEL); // [CLS]
});

test('NER fine-tuning lowers the loss; transformers.js serves the exported labels', async () => {
  // Slow (~20-60 s): two short fine-tunings, an ONNX export, transformers.js
  const options = {
    from: path.join(dir, 'mlm'),
    trainCount: 300,
    testCount: 50,
    maxLength: 32,
    batchSize: 16,
    learningRate: 2e-3,
  };
  const before = tf.memory().numTensors;
  const r = await finetuneNer({ ...options, outDir: path.join(dir, 'ner'), epochs: 2 });
  expect(tf.memory().numTensors).toBe(before);
  expect(r).toMatchObject({ task: 'ner', epochs: 2, pretrained: true, namesHeldOut: true });
  expect(r.losses[1].loss).toBeLessThan(r.losses[0].loss);
  expect(r.f1).toBeGreaterThanOrEqual(0);
  checkBertFolder(r.model, 'token-classification');
  const tag = await openPipeline('token-classification', r.model);
  const out = await tag('Ann Kowalski visited Lima .');
  expect(out.every((t) => NER_LABELS.includes(t.entity as (typeof NER_LABELS)[number]))).toBe(true);
  const random = await finetuneNer({
    ...options,
    outDir: path.join(dir, 'random'),
    epochs: 1,
    randomInit: true,
    allNames: true,
  });
  expect(random).toMatchObject({ pretrained: false, namesHeldOut: false });
}, 600000);

test('the fine-tuned NER folder served by transformers.js gives the tfjs label for every sub-word of the test sentences', async () => {
  // Slow (~5-20 s): loads the fine-tuned tfjs model (its last checkpoint) and the exported folder, tags 30 sentences with each
  const before = tf.memory().numTensors;
  const model = await loadModel(path.join(dir, 'ner', 'checkpoint', 'model'));
  const tokenizer = WordPieceTokenizer.load(path.join(dir, 'mlm', 'hf'));
  const tag = await openPipeline('token-classification', path.join(dir, 'ner', 'hf'));
  const sentences = [...generateNerSentences({ split: 'test', count: 20 }), ...loadHandLabelledNer().slice(0, 10)];
  let largest = 0; // largest |p_tfjs - p_transformers.js| of the chosen label
  for (const s of sentences) {
    const { text } = nerExampleText(s);
    const e = tokenizer.encode(text);
    const x = bertInputs([e]);
    const probs = tf.tidy(() => (tf.softmax(model.predict(x) as tf.Tensor).arraySync() as number[][][])[0]);
    tf.dispose(x);
    const theirs = await tag(text, { ignore_labels: [] });
    // without [CLS], [SEP], and [UNK]: transformers.js skips every special token, the unknown one included
    const ours = probs
      .map((p, i) => ({ index: i, entity: NER_LABELS[p.indexOf(Math.max(...p))] }))
      .filter(({ index }) => index > 0 && index < probs.length - 1 && e.tokens[index] !== '[UNK]');
    expect(theirs.map(({ index, entity }) => ({ index, entity }))).toEqual(ours);
    theirs.forEach((t) => (largest = Math.max(largest, Math.abs(t.score - Math.max(...probs[t.index])))));
    // every label's probability through transformers.js's model (what `dlkit ner` decodes with Viterbi)
    const all = await tokenLabelProbabilities(path.join(dir, 'ner', 'hf'), text);
    expect(all.labels).toEqual([...NER_LABELS]);
    expect(all.probabilities.length).toBe(probs.length);
    all.probabilities.forEach((row, t) =>
      row.forEach((p, j) => (largest = Math.max(largest, Math.abs(p - probs[t][j])))),
    );
    const tagged = tagEntities(text, e.offsets, all.probabilities, all.labels);
    expect(tagged).toEqual(tagEntities(text, e.offsets, probs, NER_LABELS));
    for (const entity of tagged) expect(text.slice(entity.start, entity.end)).toBe(entity.text);
  }
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
  expect(largest).toBeLessThan(1e-4); // the same probabilities, not only the same argmax
}, 120000);

test('a soup of two NER runs is the mean of their weights, exported, served by transformers.js and resumable', async () => {
  // Slow (~20-60 s): two one-epoch fine-tunings, the average, an ONNX export, then a resume that trains nothing
  const options = {
    from: path.join(dir, 'mlm'),
    outDir: path.join(dir, 'soup'),
    trainCount: 150,
    testCount: 30,
    maxLength: 32,
    batchSize: 16,
    learningRate: 2e-3,
    epochs: 1,
    soup: 2,
  };
  await expect(finetuneNerSoup({ ...options, soup: 1 })).rejects.toThrow(/soup must be an integer ≥ 2, got 1/);
  const before = tf.memory().numTensors;
  const seeds: number[] = [];
  const r = await finetuneNerSoup({ ...options, onIngredient: (k, of, seed) => seeds.push(seed) });
  expect(tf.memory().numTensors).toBe(before);
  expect(seeds).toEqual([1, 2]);
  expect(r.ingredients.map((i) => i.seed)).toEqual([1, 2]);
  expect(r.model).toBe(path.join(dir, 'soup', 'hf'));
  checkBertFolder(r.model, 'token-classification');
  // The mean worked out independently of averageModelWeights: plain arrays, element by element.
  const [a, b] = await Promise.all([1, 2].map((k) => loadNerCheckpoint(path.join(dir, 'soup', `ingredient-${k}`))));
  const wa = a.getWeights().map((w) => Array.from(w.dataSync()));
  const wb = b.getWeights().map((w) => Array.from(w.dataSync()));
  const shapes = a.getWeights().map((w) => w.shape);
  const ingredientA = tf.tidy(() => a.getWeights().map((w) => w.clone()));
  const meanWeights = wa.map((w, i) =>
    tf.tensor(
      w.map((v, j) => (v + wb[i][j]) / 2),
      shapes[i],
    ),
  );
  a.setWeights(meanWeights);
  tf.dispose(meanWeights);
  const tokenizer = WordPieceTokenizer.load(path.join(dir, 'mlm', 'hf'));
  const text = 'Ann Kowalski visited Lima .';
  const x = bertInputs([tokenizer.encode(text)]);
  const probs = (m: tf.LayersModel) =>
    tf.tidy(() => tf.softmax(m.predict(x) as tf.Tensor).arraySync() as number[][][])[0];
  const mean = probs(a);
  const served = await tokenLabelProbabilities(r.model, text);
  served.probabilities.forEach((row, t) => row.forEach((p, j) => expect(Math.abs(p - mean[t][j])).toBeLessThan(1e-4)));
  // ... and it is neither ingredient: each alone gives other probabilities.
  const onlyB = probs(b);
  a.setWeights(ingredientA);
  const onlyA = probs(a);
  const gap = (p: number[][]) => Math.max(...p.flatMap((row, t) => row.map((v, j) => Math.abs(v - mean[t][j]))));
  expect(gap(onlyA)).toBeGreaterThan(1e-3);
  expect(gap(onlyB)).toBeGreaterThan(1e-3);
  tf.dispose([x, ingredientA].flat());
  disposeModels([a, b]);
  // Resume: both runs are complete, so nothing trains again and the soup comes out the same.
  const again = await finetuneNerSoup({ ...options, resume: true });
  expect(again.resumedFromEpoch).toBe(1);
  expect(again.f1).toBeCloseTo(r.f1, 6);
  expect(again.handF1).toBeCloseTo(r.handF1, 6);
  expect(tf.memory().numTensors).toBe(before);
}, 600000);

test('QA windows: a long context is split with a stride, the answer labelled where it lies wholly inside', () => {
  const tokenizer = WordPieceTokenizer.load(path.join(dir, 'mlm', 'hf'));
  const context = 'filler words come first here . '.repeat(8) + 'The capital is Lima .';
  const start = context.indexOf('Lima');
  const windows = encodeQaWindows(
    { question: 'What is the capital?', context, answers: [{ text: 'Lima', start }] },
    tokenizer,
    {
      maxLength: 24,
      docStride: 4,
    },
  );
  expect(windows.length).toBeGreaterThan(1);
  const last = windows[windows.length - 1];
  expect([last.encoding.offsets[last.start][0], last.encoding.offsets[last.end][1]]).toEqual([start, start + 4]);
  expect(windows[0].start).toBe(0); // [CLS]: the answer is not in the first window
  expect(() =>
    encodeQaWindows({ question: 'q', context: ' ', answers: [] }, tokenizer, { maxLength: 24, docStride: 4 }),
  ).toThrow(/empty context/);
});

test('QA fine-tuning lowers the loss and exports a question-answering folder', async () => {
  // Slow (~10-40 s): a short fine-tuning with windows, an ONNX export, transformers.js
  const before = tf.memory().numTensors;
  const r = await finetuneQa({
    from: path.join(dir, 'mlm'),
    outDir: path.join(dir, 'qa'),
    trainCount: 100,
    testCount: 20,
    maxLength: 64,
    docStride: 16,
    batchSize: 16,
    learningRate: 2e-3,
    epochs: 2,
  });
  expect(tf.memory().numTensors).toBe(before);
  expect(r).toMatchObject({ task: 'qa', epochs: 2, total: 20, pretrained: true });
  expect(r.trainWindows).toBeGreaterThan(100);
  expect(r.losses[1].loss).toBeLessThan(r.losses[0].loss);
  expect(r.baselines.overlap.total).toBe(20);
  expect(r.readerAlone.total).toBe(20); // the same questions without the sentence prior
  const qa = await openPipeline('question-answering', r.model);
  const answer = await qa('What is the capital?', 'The capital of Peru is Lima.');
  expect(typeof answer.answer).toBe('string');
  // random weights of another depth than the MLM folder's (a 1-layer reader)
  const small = { from: path.join(dir, 'mlm'), trainCount: 20, testCount: 5, maxLength: 64, docStride: 16, epochs: 1 };
  const one = await finetuneQa({
    ...small,
    outDir: path.join(dir, 'qa-1'),
    randomInit: true,
    randomInitConfig: { numLayers: 1 },
  });
  expect(JSON.parse(fs.readFileSync(path.join(one.model, 'config.json'), 'utf8')).num_hidden_layers).toBe(1);
  await expect(
    finetuneQa({ ...small, outDir: path.join(dir, 'qa-x'), randomInitConfig: { numLayers: 1 } }),
  ).rejects.toThrow(/randomInitConfig needs randomInit/);
  expect(tf.memory().numTensors).toBe(before);
}, 600000);

test('answers over windows through transformers.js (dlkit qa) as the tfjs model does on the same windows', async () => {
  // Slow (~3-10 s): loads the QA checkpoint and the exported folder, runs a context of several windows
  const question = 'What is the capital of Peru?';
  const context = 'filler words come first here . '.repeat(30) + 'The capital of Peru is Lima .';
  const a = await answerInWindows(path.join(dir, 'qa', 'hf'), question, context);
  expect(a.windows).toBeGreaterThan(1);
  expect(context.slice(a.start, a.end)).toBe(a.answer);
  const before = tf.memory().numTensors;
  const model = await loadModel(path.join(dir, 'qa', 'checkpoint', 'model')); // the training model: [B, 2, T]
  const tokenizer = WordPieceTokenizer.load(path.join(dir, 'mlm', 'hf'));
  const windows = encodeQaWindows({ question, context, answers: [] }, tokenizer, { maxLength: 128, docStride: 32 });
  expect(windows.length).toBe(a.windows);
  let best = { score: -1, probability: 0, start: 0, end: 0 };
  for (const w of windows) {
    const x = bertInputs([w.encoding]);
    const [s, e] = tf.tidy(() => (model.predict(x) as tf.Tensor).arraySync() as number[][][])[0];
    tf.dispose(x);
    const span = bestAnswerSpan(s, e, w.encoding, {
      maxAnswerTokens: 30,
      wholeWords: true,
      oneSentence: true,
      tokenPrior: sentencePrior(w.encoding, context, question, SENTENCE_PRIOR_WEIGHT),
      clsInSoftmax: true,
    });
    if (span.score > best.score) best = { ...span, ...answerCharSpan(w.encoding, span) };
  }
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
  expect([a.start, a.end]).toEqual([best.start, best.end]);
  expect(Math.abs(a.score - best.probability)).toBeLessThan(1e-4);
}, 120000);
