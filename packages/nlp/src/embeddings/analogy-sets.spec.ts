import { GENDER_PAIRS, GRAMMATICAL_PAIRS, analogyQuestions, capitalPairs } from './analogy-sets';

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
});
