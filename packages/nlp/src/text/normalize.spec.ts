import { normalizeText, sentenceCase } from './normalize';

describe('normalizeText', () => {
  test('NFKC folds compatibility forms (full-width letters, ligatures, superscripts)', () => {
    expect(normalizeText('Ｈｅｌｌｏ ﬁne x²')).toBe('Hello fine x2');
  });
  test('keeps case and accents by default', () => {
    expect(normalizeText('Café Ñandú')).toBe('Café Ñandú');
  });
  test('lowercases and strips accents when asked', () => {
    expect(normalizeText('Café Ñandú Ÿ', { lowercase: true })).toBe('café ñandú ÿ');
    expect(normalizeText('Café Ñandú Ÿ', { lowercase: true, stripAccents: true })).toBe('cafe nandu y');
    expect(normalizeText('e\u0301', { stripAccents: true })).toBe('e'); // decomposed input too
  });
});

describe('sentenceCase', () => {
  it('upper-cases only a leading lower-case letter', () => {
    expect(sentenceCase('a city in northern Italy')).toBe('A city in northern Italy');
    expect(sentenceCase('élan vital')).toBe('Élan vital');
    expect(sentenceCase('DNA is the substance of our genes')).toBe('DNA is the substance of our genes');
    expect(sentenceCase('(1879-1955) born in ulm')).toBe('(1879-1955) born in ulm');
    expect(sentenceCase('')).toBe('');
  });
});
