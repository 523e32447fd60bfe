import { iob1ToBio, isValidBio, spansToBio } from './bio';
import { detokenize, nerTokens } from './ner-tokens';

describe('BIO tags', () => {
  test('isValidBio accepts IOB2 and refuses an I- that starts an entity or a bad tag', () => {
    expect(isValidBio(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC'])).toBe(true);
    expect(isValidBio(['O', 'I-PER'])).toBe(false);
    expect(isValidBio(['B-PER', 'I-LOC'])).toBe(false);
    expect(isValidBio(['B-PER', 'X'])).toBe(false);
  });
  test('iob1ToBio: I- starting an entity becomes B-; B- between same-type entities stays; BIO is unchanged', () => {
    expect(iob1ToBio(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-ORG'])).toEqual([
      'B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'B-ORG',
    ]); // prettier-ignore
    const bio = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC'];
    expect(iob1ToBio(bio)).toEqual(bio);
  });
  test('spansToBio tags the tokens inside each span', () => {
    const text = 'Ann Lee saw Rome';
    const offsets = nerTokens(text).map((t): [number, number] => [t.start, t.end]);
    expect(spansToBio(offsets, [{ type: 'PER', start: 0, end: 7 }, { type: 'LOC', start: 12, end: 16 }])).toEqual([
      'B-PER', 'I-PER', 'O', 'B-LOC',
    ]); // prettier-ignore
  });
});

describe('nerTokens / detokenize', () => {
  test("splits punctuation and a possessive 's, with offsets into the text", () => {
    const text = "Lima's mayor, Ana Ruiz, met O'Brien.";
    const tokens = nerTokens(text);
    expect(tokens.map((t) => t.text)).toEqual(['Lima', "'s", 'mayor', ',', 'Ana', 'Ruiz', ',', 'met', "O'Brien", '.']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  test('detokenize joins CoNLL words into text whose offsets give the words back', () => {
    const words = ['Lima', "'s", 'mayor', '(', 'Ana', ')', 'paid', '$', '5', ',', 'he', 'said', '.'];
    const { text, offsets } = detokenize(words);
    expect(text).toBe("Lima's mayor (Ana) paid $5, he said.");
    expect(offsets.map(([s, e]) => text.slice(s, e))).toEqual(words);
  });
});
