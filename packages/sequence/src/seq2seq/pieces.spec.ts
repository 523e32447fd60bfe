// Sub-word pieces: BPE merges on a small corpus, greedy longest-match splits that join back to the
// text, and a pieces PairCoder that saves and loads.
import { PairCoder } from './pairs';
import { learnPieces, pieceChunks, splitPieces } from './pieces';

describe('pieces', () => {
  const corpus = ['quatre-vingt-deux', 'quatre-vingts', 'deux mille', 'quatre mille deux', 'vingt-deux mille'];

  it('splits before spaces; learns the most frequent merges first; every character stays a piece', () => {
    expect(pieceChunks('deux  mille')).toEqual(['deux', '  mille']);
    const pieces = learnPieces(corpus, { maxPieces: 30, minCount: 2 });
    expect(pieces.length).toBeLessThanOrEqual(30);
    for (const ch of new Set(corpus.join(''))) expect(pieces).toContain(ch);
    // "de", "eu", "ux" ... "deux" occurs 4 times (3 × "deux" chunk-initial or after "-"), so it merges.
    expect(pieces.some((p) => p.endsWith('deux'))).toBe(true);
    expect(learnPieces(corpus, { maxPieces: 30, minCount: 100 }).every((p) => [...p].length === 1)).toBe(true);
  });

  it('greedy longest match joins back to the text, and unknown characters stay single', () => {
    const vocab = new Set(learnPieces(corpus, { maxPieces: 40, minCount: 2 }));
    for (const text of [...corpus, 'vingt-quatre mille deux', 'zèbre deux']) {
      const parts = splitPieces(text, vocab);
      expect(parts.join('')).toBe(text);
      expect(parts.length).toBeLessThanOrEqual([...text].length);
    }
    expect(splitPieces('quatre-vingt-deux', vocab).length).toBeLessThan(8);
  });

  it('a pieces PairCoder encodes, decodes and round-trips through JSON; too long and unknown inputs are named', () => {
    const pairs = corpus.map((target, i) => ({ source: `n ${i} ${target.length}`, target }));
    const base = PairCoder.fromPairs(pairs);
    const coder = PairCoder.withPieces(pairs, base, { maxPieces: 40, minCount: 2 });
    expect(coder.tokens).toBe('pieces');
    expect(coder.ty).toBeLessThan(base.ty);
    for (const p of pairs) expect(coder.decodeTarget(coder.encodeTarget(p.target))).toBe(p.target);
    const loaded = PairCoder.fromJSON(JSON.parse(JSON.stringify(coder.toJSON())));
    expect(loaded.encodeTarget('vingt-deux')).toEqual(coder.encodeTarget('vingt-deux'));
    expect(base.toJSON().tokens).toBeUndefined();
    expect(() => coder.encodeSource('n 1 x')).toThrow(/unknown token "x" in the input/);
    expect(() => coder.encodeTarget('deux '.repeat(40))).toThrow(/sub-word pieces; this model writes at most/);
  });
});
