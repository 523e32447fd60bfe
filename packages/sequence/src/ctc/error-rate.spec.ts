import { cer, editDistance, errorRate, wer, words } from './error-rate';

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
