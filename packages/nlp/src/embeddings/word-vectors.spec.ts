import { WordVectors } from './word-vectors';

// 2-D vectors where the analogies hold by construction: gender along y, royalty along x.
const words = ['man', 'woman', 'king', 'queen', 'apple'];
const vectors = Float32Array.from([1, 0, 1, 1, 3, 0, 3, 1, -1, -5]);
const wv = new WordVectors(words, vectors, 2);

describe('WordVectors', () => {
  it('computes cosine similarity', () => {
    expect(wv.similarity('man', 'king')).toBeCloseTo(1, 6);
    expect(wv.similarity('man', 'woman')).toBeCloseTo(1 / Math.SQRT2, 6);
  });

  it('finds nearest neighbours of a word (itself excluded) or of a vector', () => {
    expect(wv.nearest('man', { k: 2 }).map((s) => s.word)).toEqual(['king', 'queen']);
    expect(wv.nearest(Float32Array.from([0, -1]), { k: 1 })[0].word).toBe('apple');
    expect(wv.nearest('man', { k: 1, exclude: ['king'] })[0].word).toBe('queen');
  });

  it('answers man : king :: woman : ? with 3CosAdd and 3CosMul, question words excluded', () => {
    // b - a + c = (3,0) - (1,0) + (1,1) = (3,1): queen; king itself would also score high
    expect(wv.analogy('man', 'king', 'woman')[0].word).toBe('queen');
    expect(wv.analogy('man', 'king', 'woman', { method: 'mul' })[0].word).toBe('queen');
    expect(wv.analogy('man', 'king', 'woman', { k: 5 }).map((s) => s.word)).toEqual(['queen', 'apple']);
  });

  it('names unknown words and bad shapes', () => {
    expect(() => wv.similarity('man', 'pear')).toThrow("unknown word 'pear' (not among the 5 words");
    expect(() => new WordVectors(['a'], new Float32Array(3), 2)).toThrow('expected 1 × 2 = 2 values, got 3');
    expect(() => new WordVectors(['a', 'a'], new Float32Array(4), 2)).toThrow("duplicate word 'a' at rows 0 and 1");
  });

  it('normalizes rows to unit length, zero rows staying zero', () => {
    const n = new WordVectors(['a', 'z'], Float32Array.from([3, 4, 0, 0]), 2).normalized();
    expect([...n.vectors]).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6), 0, 0]);
  });
});
