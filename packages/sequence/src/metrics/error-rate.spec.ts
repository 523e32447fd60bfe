import { cer, editDistance, errorRate, exactMatch, wer, words } from './error-rate';

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3], // k→s, e→i, +g
    ['HELLO', 'HELO', 1], // the collapsed double letter
    ['', 'abc', 3],
    ['abc', '', 3],
    ['flaw', 'lawn', 2],
    ['same', 'same', 0],
  ])('%s vs %s = %d', (a, b, d) => {
    expect(editDistance([...a], [...b])).toBe(d);
    expect(editDistance([...b], [...a])).toBe(d);
  });

  it('works on any tokens: ids and words', () => {
    expect(editDistance([1, 2, 3], [1, 3])).toBe(1);
    expect(editDistance(['the', 'cat', 'sat'], ['a', 'cat', 'sat', 'down'])).toBe(2);
  });
});

describe('pooled error rates', () => {
  it('CER: total edits / total reference characters', () => {
    expect(cer(['HELO WORLD'], ['HELLO WORLD'])).toBeCloseTo(1 / 11, 12);
    // 1 edit in "HELLO" (5) + 2 in "ab"→"xy" (2): 3 / 7, not the mean of 1/5 and 2/2
    expect(cer(['HELO', 'xy'], ['HELLO', 'ab'])).toBeCloseTo(3 / 7, 12);
  });

  it('WER: over whitespace-separated words', () => {
    expect(wer(['the cat sat', 'a dog'], ['the cat sat down', 'a dog'])).toBeCloseTo(1 / 6, 12);
    expect(wer(['hello  world '], ['hello world'])).toBe(0);
    expect(wer(['helo world'], ['hello world'])).toBe(0.5);
    expect(words('  a  b ')).toEqual(['a', 'b']);
  });

  it('edge cases: empty references, mismatched counts', () => {
    expect(errorRate([[]], [[]])).toBe(0);
    expect(errorRate([['x']], [[]])).toBe(Infinity);
    expect(cer(['abcdef'], ['ab'])).toBe(2); // can exceed 1
    expect(() => wer(['a'], ['a', 'b'])).toThrow('errorRate: 1 hypotheses for 2 references');
  });
});

describe('translation metrics (by code point)', () => {
  const ed = (a: string, b: string) => editDistance([...a], [...b]);
  it('edit distance: worked examples', () => {
    expect(ed('kitten', 'sitting')).toBe(3); // k→s, e→i, +g
    expect(ed('', 'abc')).toBe(3);
    expect(ed('abc', '')).toBe(3);
    expect(ed('flaw', 'lawn')).toBe(2); // −f, +n
    expect(ed('vingt et un', 'vingt-et-un')).toBe(2);
    expect(ed('fünf', 'funf')).toBe(1); // by code point: ü is one character
    expect(ed('same', 'same')).toBe(0);
  });

  it('CER = Σ distance / Σ reference length; exact match = share of equal strings', () => {
    const refs = ['quatre cent douze', 'mille', 'deux'];
    const outs = ['quatre cent douse', 'mil', 'deux'];
    // 1 substitution + 2 deletions + 0, over 17 + 5 + 4 = 26 reference characters
    expect(cer(outs, refs)).toBeCloseTo(3 / 26, 12);
    expect(exactMatch(outs, refs)).toBeCloseTo(1 / 3, 12);
    expect(cer(['abcdef'], ['ab'])).toBe(2); // can exceed 1: 4 insertions over 2 characters
    expect(cer([''], [''])).toBe(0);
    expect(() => exactMatch(['a'], [])).toThrow('1 outputs for 0 references');
    expect(() => exactMatch([], [])).toThrow('needs at least one reference');
  });
});
