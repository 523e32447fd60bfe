import { opensSentence, openersOutside, SENTENCE_OPENERS } from './opener-rule';
import { viterbiBioTags } from './bio-viterbi';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
const PER_START = [0.1, 0.7, 0.1, 0.1, 0];
const PER_INSIDE = [0.1, 0.2, 0.7, 0, 0];
const O = [0.9, 0.05, 0.05, 0, 0];

describe('openersOutside', () => {
  test('a sentence-opening function word is read O; the name after it starts the entity', () => {
    const words = ['Only', 'Mikkel', 'knew', '.'];
    const rows = [PER_START, PER_INSIDE, O, O];
    expect(viterbiBioTags(rows, LABELS)).toEqual(['B-PER', 'I-PER', 'O', 'O']); // "Only Mikkel" as one person
    const ruled = openersOutside(rows, words, LABELS);
    expect(ruled[0]).toEqual([1, 0, 0, 0, 0]);
    expect(ruled.slice(1)).toEqual(rows.slice(1));
    // Mikkel's I-PER may not follow O, so Viterbi takes its B-PER: the person is "Mikkel"
    expect(viterbiBioTags(ruled, LABELS)).toEqual(['O', 'B-PER', 'O', 'O']);
  });
  test('only at a sentence start: the first word, or after ".", "?" or "!"', () => {
    const words = ['Ann', 'left', '.', 'From', 'Lima', ',', 'From', 'went', '?', 'Neither', 'came'];
    const rows = words.map(() => PER_START);
    const ruled = openersOutside(rows, words, LABELS);
    const outside = ruled.map((r) => r[0] === 1);
    expect(outside).toEqual([false, false, false, true, false, false, false, false, false, true, false]);
    expect(words.map((_, i) => opensSentence(words, i))).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
    ]);
  });
  test('the list is a closed class: case matters, names are not in it, another list can be given', () => {
    expect(SENTENCE_OPENERS).toEqual(expect.arrayContaining(['The', 'From', 'Only', 'Neither', 'However']));
    for (const name of ['Paris', 'Ann', 'John']) expect(SENTENCE_OPENERS).not.toContain(name);
    const rows = [PER_START, O];
    expect(openersOutside(rows, ['FROM', 'x'], LABELS)[0]).toBe(PER_START);
    expect(openersOutside(rows, ['Ann', 'x'], LABELS, new Set(['Ann']))[0]).toEqual([1, 0, 0, 0, 0]);
  });
  test('mismatched rows and words, or labels without O, are errors', () => {
    expect(() => openersOutside([O], ['a', 'b'], LABELS)).toThrow('1 label rows for 2 words');
    expect(() => openersOutside([O], ['a'], ['B-PER', 'I-PER'])).toThrow("the labels have no 'O'");
  });
});
