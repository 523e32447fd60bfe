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
