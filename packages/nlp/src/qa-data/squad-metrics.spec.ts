import { normalizeAnswer, squadEvaluate, squadExactMatch, squadF1, squadF1Single } from './squad-metrics';

describe('SQuAD v1.1 metrics', () => {
  test('normalizeAnswer matches the official script (expected values from Python 3 running evaluate-v1.1.py)', () => {
    const cases: Array<[string, string]> = [
      ['The  Eiffel Tower!', 'eiffel tower'],
      ['éthe Année', 'éthe année'], // Python's \b is Unicode-aware: "the" inside "éthe" stays
      ['Theatre of the a-n', 'theatre of'], // "a-n" loses its hyphen and becomes "an", an article
      ['an\x1capple\u00a0pie', 'apple pie'], // str.split() splits on \x1c and no-break space
      ['the_the the', 'thethe'], // "_" is punctuation, removed first
      ["rock 'n' roll", 'rock n roll'],
      ['A.B.C. the end', 'abc end'],
      ['Über die «Brücke»', 'über die «brücke»'], // only ASCII punctuation is removed
      ['a\ufeffb', '\ufeffb'], // U+FEFF is neither a word character nor whitespace for Python
    ];
    expect(cases.map(([s]) => normalizeAnswer(s))).toEqual(cases.map(([, n]) => n));
  });
  test('F1 and EM against hand-worked (and Python-checked) values', () => {
    expect(squadF1Single('Eiffel Tower in Paris', 'the Eiffel Tower')).toBeCloseTo(2 / 3, 12); // P 2/4, R 2/2
    expect(squadF1Single('the the cat cat', 'cat')).toBeCloseTo(2 / 3, 12); // P 1/2, R 1
    expect(squadF1Single('Paris Paris', 'Paris London Paris')).toBeCloseTo(0.8, 12); // P 2/2, R 2/3: counts clip
    expect(squadF1Single('a', 'the')).toBe(0); // both normalise to nothing: no common token
    expect(squadExactMatch('the Euro.', ['euro'])).toBe(1);
    expect(squadExactMatch('Euros', ['euro'])).toBe(0);
    expect(squadF1('Lima Peru', ['Cusco', 'Lima'])).toBeCloseTo(2 / 3, 12); // the best ground truth counts
  });
  test('squadEvaluate gives percentages; an unanswered question scores 0', () => {
    const examples = [
      { id: 'q1', answers: [{ text: 'Lima' }] },
      { id: 'q2', answers: [{ text: 'Peruvian sol' }] },
      { id: 'q3', answers: [{ text: 'Spanish' }] },
      { id: 'q4', answers: [{ text: 'Quechua' }] },
    ];
    const r = squadEvaluate(examples, { q1: 'Lima', q2: 'the sol', q3: 'French' });
    expect(r.total).toBe(4);
    expect(r.exactMatch).toBeCloseTo(25, 10);
    expect(r.f1).toBeCloseTo((100 * (1 + 2 / 3)) / 4, 10); // "sol" vs "peruvian sol": P 1, R 1/2
  });
});
