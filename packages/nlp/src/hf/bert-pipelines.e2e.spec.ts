/**
 * The Hugging Face export of every BERT head, served by transformers.js pipelines offline, against
 * the tfjs model it came from (seeded random weights: parity does not need training):
 * fill-mask top token = tfjs argmax; feature-extraction (mean, normalize) = tfjs mean-pooled
 * normalised embeddings within 1e-4; token-classification label per sub-word = tfjs argmax, and the
 * same entities after groupEntities; question-answering answer = tfjs best span.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { answerCharSpan, answerOffsets, bestAnswerSpan } from '../bert/answer-span';
import { bertConfig } from '../bert/bert-config';
import { buildBertEncoder } from '../bert/bert-encoder';
import { bertForMaskedLM, bertForQuestionAnswering, bertForTokenClassification } from '../bert/bert-heads';
import { bertInputs, embedSentences } from '../bert/bert-inputs';
import { exportHuggingFace } from '../bert/export-hugging-face';
import { bertMaxTokens, checkBertFolder } from '../bert/bert-folder';
import { groupEntities } from '../bert/group-entities';
import { wordnetGlossSentences } from '../text/wordnet-glosses';
import { WordPieceTokenizer } from '../tokenizers/wordpiece';
import { trainWordPiece } from '../tokenizers/wordpiece-trainer';
import { openPipeline } from './transformers';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
const TEXTS = [
  'A small domesticated carnivorous mammal with soft fur.',
  'Ada Lovelace wrote notes on the analytical engine in London.',
  'the act of moving something from one place to another',
];
let dir: string;
let tokenizer: WordPieceTokenizer;
let encoder: ReturnType<typeof buildBertEncoder>;

beforeAll(async () => {
  await initBackend();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-bert-pipelines-'));
  tokenizer = trainWordPiece(wordnetGlossSentences({ files: ['data.noun'] }).slice(0, 3000), { vocabSize: 800 });
  encoder = buildBertEncoder(
    bertConfig({ vocabSize: tokenizer.vocabSize, hiddenSize: 32, numHeads: 4, intermediateSize: 64, seed: 3 }),
  );
}, 30000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the model on one encoding; returns its outputs as arrays (row 0). */
function run(model: tf.LayersModel, encoding: ReturnType<WordPieceTokenizer['encode']>): number[][][] {
  const x = bertInputs([encoding]);
  const ys = tf.tidy(() => [model.predict(x)].flat().map((y) => (y as tf.Tensor).arraySync() as number[][][]));
  tf.dispose(x);
  return ys.map((y) => y[0] as unknown as number[][]) as unknown as number[][][];
}

const argmax = (row: number[]) => row.indexOf(Math.max(...row));

test('fill-mask: the top token is the tfjs argmax at [MASK]; the same folder serves feature-extraction', async () => {
  // Slow (~2-5 s): exports the model, loads transformers.js and onnxruntime
  const model = bertForMaskedLM(encoder, undefined, { hiddenStates: true });
  await exportHuggingFace(model, tokenizer, path.join(dir, 'mlm'), { task: 'fill-mask' });
  const fill = await openPipeline('fill-mask', path.join(dir, 'mlm'));
  for (const text of ['a small [MASK] mammal with soft fur', 'the act of [MASK] something']) {
    const e = tokenizer.encode(text);
    const at = e.tokens.indexOf('[MASK]');
    const [logits] = run(model, e) as unknown as number[][][];
    const top = (await fill(text, { top_k: 1 }))[0];
    expect(top.token).toBe(argmax(logits[at]));
  }
  const extract = await openPipeline('feature-extraction', path.join(dir, 'mlm'));
  const theirs = await extract([...TEXTS], { pooling: 'mean', normalize: true });
  const ours = embedSentences(encoder.model, tokenizer, TEXTS);
  expect(Math.max(...Array.from(ours.dataSync(), (v, i) => Math.abs(v - theirs.data[i])))).toBeLessThan(1e-4);
  ours.dispose();
}, 30000);

test('feature-extraction: mean-pooled normalised embeddings equal the tfjs ones within 1e-4', async () => {
  await exportHuggingFace(encoder.model, tokenizer, path.join(dir, 'features'), { task: 'feature-extraction' });
  const extract = await openPipeline('feature-extraction', path.join(dir, 'features'));
  const ours = embedSentences(encoder.model, tokenizer, TEXTS);
  const theirs = await extract([...TEXTS], { pooling: 'mean', normalize: true });
  expect(theirs.dims).toEqual(ours.shape);
  const diff = Math.max(...Array.from(ours.dataSync(), (v, i) => Math.abs(v - theirs.data[i])));
  ours.dispose();
  expect(diff).toBeLessThan(1e-4);
}, 30000);

test('token-classification: the same label per sub-word as the tfjs argmax, and the same entities', async () => {
  const model = bertForTokenClassification(encoder, LABELS.length);
  await exportHuggingFace(model, tokenizer, path.join(dir, 'ner'), { task: 'token-classification', labels: LABELS });
  const tag = await openPipeline('token-classification', path.join(dir, 'ner'));
  for (const text of TEXTS) {
    const e = tokenizer.encode(text);
    const [logits] = run(model, e) as unknown as number[][][];
    const ours = e.ids.flatMap((_, i) =>
      i === 0 || i === e.ids.length - 1 ? [] : [{ index: i, entity: LABELS[argmax(logits[i])] }],
    );
    const theirs = await tag(text, { ignore_labels: [] });
    expect(theirs.map(({ index, entity }) => ({ index, entity }))).toEqual(ours);
    expect(groupEntities(text, e, theirs).map((x) => [x.label, x.start, x.end])).toEqual(
      groupEntities(text, e, ours).map((x) => [x.label, x.start, x.end]),
    );
  }
  // a text longer than the position table (128) is truncated by the pipeline, not a broadcast error:
  // the export writes model_max_length = max_position_embeddings
  const long = TEXTS[0].repeat(60);
  expect(tokenizer.encode(long).ids.length).toBeGreaterThan(128);
  expect(bertMaxTokens(checkBertFolder(path.join(dir, 'ner'), 'token-classification'))).toBe(128);
  const labels = await tag(long, { ignore_labels: [] });
  // 128 tokens run: [CLS] (no label) and 127 pieces; transformers.js's truncation drops the final [SEP]
  expect(labels.map((l) => l.index)).toEqual(Array.from({ length: 127 }, (_, i) => i + 1));
}, 30000);

test('question-answering: the answer is the tfjs best span, found back in the context', async () => {
  const model = bertForQuestionAnswering(encoder);
  await exportHuggingFace(model, tokenizer, path.join(dir, 'qa'), { task: 'question-answering' });
  const qa = await openPipeline('question-answering', path.join(dir, 'qa'));
  for (const [question, context] of [
    ['who wrote notes?', TEXTS[1]],
    ['what has soft fur?', TEXTS[0]],
  ]) {
    const e = tokenizer.encodePair(question, context);
    const [start, end] = run(model, e) as unknown as number[][];
    const span = bestAnswerSpan(start, end, e);
    const { answer } = await qa(question, context);
    expect(answer).toBe(tokenizer.decode(e.ids.slice(span.startToken, span.endToken + 1), { skipSpecialTokens: true }));
    const { start: s, end: t } = answerCharSpan(e, span);
    expect(answerOffsets(tokenizer, context, answer)?.text).toBe(context.slice(s, t));
  }
}, 30000);
