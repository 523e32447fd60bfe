import { UnknownTokenError, Vocabulary } from './vocabulary';

describe('Vocabulary', () => {
  it('puts specials first, then the sorted distinct tokens', () => {
    const v = Vocabulary.fromCorpus(['bob', 'anna'], { specials: ['<pad>', '\n'] });
    expect(v.tokens).toEqual(['<pad>', '\n', 'a', 'b', 'n', 'o']);
    expect(v.encode('nab')).toEqual([4, 2, 3]);
    expect(v.decode([5, 3]).join('')).toBe('ob');
  });

  it('names an unknown token and where it came from', () => {
    const v = Vocabulary.fromCorpus(['ab']);
    expect(() => v.encode('abz', 'the prefix')).toThrow(UnknownTokenError);
    expect(() => v.encode('abz', 'the prefix')).toThrow('unknown token "z" in the prefix');
    expect(() => v.token(9)).toThrow(/outside the vocabulary/);
  });

  it('round-trips through JSON and rejects duplicates', () => {
    const v = Vocabulary.fromCorpus(['xyz']);
    expect(Vocabulary.fromJSON(JSON.parse(JSON.stringify(v))).tokens).toEqual(v.tokens);
    expect(() => new Vocabulary(['a', 'a'])).toThrow(/duplicate/);
  });
});

describe('Vocabulary options for word-level models', () => {
  const corpus = [
    ['the', 'cat', 'sat'],
    ['the', 'dog', 'sat'],
    ['the', 'cat', 'ran'],
  ];

  it('maps unknown tokens to the unknown token, placed after the specials', () => {
    const v = Vocabulary.fromCorpus(corpus, { specials: ['[PAD]'], unknownToken: '[UNK]' });
    expect(v.tokens.slice(0, 2)).toEqual(['[PAD]', '[UNK]']);
    expect(v.unknownToken).toBe('[UNK]');
    expect(v.encode(['the', 'cow'])).toEqual([v.id('the'), 1]);
    expect(Vocabulary.fromJSON(JSON.parse(JSON.stringify(v))).encode(['cow'])).toEqual([1]);
  });

  it('keeps the unknown token where the specials put it, and rejects one missing from the tokens', () => {
    const v = Vocabulary.fromCorpus(corpus, { specials: ['[UNK]', '[PAD]'], unknownToken: '[UNK]' });
    expect(v.unknownId).toBe(0);
    expect(() => new Vocabulary(['a'], { unknownToken: '<unk>' })).toThrow(/"<unk>" is not one of/);
  });

  it('drops tokens below minCount (counted over the whole corpus)', () => {
    const v = Vocabulary.fromCorpus(corpus, { unknownToken: '<unk>', minCount: 2 });
    expect(v.tokens).toEqual(['<unk>', 'cat', 'sat', 'the']); // dog, ran seen once
    expect(v.decode(v.encode(['dog', 'cat']))).toEqual(['<unk>', 'cat']);
  });

  it('maxSize keeps the most frequent tokens (ties by token), specials included in the size', () => {
    const v = Vocabulary.fromCorpus(corpus, { specials: ['<pad>'], unknownToken: '<unk>', maxSize: 4 });
    // counts: the 3, cat 2, sat 2, dog 1, ran 1 -> the, cat
    expect(v.tokens).toEqual(['<pad>', '<unk>', 'cat', 'the']);
    expect(() => Vocabulary.fromCorpus(corpus, { specials: ['<pad>'], maxSize: 1 })).toThrow(/maxSize/);
  });

  it('an empty corpus, or one with nothing above the cut-off, is an error that says which', () => {
    expect(() => Vocabulary.fromCorpus([], { unknownToken: '<unk>' })).toThrow(/the corpus has no tokens/);
    expect(() => Vocabulary.fromCorpus(corpus, { minCount: 4 })).toThrow(
      /none of its 5 distinct tokens occurs at least minCount=4 times/,
    );
    expect(() => Vocabulary.fromCorpus(corpus, { minCount: 0 })).toThrow(/minCount must be an integer/);
  });

  it('without an unknown token, unknown tokens stay errors (the character-model default)', () => {
    const v = Vocabulary.fromCorpus(corpus, { minCount: 2 });
    expect(() => v.encode(['dog'])).toThrow(UnknownTokenError);
  });
});
