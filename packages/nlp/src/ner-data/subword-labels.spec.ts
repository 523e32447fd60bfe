import { trainWordPiece } from '../tokenizers/wordpiece-trainer';
import { alignTagsToSubwords, subwordWordIndex, wordLabelRows, wordTagsFromSubwords } from './subword-labels';
import { nerTokens } from './ner-tokens';

const words: Array<[number, number]> = [
  [0, 3],
  [4, 12],
  [13, 18],
]; // 'Ann Kowalski spoke'
const subwords: Array<[number, number]> = [
  [0, 0],
  [0, 3],
  [4, 7],
  [7, 12],
  [13, 18],
  [0, 0],
  [0, 0],
]; // [CLS] ann kow ##alski spoke [SEP] [PAD]

describe('sub-word label alignment', () => {
  test('first sub-word takes the tag; later ones and special tokens are null', () => {
    expect(subwordWordIndex(words, subwords)).toEqual([-1, 0, 1, 1, 2, -1, -1]);
    expect(alignTagsToSubwords(words, ['B-PER', 'I-PER', 'O'], subwords)).toEqual([
      null,
      'B-PER',
      'I-PER',
      null,
      'O',
      null,
      null,
    ]);
  });
  test('labelAllSubwords gives later sub-words I- of the type', () => {
    const tags = alignTagsToSubwords(words, ['O', 'B-PER', 'O'], subwords, { labelAllSubwords: true });
    expect(tags).toEqual([null, 'O', 'B-PER', 'I-PER', 'O', null, null]);
  });
  test('word tags back from sub-word predictions: the first sub-word decides; a truncated word is O', () => {
    expect(wordTagsFromSubwords(words, ['O', 'B-PER', 'B-PER', 'O', 'O', 'O', 'O'], subwords)).toEqual([
      'B-PER',
      'B-PER',
      'O',
    ]);
    expect(wordTagsFromSubwords(words, ['O', 'B-LOC'], subwords.slice(0, 2))).toEqual(['B-LOC', 'O', 'O']);
  });
  test('with a real WordPiece encoding, word tags survive the round trip', () => {
    const text = "Ann Kowalski's firm moved to Ouagadougou.";
    const wp = trainWordPiece([text, 'ann moved to the firm'], { vocabSize: 60 });
    const w = nerTokens(text);
    const wordOffsets = w.map((t): [number, number] => [t.start, t.end]);
    const tags = ['B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'B-LOC', 'O'];
    const e = wp.encode(text);
    const aligned = alignTagsToSubwords(wordOffsets, tags, e.offsets);
    expect(aligned.filter((t) => t !== null)).toEqual(tags);
    expect(
      wordTagsFromSubwords(
        wordOffsets,
        aligned.map((t) => t ?? 'O'),
        e.offsets,
      ),
    ).toEqual(tags);
  });
  test('wordLabelRows: `first` reads the first sub-word; `all` takes types from every sub-word, B/I from the first', () => {
    const labels = ['O', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
    // "Venezuelan is" → [CLS] Venezuela ##n is [SEP]
    const wordOffsets: Array<[number, number]> = [
      [0, 10],
      [11, 13],
    ];
    const subwordOffsets: Array<[number, number]> = [
      [0, 0],
      [0, 9],
      [9, 10],
      [11, 13],
      [0, 0],
    ];
    const rows = [
      [1, 0, 0, 0, 0],
      [0.1, 0.6, 0, 0.3, 0], // Venezuela: the remembered place
      [0.1, 0, 0.1, 0, 0.8], // ##n: the demonym's ending
      [0.9, 0.05, 0, 0.05, 0],
      [1, 0, 0, 0, 0],
    ];
    expect(wordLabelRows(wordOffsets, rows, subwordOffsets, labels, 'first', undefined)).toEqual([rows[1], rows[3]]);
    const [pooled, one] = wordLabelRows(wordOffsets, rows, subwordOffsets, labels, 'all', undefined) as number[][];
    // means: O 0.1, B-LOC 0.3, I-LOC 0.05, B-MISC 0.15, I-MISC 0.4 → LOC 0.35 and MISC 0.55, both all B- at the first sub-word
    [0.1, 0.35, 0, 0.55, 0].forEach((p, j) => expect(pooled[j]).toBeCloseTo(p, 12));
    expect(pooled.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    rows[3].forEach((p, j) => expect(one[j]).toBeCloseTo(p, 12)); // a one-piece word is unchanged
    // a word whose sub-words were all truncated away gets `missing`
    expect(wordLabelRows(wordOffsets, rows.slice(0, 3), subwordOffsets.slice(0, 3), labels, 'all', 'gone')[1]).toBe(
      'gone',
    );
  });
});
