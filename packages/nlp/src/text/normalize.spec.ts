import { normalizeText } from './normalize';

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
