import { Rng } from '@dlkit/core';
import { tinyWordPiece } from './__fixtures__/tiny-word-piece';
import { maskEntitySubwords } from './entity-masking';
import { encodeNerSentence, NerDataset } from './ner-dataset';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
// "ada lee met in lima" → [CLS] ada lee met in li ##ma [SEP]; ids: [CLS] 2, [MASK] 4, words from 5
const tokenizer = tinyWordPiece(['ada', 'lee', 'met', 'in', 'li', '##ma']);
const sentence = { tokens: ['ada', 'lee', 'met', 'in', 'lima'], tags: ['B-PER', 'I-PER', 'O', 'O', 'B-LOC'] };
const MASK = 4;

describe('maskEntitySubwords', () => {
  const encoded = encodeNerSentence(sentence, tokenizer, LABELS, 16);

  test('rate 1 masks every sub-word of every entity and keeps the labels; rate 0 changes nothing', () => {
    expect(encoded.encoding.ids).toEqual([2, 5, 6, 7, 8, 9, 10, 3]);
    const all = maskEntitySubwords([encoded], [sentence.tags], MASK, 1, new Rng(1));
    expect(all.masked).toBe(2);
    expect(all.sentences[0].encoding.ids).toEqual([2, MASK, MASK, 7, 8, MASK, MASK, 3]);
    expect(all.sentences[0].encoding.tokens).toEqual([
      '[CLS]',
      '[MASK]',
      '[MASK]',
      'met',
      'in',
      '[MASK]',
      '[MASK]',
      '[SEP]',
    ]);
    expect(all.sentences[0].labels).toEqual(encoded.labels);
    expect(encoded.encoding.ids).toEqual([2, 5, 6, 7, 8, 9, 10, 3]); // the input is not changed
    const none = maskEntitySubwords([encoded], [sentence.tags], MASK, 0, new Rng(1));
    expect(none).toEqual({ sentences: [encoded], masked: 0 });
  });

  test('each entity is chosen on its own, with the rate, whole or not at all', () => {
    const n = 2000;
    const { sentences, masked } = maskEntitySubwords(
      Array(n).fill(encoded),
      Array(n).fill(sentence.tags),
      MASK,
      0.3,
      new Rng(7),
    );
    expect(masked / (2 * n)).toBeCloseTo(0.3, 1);
    const person = sentences.filter((s) => s.encoding.ids[1] === MASK);
    const place = sentences.filter((s) => s.encoding.ids[5] === MASK);
    expect(person.every((s) => s.encoding.ids[2] === MASK)).toBe(true);
    expect(place.every((s) => s.encoding.ids[6] === MASK)).toBe(true);
    expect(sentences.every((s) => s.encoding.ids[3] === 7 && s.encoding.ids[4] === 8)).toBe(true);
    const both = sentences.filter((s) => s.encoding.ids[1] === MASK && s.encoding.ids[5] === MASK).length;
    expect(both / n).toBeCloseTo(0.09, 1); // independent draws: 0.3 × 0.3
  });

  test('bad rates and mismatched tag rows are errors', () => {
    expect(() => maskEntitySubwords([encoded], [sentence.tags], MASK, 1.5, new Rng(1))).toThrow(
      /rate must be in \[0, 1\]/,
    );
    expect(() => maskEntitySubwords([encoded], [], MASK, 0.5, new Rng(1))).toThrow(/1 sentences but 0 tag rows/);
  });

  test("NerDataset's entityMaskRate masks the training sentences, seeded", () => {
    const many = Array(50).fill(sentence);
    const a = new NerDataset(many, tokenizer, LABELS, { maxLength: 16, entityMaskRate: 0.5, seed: 3 });
    const b = new NerDataset(many, tokenizer, LABELS, { maxLength: 16, entityMaskRate: 0.5, seed: 3 });
    const ids = (d: NerDataset) => d.encoded.map((e) => e.encoding.ids);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).some((r) => r.includes(MASK))).toBe(true);
    expect(ids(a).some((r) => !r.includes(MASK))).toBe(true);
    const plain = new NerDataset(many, tokenizer, LABELS, { maxLength: 16 });
    expect(ids(plain).every((r) => !r.includes(MASK))).toBe(true);
  });
});
