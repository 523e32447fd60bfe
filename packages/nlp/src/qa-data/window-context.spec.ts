import { wordTokens } from '../text/word-tokenizer';
import { answerTokenSpan, windowContext } from './window-context';

const tokens = (n: number) => Array.from({ length: n }, (_, i) => ({ start: 2 * i, end: 2 * i + 1 })); // "a b c ..."

describe('windowContext (Hugging Face overflowing tokens with a stride)', () => {
  test('windows of maxLen tokens overlapping by stride; the last one ends at the last token', () => {
    const spans = (n: number, maxLen: number, stride: number) =>
      windowContext(tokens(n), maxLen, stride).map((w) => [w.tokenStart, w.tokenEnd]);
    expect(spans(10, 4, 1)).toEqual([[0, 4], [3, 7], [6, 10]]); // prettier-ignore
    expect(spans(11, 4, 1)).toEqual([[0, 4], [3, 7], [6, 10], [9, 11]]); // prettier-ignore
    expect(spans(7, 4, 2)).toEqual([[0, 4], [2, 6], [4, 7]]); // prettier-ignore
    expect(spans(6, 3, 0)).toEqual([[0, 3], [3, 6]]); // prettier-ignore
    expect(spans(3, 8, 4)).toEqual([[0, 3]]);
  });
  test('char ranges cover the windows; every token is in some window', () => {
    const text = 'The capital of Peru is Lima, and its currency is the sol.';
    const words = wordTokens(text);
    const windows = windowContext(words, 5, 2);
    for (const w of windows) {
      expect(w.charStart).toBe(words[w.tokenStart].start);
      expect(w.charEnd).toBe(words[w.tokenEnd - 1].end);
    }
    const covered = new Set(
      windows.flatMap((w) => Array.from({ length: w.tokenEnd - w.tokenStart }, (_, i) => w.tokenStart + i)),
    );
    expect(covered.size).toBe(words.length);
  });
  test('answerTokenSpan: window-relative token span when the answer is wholly inside, else null', () => {
    const text = 'The capital of Peru is Lima, and its currency is the sol.';
    const words = wordTokens(text);
    const [w0, w1] = windowContext(words, 6, 2); // tokens 0-5, 4-9
    const lima = { start: text.indexOf('Lima'), end: text.indexOf('Lima') + 4 };
    expect(answerTokenSpan(words, w0, lima)).toEqual({ start: 5, end: 5 });
    expect(answerTokenSpan(words, w1, lima)).toEqual({ start: 1, end: 1 });
    const peruIsLima = { start: text.indexOf('Peru'), end: lima.end }; // tokens 3-5
    expect(answerTokenSpan(words, w0, peruIsLima)).toEqual({ start: 3, end: 5 });
    expect(answerTokenSpan(words, w1, peruIsLima)).toBeNull();
  });
  test('bad arguments and an empty context are errors', () => {
    expect(() => windowContext(tokens(3), 0, 0)).toThrow(/maxLen must be a positive integer, got 0/);
    expect(() => windowContext(tokens(3), 4, 4)).toThrow(/stride must be an integer in \[0, maxLen = 4\), got 4/);
    expect(() => windowContext([], 4, 1)).toThrow(/empty context/);
  });
});
