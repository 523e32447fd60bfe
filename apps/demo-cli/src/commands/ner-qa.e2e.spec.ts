/**
 * dlkit ner / qa end to end on tiny runs: train from a small MLM folder with --data, then serve the
 * exported folders: `ner --model` entities with offsets into the text, `qa --model` over a context
 * longer than the model takes (windows, with a note on stderr).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateNerSentences, generateQaExamples, writeConll, writeSquad } from '@dlkit/nlp';
import { runCli } from '../testing/run-cli';

let tmp: string;
let mlm: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-ner-qa-'));
  mlm = path.join(tmp, 'mlm');
  // Slow (~20-40 s): a one-layer cased MLM on a few hundred glosses, the start of both fine-tunings
  const r = await runCli(
    'mlm',
    'train',
    '--max-sentences',
    '300',
    '--vocab-size',
    '800',
    '--layers',
    '1',
    '--epochs',
    '1',
    '--cased',
    '--out',
    mlm,
    '--json',
  );
  expect(r.code).toBe(0);
}, 300000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('dlkit ner train --data, then dlkit ner --model: entities with offsets, Viterbi or argmax', async () => {
  // Slow (~20-60 s): one epoch on 60 sentences, scoring on the held-out and hand-labelled sets, export
  const data = path.join(tmp, 'train.conll');
  writeConll(data, generateNerSentences({ count: 60, seed: 4 }));
  const out = path.join(tmp, 'ner');
  const r = await runCli('ner', 'train', '--data', data, '--from', mlm, '--epochs', '1', '--out', out, '--json');
  expect(r.code).toBe(0);
  const json = r.json<{ task: string; f1: number; perLocOrg: { f1: number; handF1: number }; model: string }>();
  expect(json).toMatchObject({ task: 'ner', model: path.join(out, 'hf') });
  expect(json.perLocOrg.handF1).toBeGreaterThanOrEqual(0);
  const text = 'Ann Kowalski flew from Lima to Oslo on Monday.';
  for (const decoding of ['viterbi', 'argmax']) {
    const tagged = await runCli('ner', '--model', json.model, '--decoding', decoding, text, '--json');
    expect(tagged.code).toBe(0);
    const { entities } = tagged.json<{ entities: { word: string; entity: string; start: number; end: number }[] }>();
    for (const e of entities) {
      expect(text.slice(e.start, e.end)).toBe(e.word);
      expect(['PER', 'LOC', 'ORG', 'MISC']).toContain(e.entity);
    }
  }
  // the sentence-opener rule: "Only" opening the sentence is never (part of) an entity; it can be switched off
  const opener = 'Only Ann Kowalski knew the way to Lima.';
  const ruled = await runCli('ner', '--model', json.model, opener, '--json');
  expect(ruled.code).toBe(0);
  for (const e of ruled.json<{ entities: { start: number }[] }>().entities) expect(e.start).toBeGreaterThan(0);
  expect((await runCli('ner', '--model', json.model, '--no-opener-rule', opener, '--json')).code).toBe(0);
  const bad = await runCli('ner', '--model', json.model, '--decoding', 'beam', text);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--decoding must be one of viterbi, argmax/);
}, 300000);

test('dlkit qa train --data, then dlkit qa --model over a context longer than the model takes', async () => {
  // Slow (~30-90 s): one epoch on 40 questions, scoring on 500 held-out questions, export, windows
  const data = path.join(tmp, 'train.json');
  writeSquad(data, generateQaExamples({ count: 40, seed: 4 }));
  const out = path.join(tmp, 'qa');
  const r = await runCli('qa', 'train', '--data', data, '--from', mlm, '--epochs', '1', '--out', out, '--json');
  expect(r.code).toBe(0);
  const { model, readerAlone } = r.json<{ model: string; readerAlone: { exactMatch: number } }>();
  expect(readerAlone.exactMatch).toBeGreaterThanOrEqual(0);
  const context = 'Rain fell on the hills all week long. '.repeat(20) + 'The capital of Peru is Lima.';
  const asked = await runCli(
    'qa',
    '--model',
    model,
    '--context',
    context,
    '--question',
    'What is the capital of Peru?',
  );
  expect(asked.code).toBe(0);
  expect(asked.stderr).toMatch(/answered over \d+ windows/);
  const json = await runCli('qa', '--model', model, '--context', context, '--question', 'Capital of Peru?', '--json');
  const a = json.json<{ answer: string; start: number; end: number; score: number }>();
  expect(context.slice(a.start, a.end)).toBe(a.answer);
  expect(a.answer.length).toBeGreaterThan(0);
  expect(a.score).toBeGreaterThan(0);
}, 300000);
