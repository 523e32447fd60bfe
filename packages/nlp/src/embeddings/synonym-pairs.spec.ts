import { synsetLemmas, wordnetSynonymPairs } from './synonym-pairs';

describe('WordNet synonym pairs', () => {
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
