import { tokenizeWords, wordTokens } from './word-tokenizer';

describe('wordTokens', () => {
  test('splits words, numbers and punctuation', () => {
    expect(tokenizeWords("Don't panic: 3.14 well-known, 1,000 items!")).toEqual([
      "Don't",
      'panic',
      ':',
      '3.14',
      'well-known',
      ',',
      '1,000',
      'items',
      '!',
    ]);
  });
  test('offsets index the original input, also when normalisation changes the text', () => {
    const input = '  Ｆish ﬁne Café—ok ';
    const tokens = wordTokens(input, { lowercase: true, stripAccents: true });
    expect(tokens.map((t) => t.text)).toEqual(['fish', 'fine', 'cafe', '—', 'ok']);
    expect(tokens.map((t) => input.slice(t.start, t.end))).toEqual(['Ｆish', 'ﬁne', 'Café', '—', 'ok']);
  });
  test('letters of any script; a combining mark stays inside its word (NFKC composes it)', () => {
    expect(tokenizeWords('naïve Ελλάδα 東京 e\u0301te')).toEqual(['naïve', 'Ελλάδα', '東京', '\u00e9te']);
  });
  test('empty and whitespace-only text give no tokens', () => {
    expect(wordTokens('')).toEqual([]);
    expect(wordTokens(' \n\t ')).toEqual([]);
  });
});
