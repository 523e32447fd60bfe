import { entityF1, extractEntities } from './entity-metrics';

describe('extractEntities (seqeval get_entities, default mode)', () => {
  test("seqeval's docstring example", () => {
    expect(extractEntities(['B-PER', 'I-PER', 'O', 'B-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 1 },
      { type: 'LOC', start: 3, end: 3 },
    ]);
  });
  test('an I- after O, at the start, or after another type starts a new entity (non-strict)', () => {
    expect(extractEntities(['I-PER', 'I-PER', 'O', 'I-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 1 },
      { type: 'LOC', start: 3, end: 3 },
    ]);
    expect(extractEntities(['B-PER', 'I-LOC', 'I-LOC'])).toEqual([
      { type: 'PER', start: 0, end: 0 },
      { type: 'LOC', start: 1, end: 2 },
    ]);
  });
  test('B- after B- of the same type ends the first entity; an entity may end the sentence', () => {
    expect(extractEntities(['B-ORG', 'B-ORG', 'I-ORG'])).toEqual([
      { type: 'ORG', start: 0, end: 0 },
      { type: 'ORG', start: 1, end: 2 },
    ]);
    expect(extractEntities(['O', 'O'])).toEqual([]);
  });
  test('IOBES tags are read as seqeval reads them', () => {
    expect(extractEntities(['S-PER', 'B-LOC', 'E-LOC', 'O'])).toEqual([
      { type: 'PER', start: 0, end: 0 },
      { type: 'LOC', start: 1, end: 2 },
    ]);
  });
});

describe('entityF1', () => {
  test("seqeval's README example: micro P = R = F1 = 0.5, MISC 0 and PER 1", () => {
    const yTrue = [
      ['O', 'O', 'O', 'B-MISC', 'I-MISC', 'I-MISC', 'O'],
      ['B-PER', 'I-PER', 'O'],
    ];
    const yPred = [
      ['O', 'O', 'B-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'O'],
      ['B-PER', 'I-PER', 'O'],
    ];
    const r = entityF1(yTrue, yPred);
    expect([r.precision, r.recall, r.f1]).toEqual([0.5, 0.5, 0.5]);
    expect(r.perType.MISC).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(r.perType.PER).toMatchObject({ precision: 1, recall: 1, f1: 1, support: 1 });
  });
  test('hand-worked micro average over types; a prediction with a wrong type or boundary counts as both a miss and a false alarm', () => {
    // true: PER(0,1) LOC(3,3) | ORG(0,2); predicted: PER(0,1) ORG(3,3) | ORG(0,1) LOC(4,4)
    // correct 1 of 4 predicted (P = 1/4), 1 of 3 true (R = 1/3), F1 = 2·(1/4)(1/3)/(1/4+1/3) = 2/7
    const r = entityF1(
      [
        ['B-PER', 'I-PER', 'O', 'B-LOC'],
        ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'O'],
      ],
      [
        ['B-PER', 'I-PER', 'O', 'B-ORG'],
        ['B-ORG', 'I-ORG', 'O', 'O', 'B-LOC'],
      ],
    );
    expect(r.precision).toBeCloseTo(1 / 4, 12);
    expect(r.recall).toBeCloseTo(1 / 3, 12);
    expect(r.f1).toBeCloseTo(2 / 7, 12);
    expect(r.perType.ORG).toMatchObject({ correct: 0, predicted: 2, support: 1, f1: 0 });
    expect(r.perType.LOC).toMatchObject({ correct: 0, predicted: 1, support: 1 });
  });
  test('the types option drops the other types from both sides (a tagger without MISC)', () => {
    const r = entityF1([['B-PER', 'O', 'B-MISC']], [['B-PER', 'O', 'O']], { types: ['PER', 'LOC', 'ORG'] });
    expect(r.f1).toBe(1);
    expect(Object.keys(r.perType)).toEqual(['PER']);
  });
  test('no predictions give 0 (zero division), no entities at all give 0; mismatched lengths throw', () => {
    expect(entityF1([['B-PER']], [['O']]).f1).toBe(0);
    expect(entityF1([['O']], [['O']]).f1).toBe(0);
    expect(() => entityF1([['O', 'O']], [['O']])).toThrow(/sentence 0 has 2 true tags but 1 predicted/);
    expect(() => entityF1([['O']], [])).toThrow(/1 true sequences but 0 predicted/);
  });
});
