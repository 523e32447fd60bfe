import { Rng } from '@dlkit/core';
import { biasDirection, debias, projection } from './debias';
import { DEFINITIONAL_PAIRS, EQUALIZE_PAIRS, NEUTRAL_OCCUPATIONS } from './gender-word-lists';
import { WordVectors } from './word-vectors';

/** Random unit vectors where female words lean +bias and male words −bias along a hidden axis; occupations lean too. */
function biasedVectors(dim = 20, seed = 5): { vectors: WordVectors; axis: Float32Array } {
  const rng = new Rng(seed);
  const axis = new Float32Array(dim);
  axis[3] = 1;
  const words = [...new Set([...DEFINITIONAL_PAIRS.flat(), ...EQUALIZE_PAIRS.flat(), ...NEUTRAL_OCCUPATIONS, 'apple'])];
  const female = new Set([...DEFINITIONAL_PAIRS, ...EQUALIZE_PAIRS].map(([f]) => f));
  const male = new Set([...DEFINITIONAL_PAIRS, ...EQUALIZE_PAIRS].map(([, m]) => m));
  const values = new Float32Array(words.length * dim);
  words.forEach((w, i) => {
    for (let d = 0; d < dim; d++) values[i * dim + d] = rng.normal(0, 0.3);
    values[i * dim + 3] += female.has(w) ? 1 : male.has(w) ? -1 : rng.range(-0.4, 0.4);
  });
  return { vectors: new WordVectors(words, values, dim).normalized(), axis };
}

describe('debias', () => {
  const { vectors, axis } = biasedVectors();
  const g = biasDirection(vectors, DEFINITIONAL_PAIRS);

  it('finds the bias direction as the first principal component of the pair differences', () => {
    expect(Math.hypot(...g)).toBeCloseTo(1, 5);
    expect(Math.abs(g.reduce((s, x, i) => s + x * axis[i], 0))).toBeGreaterThan(0.9);
    expect(projection(vectors, 'woman', g)).toBeGreaterThan(projection(vectors, 'man', g)); // first word of a pair is +
  });

  it('neutralizes the occupations: mean |projection| < 1e-6 after, far larger before', () => {
    const meanAbs = (v: WordVectors) =>
      NEUTRAL_OCCUPATIONS.reduce((s, w) => s + Math.abs(projection(v, w, g)), 0) / NEUTRAL_OCCUPATIONS.length;
    const fair = debias(vectors, g, { neutral: NEUTRAL_OCCUPATIONS, equalize: EQUALIZE_PAIRS });
    expect(meanAbs(vectors)).toBeGreaterThan(0.05);
    expect(meanAbs(fair)).toBeLessThan(1e-6);
    expect(fair.vector('apple')).toEqual(vectors.vector('apple')); // words not listed are untouched
  });

  it('equalizes pairs: equal and opposite along g, identical off it, unit length', () => {
    const fair = debias(vectors, g, { neutral: ['apple'], equalize: EQUALIZE_PAIRS });
    for (const [a, b] of EQUALIZE_PAIRS) {
      expect(projection(fair, a, g) + projection(fair, b, g)).toBeCloseTo(0, 6);
      expect(projection(fair, a, g)).toBeGreaterThan(0);
      const va = fair.vector(a);
      const vb = fair.vector(b);
      const pa = projection(fair, a, g);
      va.forEach((x, i) => expect(x - pa * g[i]).toBeCloseTo(vb[i] + pa * g[i], 6));
      expect(Math.hypot(...va)).toBeCloseTo(1, 5);
      // a neutralized word is now equally similar to both members
      expect(fair.similarity(a, 'apple')).toBeCloseTo(fair.similarity(b, 'apple'), 6);
    }
  });

  it('names what it cannot do', () => {
    expect(() => biasDirection(vectors, [['xx', 'yy']])).toThrow('no definitional pair has both words');
    expect(() =>
      debias(
        vectors,
        Float32Array.from(g, (x) => 2 * x),
        { neutral: [] },
      ),
    ).toThrow('unit length');
  });
});
