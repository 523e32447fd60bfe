import { Rng } from '@dlkit/core';
import { keepProbabilities, noiseTable, trainSkipgram } from './train-skipgram';

/** Sentences that each draw words from one of `groups` topics: co-occurrence defines the neighbours. */
function topicCorpus(groups: number, perGroup: number, sentences: number, seed = 7): string[][] {
  const rng = new Rng(seed);
  return Array.from({ length: sentences }, () => {
    const g = rng.int(groups);
    return Array.from({ length: 8 }, () => `g${g}w${rng.int(perGroup)}`);
  });
}

describe('trainSkipgram', () => {
  const corpus = topicCorpus(4, 6, 1500);
  const options = { dim: 16, epochs: 3, minCount: 1, sample: 1, threads: 1, seed: 3 };

  it('puts words that co-occur next to each other', async () => {
    const { vectors, vocabulary, trainWords } = await trainSkipgram(corpus, options);
    expect(vocabulary.words.length).toBe(24);
    expect(trainWords).toBe(3 * 1500 * 8);
    for (const w of vectors.words) {
      const group = w.split('w')[0];
      expect(vectors.nearest(w, { k: 5 }).map((s) => s.word.split('w')[0])).toEqual(Array(5).fill(group));
    }
  });

  it('is deterministic on one thread for a seed', async () => {
    const a = await trainSkipgram(corpus, { ...options, epochs: 1 });
    const b = await trainSkipgram(corpus, { ...options, epochs: 1 });
    const c = await trainSkipgram(corpus, { ...options, epochs: 1, seed: 4 });
    expect(a.vectors.vectors).toEqual(b.vectors.vectors);
    expect(a.vectors.vectors).not.toEqual(c.vectors.vectors);
  });

  it('keeps a word of frequency f with probability sqrt(t/f) + t/f, and draws noise by count^0.75', () => {
    // f = 1/100, t = 1e-4: sqrt(0.01) + 0.01 = 0.11
    expect(keepProbabilities([1, 99], 1e-4)[0]).toBeCloseTo(0.11, 6);
    expect(keepProbabilities([1, 99], 1e-4)[1]).toBeCloseTo(Math.sqrt(1e-4 / 0.99) + 1e-4 / 0.99, 6);
    const table = noiseTable([16, 1], 1000); // 16^0.75 = 8, 1^0.75 = 1: 8/9 of the table
    expect(table.filter((i) => i === 0).length).toBe(889);
    expect(table[999]).toBe(1);
  });

  it('validates its options', async () => {
    await expect(trainSkipgram(corpus, { dim: 0 })).rejects.toThrow('dim must be a positive integer, got 0');
    await expect(trainSkipgram(corpus, { lr: -1 })).rejects.toThrow('lr must be positive, got -1');
    const defaults = await trainSkipgram(corpus, { ...options, epochs: 1, dim: undefined }); // undefined = default
    expect(defaults.vectors.dim).toBe(100);
    await expect(trainSkipgram([['a']], { minCount: 2 })).rejects.toThrow('no word occurs at least minCount=2 times');
  });
});
