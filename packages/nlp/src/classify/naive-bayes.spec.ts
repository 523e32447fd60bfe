import { MultinomialNaiveBayes } from './naive-bayes';

// The worked example of Manning, Raghavan & Schütze, "Introduction to Information Retrieval",
// section 13.2 (Table 13.1): is the test document about China?
const TRAIN = [
  { text: 'Chinese Beijing Chinese', label: 'china' },
  { text: 'Chinese Chinese Shanghai', label: 'china' },
  { text: 'Chinese Macao', label: 'china' },
  { text: 'Tokyo Japan Chinese', label: 'other' },
];

describe('MultinomialNaiveBayes', () => {
  it('matches the textbook probabilities (Laplace smoothing)', () => {
    const nb = new MultinomialNaiveBayes(['china', 'other']).fit(TRAIN);
    expect(nb.vocabularySize).toBe(6);
    // priors 3/4 and 1/4
    expect(nb.logPriors.map(Math.exp)).toEqual([expect.closeTo(0.75, 12), expect.closeTo(0.25, 12)]);
    // china has 8 tokens: P(chinese | china) = (5 + 1) / (8 + 6) = 3/7, P(tokyo | china) = 1/14
    // other has 3 tokens: P(chinese | other) = (1 + 1) / (3 + 6) = 2/9, P(tokyo | other) = 2/9
    expect(nb.logLikelihood('chinese')!.map(Math.exp)).toEqual([expect.closeTo(3 / 7, 12), expect.closeTo(2 / 9, 12)]);
    expect(nb.logLikelihood('tokyo')!.map(Math.exp)).toEqual([expect.closeTo(1 / 14, 12), expect.closeTo(2 / 9, 12)]);
    // d5 = "Chinese Chinese Chinese Tokyo Japan":
    // P(china | d5) ∝ 3/4 · (3/7)^3 · 1/14 · 1/14 ≈ 0.0003, P(other | d5) ∝ 1/4 · (2/9)^3 · 2/9 · 2/9 ≈ 0.0001
    const china = 0.75 * (3 / 7) ** 3 * (1 / 14) ** 2;
    const other = 0.25 * (2 / 9) ** 5;
    const p = nb.predict('Chinese Chinese Chinese Tokyo Japan');
    expect(p.label).toBe('china');
    expect(p.scores.china).toBeCloseTo(china / (china + other), 10);
    // an unknown word changes nothing
    expect(nb.predict('Chinese Chinese Chinese Tokyo Japan Zanzibar').scores.china).toBeCloseTo(p.scores.china, 12);
    expect(nb.predict('zanzibar').scores).toEqual({ china: expect.closeTo(0.75, 12), other: expect.closeTo(0.25, 12) });
  });

  it('evaluates, and names bad input', () => {
    const nb = new MultinomialNaiveBayes(['china', 'other']);
    expect(() => nb.predict('x')).toThrow('call fit() before predicting');
    nb.fit(TRAIN);
    expect(nb.evaluate(TRAIN).accuracy).toBe(1);
    expect(() => nb.fit([{ text: 'x', label: 'mars' }])).toThrow("row 0: unknown label 'mars'");
    expect(() => nb.fit([])).toThrow('no rows');
    expect(() => new MultinomialNaiveBayes(['a', 'b'], { alpha: 0 })).toThrow('alpha must be > 0');
  });
});
