import { characterErrorRate, exactMatch, levenshtein } from './translation-metrics';

describe('translation metrics', () => {
  it('levenshtein: worked examples', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3); // k→s, e→i, +g
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', '')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2); // −f, +n
    expect(levenshtein('vingt et un', 'vingt-et-un')).toBe(2);
    expect(levenshtein('fünf', 'funf')).toBe(1); // by code point: ü is one character
    expect(levenshtein('same', 'same')).toBe(0);
  });

  it('CER = Σ distance / Σ reference length; exact match = share of equal strings', () => {
    const refs = ['quatre cent douze', 'mille', 'deux'];
    const outs = ['quatre cent douse', 'mil', 'deux'];
    // 1 substitution + 2 deletions + 0, over 17 + 5 + 4 = 26 reference characters
    expect(characterErrorRate(outs, refs)).toBeCloseTo(3 / 26, 12);
    expect(exactMatch(outs, refs)).toBeCloseTo(1 / 3, 12);
    expect(characterErrorRate(['abcdef'], ['ab'])).toBe(2); // can exceed 1: 4 insertions over 2 characters
    expect(characterErrorRate([''], [''])).toBe(0);
    expect(() => exactMatch(['a'], [])).toThrow('1 outputs for 0 references');
    expect(() => characterErrorRate([], [])).toThrow('metrics need at least one reference');
  });
});
