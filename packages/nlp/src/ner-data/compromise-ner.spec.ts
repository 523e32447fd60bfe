import { compromiseNer, compromiseTextTags, compromiseTokenTags, spansToTokenTags } from './compromise-ner';

describe('compromise baseline tagger', () => {
  test('people, places and organisations become PER, LOC and ORG character spans', () => {
    const text = 'Angela Merkel met Siemens executives in Munich.';
    expect(compromiseNer(text).map((s) => [s.type, text.slice(s.start, s.end)])).toEqual([
      ['PER', 'Angela Merkel'],
      ['ORG', 'Siemens'],
      ['LOC', 'Munich'],
    ]);
  });
  test('BIO tags on the same tokens: trailing punctuation and a leading title stay O', () => {
    expect(compromiseTextTags('John Smith flew to New York.')).toEqual({
      tokens: ['John', 'Smith', 'flew', 'to', 'New', 'York', '.'],
      tags: ['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'I-LOC', 'O'],
    });
    expect(compromiseTokenTags(['The', 'University', 'of', 'Toronto', 'hired', 'Dr.', 'Jane', 'Goodall', '.'])).toEqual([
      'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'B-PER', 'I-PER', 'O',
    ]); // prettier-ignore
  });
  test('overlapping spans: the longer wins, a shorter one sharing its tokens is dropped', () => {
    const tokens = ['Bank', 'of', 'Peru', 'rose'];
    const offsets: Array<[number, number]> = [[0, 4], [5, 7], [8, 12], [13, 17]]; // prettier-ignore
    const spans = [
      { type: 'LOC', start: 8, end: 12 },
      { type: 'ORG', start: 0, end: 12 },
    ];
    expect(spansToTokenTags(tokens, offsets, spans)).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'O']);
  });
});
