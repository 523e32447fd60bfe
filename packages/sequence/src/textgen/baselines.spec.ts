import { NgramBaseline } from './baselines';
import { encodeItems, textgenVocabulary } from './sequences';

// Toy corpus worked by hand. Vocabulary: <pad>=0, \n=1, a=2, b=3; V = 3 predictable tokens.
// Training "ab" → targets a, b, \n (contexts \n, a, b); "b" → targets b, \n (contexts \n, b).
// Target counts: a 1, b 2, \n 2 (N = 5). Context totals: \n 2, a 1, b 2.
// Validation "ba" → targets b, a, \n with contexts \n, b, a.
const vocab = textgenVocabulary(['ab', 'b', 'ba'], 'lines');
const train = encodeItems(['ab', 'b'], vocab, 'lines');
const validation = encodeItems(['ba'], vocab, 'lines');

describe('NgramBaseline', () => {
  it('unigram, Laplace (k = 1): P(b) = 3/8, P(a) = 2/8, P(\\n) = 3/8 → perplexity (8/3 · 4 · 8/3)^(1/3)', () => {
    const m = NgramBaseline.fit(train, { order: 1, vocabSize: vocab.size });
    expect(m.prob(0, vocab.id('b'))).toBeCloseTo(3 / 8, 12);
    expect(m.perplexity(validation)).toBeCloseTo(Math.cbrt(256 / 9), 10); // 3.0529
  });

  it('bigram, Laplace: P(b|\\n) = 2/5, P(a|b) = 1/5, P(\\n|a) = 1/4 → perplexity 50^(1/3)', () => {
    const m = NgramBaseline.fit(train, { order: 2, vocabSize: vocab.size });
    expect(m.prob(vocab.id('\n'), vocab.id('b'))).toBeCloseTo(2 / 5, 12);
    expect(m.prob(vocab.id('b'), vocab.id('a'))).toBeCloseTo(1 / 5, 12);
    expect(m.prob(vocab.id('a'), vocab.id('\n'))).toBeCloseTo(1 / 4, 12);
    expect(m.perplexity(validation)).toBeCloseTo(Math.cbrt(50), 10); // 3.684
    expect(m.nll(validation).count).toBe(3); // 2 letters + the end marker
  });

  it('add-k with k = 0.5: P(b|\\n) = 1.5/3.5, P(a|b) = 0.5/3.5, P(\\n|a) = 0.5/2.5', () => {
    const m = NgramBaseline.fit(train, { order: 2, vocabSize: vocab.size, k: 0.5 });
    expect(m.perplexity(validation)).toBeCloseTo(Math.cbrt((3.5 / 1.5) * (3.5 / 0.5) * (2.5 / 0.5)), 10);
  });

  it('each distribution sums to 1 over the predictable tokens and never predicts padding', () => {
    const m = NgramBaseline.fit(train, { order: 2, vocabSize: vocab.size });
    for (let a = 1; a < vocab.size; a++) {
      let sum = 0;
      for (let c = 1; c < vocab.size; c++) sum += m.prob(a, c);
      expect(sum).toBeCloseTo(1, 12);
      expect(m.prob(a, 0)).toBe(0);
    }
  });

  it('rejects bad options and empty sets', () => {
    expect(() => NgramBaseline.fit(train, { order: 2, vocabSize: vocab.size, k: 0 })).toThrow(/k must be a positive/);
    expect(() => NgramBaseline.fit(train, { order: 3 as 2, vocabSize: vocab.size })).toThrow(/order must be 1 or 2/);
    expect(() => NgramBaseline.fit(train, { order: 1, vocabSize: vocab.size }).perplexity([])).toThrow(/empty/);
  });
});
