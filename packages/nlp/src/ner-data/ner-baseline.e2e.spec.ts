/** The compromise baseline numbers quoted in the README (bench/ner-baseline.js prints the same run). */
import { compromiseBaseline } from './ner-baseline';

// Slow (~10-20 s): loads the entity lists and runs compromise over 1,000 generated and 115 hand-labelled sentences.
it('compromise on PER/LOC/ORG: f1 0.484 on the generated test split, handF1 0.792 on the hand-labelled set', () => {
  const r = compromiseBaseline({ testCount: 1000, seed: 1 });
  expect(r.sizes).toEqual({ generated: 1000, handLabelled: 115 });
  expect(r.f1).toBeCloseTo(0.484, 3);
  expect(r.handF1).toBeCloseTo(0.792, 3);
  expect(Object.keys(r.perType)).toEqual(['LOC', 'ORG', 'PER']);
  expect([r.perType.PER.f1, r.perType.LOC.f1, r.perType.ORG.f1].map((x) => +x.toFixed(3))).toEqual([
    0.289, 0.571, 0.544,
  ]);
  expect([r.handPerType.PER.f1, r.handPerType.LOC.f1, r.handPerType.ORG.f1].map((x) => +x.toFixed(3))).toEqual([
    0.706, 0.892, 0.667,
  ]);
}, 120_000);
