import { WordVectors } from './word-vectors';
import { analogyAccuracy, evaluateEmbeddings, rocAuc, synonymAuc } from './evaluate-embeddings';

describe('evaluateEmbeddings', () => {
  it('computes ROC AUC as the Mann-Whitney statistic, ties counting half', () => {
    expect(rocAuc([3, 4], [1, 2])).toBe(1);
    expect(rocAuc([1], [2])).toBe(0);
    expect(rocAuc([1, 3], [2, 2])).toBe(0.5);
    expect(rocAuc([2], [2])).toBe(0.5);
  });

  // man/woman along y, royal along x: man : woman :: king : queen holds, the swapped pair does not
  const vectors = new WordVectors(
    ['man', 'woman', 'king', 'queen', 'car', 'auto', 'tree'],
    Float32Array.from([1, 0, 0, 1, 0, 0, 3, 0, 0, 3, 1, 0, 0, 0, 5, 0, 0.1, 5, -1, -1, 0]),
    3,
  );

  it('scores analogy questions with all four words known, the rest left out', () => {
    const score = analogyAccuracy(vectors, [
      ['man', 'woman', 'king', 'queen'],
      ['king', 'queen', 'man', 'woman'],
      ['man', 'woman', 'king', 'prince'],
    ]);
    expect(score).toEqual({ accuracy: 1, questions: 2 });
    expect(analogyAccuracy(vectors, [['a', 'b', 'c', 'd']])).toEqual({ accuracy: null, questions: 0 });
  });

  it('scores synonyms above random pairs of the same words', () => {
    const r = synonymAuc(vectors, [
      ['auto', 'car'],
      ['man', 'tree'],
    ]);
    expect(r.pairs).toBe(2);
    expect(r.auc).toBeGreaterThan(0.4);
    expect(synonymAuc(vectors, [['x', 'y']])).toEqual({ auc: null, pairs: 0 });
  });

  it('returns {capitals, gender, grammatical, synonymAuc} with the counts scored', () => {
    const s = evaluateEmbeddings(vectors, {
      capitalPairs: [['car', 'auto']],
      synonymPairs: [
        ['auto', 'car'],
        ['king', 'queen'],
      ],
    });
    expect(s).toEqual({
      capitals: null,
      gender: 1,
      grammatical: null,
      synonymAuc: expect.any(Number),
      counts: { capitals: 0, gender: 2, grammatical: 0, synonymPairs: 2 },
    });
  });
});
