import { tinyWordPiece } from './__fixtures__/tiny-word-piece';
import { decodeWordTags, tagEntities } from './tag-entities';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
const TEXT = 'Sallie Mowell flew to Lima.';
// words: Sallie [0,6] Mowell [7,13] flew [14,18] to [19,21] Lima [22,26] . [26,27]
const WORDS: Array<[number, number]> = [
  [0, 6],
  [7, 13],
  [14, 18],
  [19, 21],
  [22, 26],
  [26, 27],
];
// sub-words: [CLS] Sallie Mow ##ell flew to Lima . [SEP]
const SUBWORDS: Array<[number, number]> = [[0, 0], ...WORDS.slice(0, 1), [7, 10], [10, 13], ...WORDS.slice(2), [0, 0]];
const O = [0.9, 0.025, 0.025, 0.025, 0.025];
const PROBS = [
  O,
  [0.1, 0.3, 0.6, 0, 0], // Sallie: argmax I-PER (invalid first), B-PER second
  [0.05, 0.05, 0.9, 0, 0], // Mow
  [0.2, 0.2, 0.2, 0.2, 0.2], // ##ell: ignored (not a first sub-word)
  O,
  O,
  [0.1, 0, 0, 0.8, 0.1], // Lima
  O,
  O,
];

describe('tagEntities', () => {
  test('Viterbi joins what argmax breaks; offsets, text and the mean probability of the words', () => {
    expect(decodeWordTags(WORDS, PROBS, SUBWORDS, LABELS, 'argmax')).toEqual([
      'I-PER',
      'I-PER',
      'O',
      'O',
      'B-LOC',
      'O',
    ]);
    expect(decodeWordTags(WORDS, PROBS, SUBWORDS, LABELS)).toEqual(['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O']);
    const entities = tagEntities(TEXT, SUBWORDS, PROBS, LABELS);
    expect(entities.map(({ label, start, end, text }) => ({ label, start, end, text }))).toEqual([
      { label: 'PER', start: 0, end: 13, text: 'Sallie Mowell' },
      { label: 'LOC', start: 22, end: 26, text: 'Lima' },
    ]);
    expect(entities[0].score).toBeCloseTo((0.3 + 0.9) / 2, 10);
    expect(entities[1].score).toBeCloseTo(0.8, 10);
  });
  test("pooling all: a word's later sub-words count towards its type; B/I still from the first", () => {
    const entities = tagEntities(TEXT, SUBWORDS, PROBS, LABELS, 'viterbi', 'all');
    expect(entities.map((e) => e.text)).toEqual(['Sallie Mowell', 'Lima']);
    // Mowell: mean of Mow and ##ell gives PER mass (0.05 + 0.9 + 0.2 + 0.2) / 2 = 0.675, I- share 0.9 / 0.95 of it
    expect(entities[0].score).toBeCloseTo((0.3 + (0.675 * 0.9) / 0.95) / 2, 10);
    // an ##ell that reads as LOC changes nothing under `first` and halves Mowell's PER mass under `all`
    const locEnding = PROBS.map((r, i) => (i === 3 ? [0, 0, 0, 0, 1] : r));
    expect(tagEntities(TEXT, SUBWORDS, locEnding, LABELS)[0].score).toBeCloseTo((0.3 + 0.9) / 2, 10);
    expect(tagEntities(TEXT, SUBWORDS, locEnding, LABELS, 'viterbi', 'all')[0].score).toBeCloseTo(
      (0.3 + (0.475 * 0.9) / 0.95) / 2,
      10,
    );
  });
  test('words cut off by truncation are O', () => {
    expect(decodeWordTags(WORDS, PROBS.slice(0, 3), SUBWORDS.slice(0, 3), LABELS)).toEqual([
      'B-PER',
      'I-PER',
      'O',
      'O',
      'O',
      'O',
    ]);
  });
  test("with a real tokenizer's offsets: entities are whole words", () => {
    const tokenizer = tinyWordPiece(['ann', 'went', 'to', 'li', '##ma', '.']);
    const e = tokenizer.encode('Ann went to Lima.');
    const probs = e.tokens.map((t) => (t === 'li' ? [0, 0, 0, 1, 0] : t === 'ann' ? [0, 1, 0, 0, 0] : [1, 0, 0, 0, 0]));
    expect(tagEntities('Ann went to Lima.', e.offsets, probs, LABELS).map((x) => x.text)).toEqual(['Ann', 'Lima']);
  });
  test('the sentence-opener rule: "Only" is not part of the name after it, unless switched off', () => {
    const tokenizer = tinyWordPiece(['only', 'ann', 'knew', '.']);
    const text = 'Only Ann knew.';
    const e = tokenizer.encode(text);
    // the model reads "Only Ann" as one person
    const probs = e.tokens.map((t) =>
      t === 'only' ? [0.2, 0.8, 0, 0, 0] : t === 'ann' ? [0.1, 0.3, 0.6, 0, 0] : [1, 0, 0, 0, 0],
    );
    expect(tagEntities(text, e.offsets, probs, LABELS).map((x) => x.text)).toEqual(['Ann']);
    expect(tagEntities(text, e.offsets, probs, LABELS, 'viterbi', 'first', false).map((x) => x.text)).toEqual([
      'Only Ann',
    ]);
    const words: Array<[number, number]> = [
      [0, 4],
      [5, 8],
      [9, 13],
      [13, 14],
    ];
    expect(decodeWordTags(words, probs, e.offsets, LABELS, 'viterbi', 'first', text)).toEqual(['O', 'B-PER', 'O', 'O']);
    expect(decodeWordTags(words, probs, e.offsets, LABELS)).toEqual(['B-PER', 'I-PER', 'O', 'O']);
  });
});
