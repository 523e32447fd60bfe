import * as tf from '@tensorflow/tfjs';
import { initBackend, Rng } from '@dlkit/core';
import { expectNoLeak } from '@dlkit/core/testing';
import { bertConfig } from './bert-config';
import { buildBertEncoder } from './bert-encoder';
import { bertMlmTrainingModel, MlmHead } from './bert-heads';
import { MLM_IGNORE_LABEL, MlmDataset } from './mlm-dataset';
import { maskedAccuracy, maskedLmLoss, unigramBaseline } from './mlm-loss';
import { maskingUnits, maskTokens, packSentences, wordPieceMasking } from './mlm-masking';
import { WordPieceTokenizer } from '../tokenizers/wordpiece';

const masking = { maskId: 4, vocabSize: 100, specialIds: [0, 1, 2, 3, 4] };

beforeAll(() => initBackend());

describe('masked-LM data', () => {
  it('chooses ~15 % of ordinary tokens, then 80 % [MASK], 10 % random, 10 % kept', () => {
    const rng = new Rng(1);
    const ids = [2, ...Array.from({ length: 200 }, (_, i) => 5 + (i % 90)), 3];
    let chosen = 0;
    const kinds = { mask: 0, random: 0, kept: 0 };
    for (let r = 0; r < 200; r++) {
      const m = maskTokens(ids, rng, masking);
      expect(m.positions.every((p) => p > 0 && p < ids.length - 1)).toBe(true); // never [CLS]/[SEP]
      expect(m.labels).toEqual(m.positions.map((p) => ids[p]));
      chosen += m.positions.length;
      for (const p of m.positions) {
        const got = m.input[p];
        if (got === 4) kinds.mask++;
        else if (got === ids[p]) kinds.kept++;
        else {
          kinds.random++;
          expect(got).toBeGreaterThanOrEqual(5);
        }
      }
    }
    expect(chosen / (200 * 200)).toBeCloseTo(0.15, 2);
    expect(kinds.mask / chosen).toBeCloseTo(0.8, 1);
    expect(kinds.random / chosen).toBeCloseTo(0.1 - 0.1 / 95, 1); // a random draw may hit the original
    expect(kinds.kept / chosen).toBeCloseTo(0.1, 1);
    expect(maskTokens([2, 9, 3], new Rng(2), masking).positions).toEqual([1]); // at least one target
  });

  it('masks whole words: every piece of a chosen word together, never a continuation piece alone', () => {
    // 10 = "Ts", 11 = "##wa", 12 = "##na", 20 = "speaks": [CLS] speaks Ts ##wa ##na speaks Ts ##wa ##na [SEP]
    const ids = [2, 20, 10, 11, 12, 20, 10, 11, 12, 3];
    const wholeWords = { ...masking, continuationIds: [11, 12] };
    expect(maskingUnits(ids, new Set(masking.specialIds), [11, 12])).toEqual([[1], [2, 3, 4], [5], [6, 7, 8]]);
    expect(maskingUnits([2, 11, 12, 3], new Set(masking.specialIds), [11, 12])).toEqual([[1, 2]]); // after a special: a word
    const rng = new Rng(3);
    let words = 0;
    for (let r = 0; r < 2000; r++) {
      const m = maskTokens(ids, rng, wholeWords);
      expect(m.positions.length).toBeGreaterThan(0);
      expect(m.labels).toEqual(m.positions.map((p) => ids[p]));
      for (const start of [2, 6]) {
        const chosen = [start, start + 1, start + 2].filter((p) => m.positions.includes(p)).length;
        expect([0, 3]).toContain(chosen); // all three pieces or none
        if (chosen === 3) words++;
      }
    }
    // each of the 4 words with 15 %, plus a quarter of the 0.85^4 sequences where none was (at least one target)
    expect(words / 4000).toBeCloseTo(0.15 + 0.85 ** 4 / 4, 1);
  });

  it("joins a WordPiece vocabulary's ## pieces to their words with wholeWords", () => {
    const tok = WordPieceTokenizer.fromVocab(
      ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'speaks', 'Ts', '##wa', '##na'],
      { lowercase: false },
    );
    const ids = tok.encode('speaks Tswana').ids; // [CLS] speaks Ts ##wa ##na [SEP]
    const { masking: whole } = wordPieceMasking(tok, { wholeWords: true });
    expect(whole.continuationIds).toEqual([7, 8]);
    expect(wordPieceMasking(tok).masking.continuationIds).toBeUndefined();
    expect(maskingUnits(ids, new Set(whole.specialIds), whole.continuationIds)).toEqual([[1], [2, 3, 4]]);
  });

  it('packs sentences into [CLS] a [SEP] b [SEP] sequences of at most maxLength', () => {
    const packed = packSentences([[5, 6], [7], [8, 9, 10, 11, 12, 13, 14], []], { maxLength: 6, clsId: 2, sepId: 3 });
    expect(packed).toEqual([
      [2, 5, 6, 3, 7, 3],
      [2, 8, 9, 10, 11, 3],
    ]);
  });

  it('masks each example by (seed, epoch, index): the same in any batch, new each epoch', () => {
    const seqs = Array.from({ length: 6 }, (_, i) => [
      2,
      ...Array.from({ length: 20 }, (_, j) => 5 + ((i * 7 + j) % 90)),
      3,
    ]);
    const ds = new MlmDataset(seqs, { seed: 1, masking });
    const a = ds.masked(3);
    const b = ds.batch([5, 3]);
    const [ids, mask, types, positions] = b.x as tf.Tensor[];
    expect((ids.arraySync() as number[][])[1]).toEqual(a.input);
    expect((positions.arraySync() as number[][])[1].slice(0, a.positions.length)).toEqual(a.positions);
    const labels = (b.y.arraySync() as number[][])[1];
    expect(labels.slice(0, a.labels.length)).toEqual(a.labels);
    expect(labels.slice(a.labels.length).every((l) => l === MLM_IGNORE_LABEL)).toBe(true);
    expect(mask.sum().dataSync()[0]).toBe(44);
    expect(types.sum().dataSync()[0]).toBe(0);
    tf.dispose([b.x, b.y].flat());
    ds.setEpoch(1);
    expect(ds.masked(3)).not.toEqual(a);
    ds.setEpoch(0);
    expect(ds.masked(3)).toEqual(a);
  });

  it('scores the unigram baseline as the share of the most frequent training token', () => {
    expect(unigramBaseline([[2, 7, 7, 8, 3]], [7, 8, 7, 9], masking.specialIds)).toEqual({ token: 7, accuracy: 0.5 });
  });
});

describe('masked-LM loss and training step', () => {
  it('is the mean cross-entropy over the real masked positions', () => {
    const logits = tf.tensor3d([
      [
        [2, 0, 0],
        [0, 1, 0],
      ],
    ]); // [1, 2, 3]
    const loss = maskedLmLoss(tf.tensor2d([[0, MLM_IGNORE_LABEL]], undefined, 'int32'), logits);
    expect(loss.dataSync()[0]).toBeCloseTo(-Math.log(Math.exp(2) / (Math.exp(2) + 2)), 5);
    tf.dispose([logits, loss]);
  });

  it('trains without leaking tensors and the loss falls on a repeated batch', async () => {
    // Slow (~2-4 s on a shared machine): 25 training steps of a one-layer BERT
    const seqs = Array.from({ length: 8 }, (_, i) => [
      2,
      ...Array.from({ length: 12 }, (_, j) => 5 + ((i + j) % 20)),
      3,
    ]);
    const ds = new MlmDataset(seqs, { seed: 1, masking: { ...masking, vocabSize: 30 } });
    const encoder = buildBertEncoder(
      bertConfig({ vocabSize: 30, hiddenSize: 16, numHeads: 2, intermediateSize: 32, numLayers: 1 }),
    );
    const model = bertMlmTrainingModel(encoder, new MlmHead(encoder));
    const optimizer = tf.train.adam(1e-2);
    const b = ds.batch([0, 1, 2, 3, 4, 5, 6, 7]);
    const step = () =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() =>
          maskedLmLoss(b.y, model.apply(b.x, { training: true }) as tf.Tensor),
        );
        optimizer.applyGradients(grads);
        return value.dataSync()[0];
      });
    const first = step();
    await expectNoLeak(step, 3);
    for (let i = 0; i < 20; i++) step();
    expect(step()).toBeLessThan(first * 0.7);
    expect(maskedAccuracy(model, ds, 4).count).toBeGreaterThan(0);
    tf.dispose([b.x, b.y].flat());
    optimizer.dispose();
    model.dispose();
  }, 15000);
});
