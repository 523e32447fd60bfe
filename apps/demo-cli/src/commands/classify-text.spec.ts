// `dlkit classify-text ...` end to end on a small generated CSV (two topics, a few shared words):
// the JSON contract, the files written, predict from the saved folder, errors that name the input.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Rng } from '@dlkit/core';
import { runCli } from '../testing/run-cli';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dlkit-cli-classify-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const rng = new Rng(5);
const TOPICS = { sport: ['ball', 'goal', 'team', 'match'], food: ['pizza', 'soup', 'bread', 'salad'] };
const SHARED = ['the', 'a', 'great', 'today'];
const pick = (words: string[]) => words[rng.int(words.length)];
const csv = path.join(tmp, 'topics.csv');
fs.writeFileSync(
  csv,
  'text,label\n' +
    Array.from({ length: 80 }, (_, i) => {
      const label = i % 2 ? 'sport' : 'food';
      const words = Array.from({ length: 5 }, (_, j) => (j % 2 ? pick(SHARED) : pick(TOPICS[label])));
      return `"${words.join(' ')}, ok",${label}`;
    }).join('\n'),
);
const out = path.join(tmp, 'out');

describe('dlkit classify-text', () => {
  it('trains on a CSV file: test accuracy, per-class scores, naive Bayes, PNG and model folder', async () => {
    const r = await runCli('classify-text', 'train', '--data', csv, '--epochs', '30', '--out', out, '--json');
    expect(r.code).toBe(0);
    const json = r.json<{ testAccuracy: number; perClass: Record<string, { f1: number; support: number }> }>();
    expect(json).toMatchObject({
      task: 'classify-text',
      kind: 'average',
      trainSize: 64,
      testSize: 16,
      confusion: path.join(out, 'confusion.png'),
      model: path.join(out, 'model'),
      baselines: { naiveBayes: { accuracy: expect.any(Number) }, fasttext: { note: expect.any(String) } },
    });
    expect(json.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(json.perClass.sport.support + json.perClass.food.support).toBe(16);
    expect(fs.readFileSync(path.join(out, 'confusion.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 30_000); // Slow (~5-15 s): skip-gram vectors, then 30 epochs

  it('predicts from the saved folder, unknown words included', async () => {
    const model = path.join(out, 'model');
    const r = await runCli('classify-text', 'predict', '--model', model, 'pizza and soup, zebra', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ label: 'food', scores: { food: expect.any(Number), sport: expect.any(Number) } });
    const unknown = await runCli('classify-text', 'predict', '--model', model, 'qqq zzz');
    expect(unknown.code).toBe(0);
  });

  it('names the bad input: bad row (1, file:line), missing file (2), wrong extension (2), bad model folder (1/2)', async () => {
    const bad = path.join(tmp, 'bad.csv');
    fs.writeFileSync(bad, 'text,label\nfine,a\n"broken\n');
    const b = await runCli('classify-text', 'train', '--data', bad, '--out', out);
    expect([b.code, b.stderr]).toEqual([1, expect.stringContaining(`${bad}:3: unterminated quoted field`)]);
    const one = path.join(tmp, 'one.tsv');
    fs.writeFileSync(one, 'a b\tx\nc d\tx\n');
    const o = await runCli('classify-text', 'train', '--data', one, '--out', out);
    expect([o.code, o.stderr]).toEqual([1, expect.stringContaining(`${one}: need at least 2 labels`)]);
    const uniq = path.join(tmp, 'uniq.csv');
    fs.writeFileSync(
      uniq,
      'text,label\n' +
        Array.from({ length: 10 }, (_, i) => `${'abcdefghij'[i]}oo ${'abcdefghij'[i]}ee,${'xy'[i % 2]}`).join('\n'),
    );
    const u = await runCli('classify-text', 'train', '--data', uniq, '--out', out);
    expect([u.code, u.stderr]).toEqual([
      1,
      expect.stringContaining(`${uniq}: no word occurs at least minCount=2 times`),
    ]);
    const missing = await runCli('classify-text', 'train', '--data', path.join(tmp, 'none.csv'));
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
    const txt = path.join(tmp, 'data.txt');
    fs.writeFileSync(txt, 'x');
    const ext = await runCli('classify-text', 'train', '--data', txt);
    expect([ext.code, ext.stderr]).toEqual([2, expect.stringContaining('expected a .csv')]);
    const kind = await runCli('classify-text', 'train', '--model', 'cnn');
    expect([kind.code, kind.stderr]).toEqual([2, expect.stringContaining('--model must be one of average, lstm')]);
    const noDir = await runCli('classify-text', 'predict', '--model', path.join(tmp, 'nope'), 'hi');
    expect([noDir.code, noDir.stderr]).toEqual([2, expect.stringContaining('no such directory')]);
    const empty = path.join(tmp, 'empty-model');
    fs.mkdirSync(empty);
    const e = await runCli('classify-text', 'predict', '--model', empty, 'hi');
    expect([e.code, e.stderr]).toEqual([
      1,
      expect.stringContaining(`${path.join(empty, 'classifier.json')}: not found`),
    ]);
  });
});
