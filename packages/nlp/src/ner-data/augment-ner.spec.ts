import { augmentNerSentences, contextWords } from './augment-ner';

const ROWS = [
  {
    tokens: ['Ann', 'Kowalski', 'flew', 'to', 'Lima', 'in', '1999', '.'],
    tags: ['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O', 'O', 'O'],
  },
  { tokens: ['Shares', 'of', 'Acme', 'Ltd', 'fell', '.'], tags: ['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O'] },
];
const WORDS = ['apple', 'river', 'quickly'];

describe('augmentNerSentences', () => {
  test('replaces only lower-case O words, never entities, capitalised words, punctuation or numbers', () => {
    const [a, b] = augmentNerSentences(ROWS, { words: WORDS, replaceRate: 1, joinRate: 0 });
    expect(a.tags).toEqual(ROWS[0].tags);
    expect(a.tokens.slice(0, 2)).toEqual(['Ann', 'Kowalski']);
    expect(a.tokens[4]).toBe('Lima');
    expect(a.tokens.slice(6)).toEqual(['1999', '.']);
    expect([a.tokens[2], a.tokens[3], a.tokens[5]].every((w) => WORDS.includes(w))).toBe(true);
    expect(b.tokens[0]).toBe('Shares'); // a capitalised first word stays: see the comment in augmentNerSentences
    expect(WORDS).toContain(b.tokens[1]);
    expect(b.tokens.slice(2, 4)).toEqual(['Acme', 'Ltd']);
  });
  test('initialRate replaces a capitalised O first word by a capitalised random word, never a first entity', () => {
    const [a, b] = augmentNerSentences(ROWS, { words: WORDS, replaceRate: 0, joinRate: 0, initialRate: 1 });
    expect(a.tokens).toEqual(ROWS[0].tokens);
    expect(['Apple', 'River', 'Quickly']).toContain(b.tokens[0]);
    expect(b.tokens.slice(1)).toEqual(ROWS[1].tokens.slice(1));
    expect(b.tags).toEqual(ROWS[1].tags);
  });
  test('openerRate puts an opener, tagged O, before a sentence that opens with an entity, and only there', () => {
    const [a, b] = augmentNerSentences(ROWS, { replaceRate: 0, joinRate: 0, openerRate: 1, openers: ['From'] });
    expect(a.tokens).toEqual(['From', ...ROWS[0].tokens]);
    expect(a.tags).toEqual(['O', ...ROWS[0].tags]);
    expect(b).toEqual(ROWS[1]); // opens with an O word: unchanged
    const none = augmentNerSentences(ROWS, { words: WORDS, openerRate: 0, openers: ['From'], seed: 3 });
    expect(none).toEqual(augmentNerSentences(ROWS, { words: WORDS, seed: 3 }));
    expect(() => augmentNerSentences(ROWS, { openerRate: 1, openers: [] })).toThrow(/no opener words/);
    expect(() => augmentNerSentences(ROWS, { words: WORDS, openerRate: 2 })).toThrow(/openerRate must be in \[0, 1\]/);
  });
  test('rate 0 keeps the rows; joinRate 1 appends the next row; the same seed gives the same rows', () => {
    expect(augmentNerSentences(ROWS, { words: WORDS, replaceRate: 0, joinRate: 0 })).toEqual(ROWS);
    const joined = augmentNerSentences(ROWS, { words: WORDS, replaceRate: 0, joinRate: 1 });
    expect(joined[0]).toEqual({
      tokens: [...ROWS[0].tokens, ...ROWS[1].tokens],
      tags: [...ROWS[0].tags, ...ROWS[1].tags],
    });
    const o = { words: WORDS, seed: 4 };
    expect(augmentNerSentences(ROWS, o)).toEqual(augmentNerSentences(ROWS, o));
  });
  test('bad options are errors', () => {
    expect(() => augmentNerSentences(ROWS, { words: [] })).toThrow(/no replacement words/);
    expect(() => augmentNerSentences(ROWS, { words: WORDS, replaceRate: 2 })).toThrow(
      /replaceRate must be in \[0, 1\]/,
    );
    expect(() => augmentNerSentences(ROWS, { words: WORDS, initialRate: -1 })).toThrow(/initialRate/);
  });
  test('contextWords: lower-case words above the count, most frequent first', () => {
    expect(contextWords(2, ['The cat and the dog.', 'the cat, Rex; a dog-like cat'])).toEqual(['cat', 'the']);
  });
});
