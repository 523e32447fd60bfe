import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { loadCharLm, type CharLm } from './saved';
import { sampleCharLm } from './sample';
import { encodeItems } from './sequences';
import { meanNll, trainCharLm, type TrainCharLmResult } from './train';

// A short real run: all 8,422 names (7,580 train / 842 validation), a small LSTM, 2 epochs.
// The CLI defaults (a larger model, more epochs) are measured in docs/textgen.md.
const SMALL = { epochs: 2, batchSize: 64, learningRate: 0.01, seed: 1, model: { units: 64, embeddingDim: 16 } };

describe('trainCharLm on the names corpus', () => {
  let dir: string;
  let r: TrainCharLmResult;
  let lm: CharLm;
  let tensorsBefore: number;

  // Slow (~20-45 s): 2 epochs of an LSTM over 7,580 names.
  beforeAll(async () => {
    await initBackend();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'textgen-train-'));
    tensorsBefore = tf.memory().numTensors;
    r = await trainCharLm({ outDir: dir, ...SMALL });
    lm = await loadCharLm(r.model);
  }, 300_000);
  afterAll(() => {
    lm?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('beats the bigram and unigram baselines on the same validation characters, and the loss drops', () => {
    expect(r).toMatchObject({ task: 'textgen', kind: 'lines', trainItems: 7580, validationItems: 842, vocabSize: 29 });
    // Names average ~6 letters, plus one end marker each.
    expect(r.validationCharacters).toBeGreaterThan(842 * 6);
    expect(r.bigramPerplexity).toBeGreaterThan(10);
    expect(r.bigramPerplexity).toBeLessThan(r.unigramPerplexity);
    // Measured: 9.116 against the bigram's 11.458 (20% below), so even this short run meets the 15% target.
    expect(r.valPerplexity).toBeLessThan(0.85 * r.bigramPerplexity);
    expect(r.losses[1].loss).toBeLessThan(r.losses[0].loss);
    expect(r.losses[1].valLoss!).toBeLessThan(r.losses[0].valLoss!);
    // The Trainer's valLoss (mean of per-batch means) is close to, but not exactly, the per-character mean.
    expect(Math.abs(Math.log(r.valPerplexity) - r.losses[1].valLoss!)).toBeLessThan(0.05);
  });

  it('leaks no tensor while training and writes a model that reloads with the same perplexity', async () => {
    expect(tf.memory().numTensors - tensorsBefore).toBe(lm.model.weights.length); // only the reloaded model's weights
    const meta = JSON.parse(fs.readFileSync(path.join(r.model, 'textgen.json'), 'utf8'));
    expect(meta).toMatchObject({
      format: 'dlkit-textgen',
      kind: 'lines',
      lowercase: true,
      training: { corpus: 'names', seed: 1, epochs: 2 },
    });
    expect(JSON.parse(fs.readFileSync(path.join(r.model, 'training-items.json'), 'utf8')).length).toBe(7580);
    expect(fs.existsSync(path.join(r.checkpoint, 'state.json'))).toBe(true);
    // Recompute on the saved split: the validation items are the names not in training-items.json.
    const { loadNames } = await import('./corpus');
    const validation = loadNames().filter((n) => !lm.trainingItems.has(n));
    expect(validation.length).toBe(842);
    const ppl = Math.exp(meanNll(lm.model, encodeItems(validation, lm.vocab, 'lines')));
    expect(ppl).toBeCloseTo(r.valPerplexity, 4);
  });

  it('samples reproducibly: same seed, same samples; sample i does not depend on n', () => {
    const a = sampleCharLm(lm, { n: 10, seed: 5 });
    expect(sampleCharLm(lm, { n: 10, seed: 5 })).toEqual(a);
    expect(sampleCharLm(lm, { n: 10, seed: 6 }).samples).not.toEqual(a.samples);
    expect(sampleCharLm(lm, { n: 4, seed: 5 }).samples).toEqual(a.samples.slice(0, 4));
    expect(a.samples.every((s) => /^[a-z-]+$/.test(s))).toBe(true);
  });

  it('at temperature 1, at least 80% of 100 samples are new names', () => {
    const { samples, novel } = sampleCharLm(lm, { n: 100, temperature: 1, seed: 1 });
    expect(samples).toHaveLength(100);
    expect(novel).toBe(samples.filter((s) => !lm.trainingItems.has(s)).length / 100);
    expect(novel).toBeGreaterThanOrEqual(0.8);
  });

  it('continues a prefix (lowercased like the corpus); greedy sampling equals top-1', () => {
    const { samples } = sampleCharLm(lm, { n: 8, prefix: 'Mar', seed: 2 });
    expect(samples.every((s) => s.startsWith('mar'))).toBe(true);
    const greedy = sampleCharLm(lm, { n: 3, temperature: 0, seed: 1 }).samples;
    expect(new Set(greedy).size).toBe(1);
    expect(sampleCharLm(lm, { n: 3, topK: 1, seed: 9 }).samples).toEqual(greedy);
    expect(sampleCharLm(lm, { n: 5, maxLength: 3, seed: 1 }).samples.every((s) => s.length <= 3)).toBe(true);
  });

  it('names an unknown prefix character, and bad options', () => {
    expect(() => sampleCharLm(lm, { prefix: 'jo7' })).toThrow('unknown token "7" in the prefix');
    expect(() => sampleCharLm(lm, { prefix: 'a\nb' })).toThrow(/line break/);
    expect(() => sampleCharLm(lm, { temperature: -1 })).toThrow(/temperature/);
    expect(() => sampleCharLm(lm, { n: 0 })).toThrow(/n must be a positive integer/);
  });

  it('leaks no tensor while sampling', async () => {
    await expectNoLeak(() => sampleCharLm(lm, { n: 5, prefix: 'a', seed: 3 }));
  });

  it('names the directory and what it expected when the model is missing', async () => {
    const missing = path.join(dir, 'nothing-here');
    await expect(loadCharLm(missing)).rejects.toThrow(`model directory not found: ${missing}`);
    await expect(loadCharLm(dir)).rejects.toThrow(
      /textgen\.json: not found \(expected the output of "dlkit textgen train"/,
    );
  });
});
