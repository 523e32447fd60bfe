import { Rng } from '@dlkit/core';
import { brownText, mlmCorpusSentences } from './mlm-corpus';

describe('mlmCorpusSentences', () => {
  it("writes a Brown sentence as text, its `` and '' quotes as \"", () => {
    expect(brownText({ words: ['``', 'Only', 'a', 'relative', "''", 'handful', '.'] })).toBe(
      '" Only a relative " handful .',
    );
  });

  it('draws maxSentences from each corpus, seeded', () => {
    // Slow (~4-9 s): reads the Brown corpus (11 MB) four times and WordNet's glosses once
    const brown = mlmCorpusSentences({ corpus: ['brown'], maxSentences: 50, rng: new Rng(3) });
    expect(brown).toHaveLength(50);
    expect(mlmCorpusSentences({ corpus: ['brown'], maxSentences: 50, rng: new Rng(3) })).toEqual(brown);
    expect(mlmCorpusSentences({ corpus: ['brown'], maxSentences: 50, rng: new Rng(4) })).not.toEqual(brown);
    const both = mlmCorpusSentences({ corpus: ['wordnet', 'brown'], maxSentences: 50, rng: new Rng(3) });
    expect(both).toHaveLength(100);
    // WordNet's glosses open in lower case, Brown's running text with a capital
    expect(both.filter((s) => /^[a-z]/.test(s)).length).toBeGreaterThan(25);
    expect(both.filter((s) => /^[A-Z"]/.test(s)).length).toBeGreaterThan(25);
  });

  it('adds name definitions to the WordNet part and applies normalize to the glosses', () => {
    const upper = (s: string) => s.toUpperCase();
    const wordnet = mlmCorpusSentences({
      corpus: ['wordnet'],
      maxSentences: 40,
      nameDefinitions: true,
      normalize: upper,
      rng: new Rng(1),
    });
    expect(wordnet).toHaveLength(50); // one name per four glosses
    expect(wordnet.filter((s) => s.includes(' is ')).length).toBeGreaterThanOrEqual(10);
    expect(wordnet.filter((s) => s === s.toUpperCase())).toHaveLength(40);
  });

  it('refuses an unknown or empty corpus list', () => {
    const rng = new Rng(1);
    expect(() => mlmCorpusSentences({ corpus: [], maxSentences: 5, rng })).toThrow(/wordnet and\/or brown/);
    expect(() => mlmCorpusSentences({ corpus: ['news' as never], maxSentences: 5, rng })).toThrow(/got \["news"\]/);
  });
});
