import { tinyWordPiece } from './__fixtures__/tiny-word-piece';
import { groupEntities } from './group-entities';

// A vocabulary where "lovelace" splits into love ##lace and "babbage" into bab ##bage.
const tokenizer = tinyWordPiece(['ada', 'love', '##lace', 'met', 'bab', '##bage', 'in', 'london', '.']);
const text = 'Ada Lovelace met Babbage in London.';
const e = tokenizer.encode(text); // [CLS] ada love ##lace met bab ##bage in london . [SEP]

describe('groupEntities', () => {
  it('groups B-/I- sub-word labels into whole-word entities with offsets into the input', () => {
    const labels = [
      { index: 1, entity: 'B-PER', score: 0.9 },
      { index: 2, entity: 'I-PER', score: 0.8 },
      { index: 3, entity: 'I-PER', score: 0.7 },
      { index: 5, entity: 'B-PER', score: 0.6 }, // ##bage unlabelled (the pipeline drops 'O'): the word still ends the entity
      { index: 8, entity: 'B-LOC', score: 1 },
    ];
    expect(e.tokens.slice(1, 10)).toEqual(['ada', 'love', '##lace', 'met', 'bab', '##bage', 'in', 'london', '.']);
    const got = groupEntities(text, e, labels);
    expect(got.map(({ label, start, end, text: t }) => ({ label, start, end, t }))).toEqual([
      { label: 'PER', start: 0, end: 12, t: 'Ada Lovelace' },
      { label: 'PER', start: 17, end: 24, t: 'Babbage' },
      { label: 'LOC', start: 28, end: 34, t: 'London' },
    ]);
    expect(got[0].score).toBeCloseTo(0.8);
    expect(got[1].tokens).toEqual([5, 6]);
  });

  it('starts a new entity on B-, on a type change and on an I- after a gap', () => {
    const got = groupEntities(text, e, [
      { index: 1, entity: 'B-PER' },
      { index: 2, entity: 'B-PER' },
      { index: 5, entity: 'I-ORG' },
      { index: 6, entity: 'I-LOC' }, // a continuation piece: joins ORG whatever its label
      { index: 8, entity: 'I-LOC' },
    ]);
    expect(got.map((x) => [x.label, x.text])).toEqual([
      ['PER', 'Ada'],
      ['PER', 'Lovelace'],
      ['ORG', 'Babbage'],
      ['LOC', 'London'],
    ]);
    expect(groupEntities(text, e, [])).toEqual([]);
  });
});
