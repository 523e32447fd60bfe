import { glossFields, glossPieces, splitGloss } from './wordnet-gloss-split';

describe('WordNet gloss splitting', () => {
  it('pairs each quote with the next one', () => {
    expect(glossPieces('a "b" c "d')).toEqual([
      { text: 'a ', quoted: false, closed: false },
      { text: 'b', quoted: true, closed: true },
      { text: ' c ', quoted: false, closed: false },
      { text: 'd', quoted: true, closed: false },
    ]);
  });
  it('splits fields at semicolons outside quotes, or keeps the definition whole for the corpus', () => {
    const gloss = 'young; small; "the cat sat; then ran" - Poe; "tiny"  ';
    expect(glossFields(gloss)).toEqual({
      definitions: ['young', 'small'],
      examples: ['the cat sat; then ran', 'tiny'],
    });
    expect(splitGloss(gloss)).toEqual(['young; small;   - Poe', 'the cat sat; then ran', 'tiny']);
  });
  it('keeps an unmatched quote in the text', () => {
    expect(glossFields('a; "b; c')).toEqual({ definitions: ['a'], examples: ['b; c'] });
    expect(splitGloss('a; "b; c')).toEqual(['a; "b; c']);
    expect(splitGloss('"" ; "x"')).toEqual(['x']);
  });
});
