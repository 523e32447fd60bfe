import { buildVocabulary, encodeCorpus } from './corpus-vocabulary';

describe('buildVocabulary', () => {
  const sentences = [
    ['b', 'a', 'c', 'a'],
    ['c', 'b', 'a', 'd'],
  ];

  it('keeps words seen minCount times, most frequent first, ties in code-point order', () => {
    const v = buildVocabulary(sentences, { minCount: 2 });
    expect(v.words).toEqual(['a', 'b', 'c']);
    expect(v.counts).toEqual([3, 2, 2]);
    expect(v.index.get('c')).toBe(2);
    expect(v.totalTokens).toBe(8);
  });

  it('encodes sentences as ids without out-of-vocabulary tokens', () => {
    const v = buildVocabulary(sentences, { minCount: 2 });
    const e = encodeCorpus([...sentences, ['d']], v);
    expect([...e.ids]).toEqual([1, 0, 2, 0, 2, 1, 0]);
    expect([...e.sentenceStarts]).toEqual([0, 4, 7]);
  });

  it('rejects an empty corpus and a corpus with no word above the cut-off', () => {
    expect(() => buildVocabulary([])).toThrow('the corpus is empty');
    expect(() => buildVocabulary(sentences, { minCount: 4 })).toThrow('no word occurs at least minCount=4 times');
    expect(() => buildVocabulary(sentences, { minCount: 0 })).toThrow('minCount must be a positive integer, got 0');
  });
});
