// Save/load and ONNX export of both classifier kinds on a tiny set, plus bad saved folders.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend, loadOnnx } from '@dlkit/core';
import { expectClose, expectNoLeak } from '@dlkit/core/testing';
import { WordVectors } from '../embeddings/word-vectors';
import { AverageClassifier } from './average-classifier';
import { loadTextClassifier, saveTextClassifier } from './classifier-io';
import { LstmClassifier } from './lstm-classifier';
import type { TextClassifier } from './text-classifier';

const WORDS = ['win', 'money', 'free', 'now', 'meeting', 'at', 'noon', 'see', 'you'];
const ROWS = [
  { text: 'win money now', label: 'spam' },
  { text: 'free money', label: 'spam' },
  { text: 'win free now', label: 'spam' },
  { text: 'meeting at noon', label: 'ham' },
  { text: 'see you at noon', label: 'ham' },
  { text: 'see you at the meeting', label: 'ham' },
];
const TEXTS = ['free money now', 'see you at noon', 'totally unknown words', ''];
const vectors = new WordVectors(
  WORDS,
  Float32Array.from({ length: WORDS.length * 6 }, (_, i) => Math.sin(i * 1.7) * 0.3),
  6,
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'classifier-io-'));
const KINDS: Array<[string, () => TextClassifier]> = [
  ['average', () => new AverageClassifier(vectors, ['ham', 'spam'], { trainEmbedding: true })],
  ['lstm', () => new LstmClassifier(vectors, ['ham', 'spam'], { units: 4, maxLength: 5, trainEmbedding: true })],
];

beforeAll(async () => {
  await initBackend();
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe.each(KINDS)('%s classifier', (kind, build) => {
  it('saves, loads with the same outputs, exports to ONNX with the same outputs, leaks nothing', async () => {
    const clf = build();
    await clf.fit(ROWS, { epochs: 20, learningRate: 0.05 });
    const dir = path.join(tmp, kind);
    await saveTextClassifier(clf, dir);
    const again = await loadTextClassifier(dir);
    expect(again.kind).toBe(kind);
    expect(again.options).toEqual(clf.options);
    expectClose(again.probabilities(TEXTS).flat(), clf.probabilities(TEXTS).flat(), { atol: 1e-6 });
    expect(again.predict('zzz qqq').label).toMatch(/^(ham|spam)$/); // unknown words: not fatal
    const session = await loadOnnx(clf.toOnnx(), { label: `${kind} classifier` });
    const out = await session.run({ input: clf.onnxInput(TEXTS) });
    expectClose(out.probabilities.data as Float32Array, clf.probabilities(TEXTS).flat(), { atol: 1e-5 });
    await session.dispose();
    await expectNoLeak(async () => {
      await again.fit(ROWS, { epochs: 1 });
      again.evaluate(ROWS);
      again.predict('win money');
      clf.onnxInput(TEXTS);
    });
    clf.dispose();
    again.dispose();
  }, 30_000); // Slow (~1-5 s): 20 epochs, an ONNX session and four leak-check rounds (the LSTM is the slower)
});

describe('loading a bad folder names the file', () => {
  it('missing folder, missing or corrupt classifier.json, truncated weights', async () => {
    const dir = path.join(tmp, 'bad');
    await expect(loadTextClassifier(dir)).rejects.toThrow(`${dir}: no such directory`);
    const clf = new AverageClassifier(vectors, ['ham', 'spam']);
    await saveTextClassifier(clf, dir);
    clf.dispose();
    const json = path.join(dir, 'classifier.json');
    const good = fs.readFileSync(json, 'utf8');
    fs.writeFileSync(json, '{"format":');
    await expect(loadTextClassifier(dir)).rejects.toThrow(`${json}: not valid JSON`);
    fs.writeFileSync(json, JSON.stringify({ ...JSON.parse(good), kind: 'cnn' }));
    await expect(loadTextClassifier(dir)).rejects.toThrow(`${json}: unknown kind 'cnn'`);
    fs.writeFileSync(json, JSON.stringify({ ...JSON.parse(good), words: WORDS.slice(1) }));
    await expect(loadTextClassifier(dir)).rejects.toThrow('do not match');
    fs.writeFileSync(json, good);
    const weights = path.join(dir, 'weights.bin');
    fs.writeFileSync(weights, fs.readFileSync(weights).subarray(0, 10));
    const before = tf.memory().numTensors;
    await expect(loadTextClassifier(dir)).rejects.toThrow(`${weights}: 10 bytes`);
    expect(tf.memory().numTensors).toBe(before);
    fs.rmSync(json);
    await expect(loadTextClassifier(dir)).rejects.toThrow(`${json}: not found`);
  });
});
