import { GENDER_PAIRS, GRAMMATICAL_PAIRS, analogyQuestions, capitalPairs } from './analogy-sets';
import { synsetLemmas, wordnetSynonymPairs } from './synonym-pairs';

describe('evaluation sets', () => {
  it('builds country → capital pairs from countries-list and world-countries, single tokens only', () => {
    const pairs = new Map(capitalPairs());
    expect(pairs.get('france')).toBe('paris');
    expect(pairs.get('japan')).toBe('tokyo');
    expect(pairs.has('united')).toBe(false); // "United Kingdom" is two tokens
    expect(pairs.size).toBeGreaterThan(100);
  });

  it('makes every ordered couple of distinct pairs a question', () => {
    expect(
      analogyQuestions([
        ['man', 'woman'],
        ['king', 'queen'],
        ['him', 'her'],
        ['his', 'her'],
      ]),
    ).toEqual([
      ['man', 'woman', 'king', 'queen'],
      ['man', 'woman', 'him', 'her'],
      ['man', 'woman', 'his', 'her'],
      ['king', 'queen', 'man', 'woman'],
      ['king', 'queen', 'him', 'her'],
      ['king', 'queen', 'his', 'her'],
      ['him', 'her', 'man', 'woman'],
      ['him', 'her', 'king', 'queen'],
      ['his', 'her', 'man', 'woman'],
      ['his', 'her', 'king', 'queen'],
    ]);
    expect(GENDER_PAIRS.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(GRAMMATICAL_PAIRS)).toEqual(['plural', 'pastTense', 'comparative', 'adverb']);
  });

  it('reads WordNet synsets into synonym pairs of single-word lemmas', () => {
    expect(synsetLemmas('02961779 06 n 02 car 0 auto 0 003 @ 02960501 n 0000 | a motor vehicle')).toEqual([
      'car',
      'auto',
    ]);
    expect(synsetLemmas('00001740 00 a 01 able(a) 0 005 | (usually followed')).toEqual(['able']);
    const pairs = wordnetSynonymPairs();
    const keys = new Set(pairs.map(([a, b]) => `${a} ${b}`));
    expect(keys.has('automobile car')).toBe(true);
    expect(pairs.length).toBeGreaterThan(50000);
  });
});
