import { Rng } from '@dlkit/core';
import { tokenizeCorpus, wordnetCorpusLines } from './corpus';
import { evaluateEmbeddings } from './evaluate-embeddings';
import { trainSkipgram } from './train-skipgram';

// Slow (~15 s): worker threads start from the compiled dist (run `npx tsc -b tsconfig.build.json`
// first), and the WordNet slice trains 5 epochs on ~300k tokens.
describe('trainSkipgram on worker threads', () => {
  it('trains with 2 Hogwild threads over shared memory: co-occurring words are neighbours', async () => {
    const rng = new Rng(7);
    const corpus = Array.from({ length: 1500 }, () => {
      const g = rng.int(4);
      return Array.from({ length: 8 }, () => `g${g}w${rng.int(6)}`);
    });
    const r = await trainSkipgram(corpus, {
      dim: 16,
      epochs: 3,
      minCount: 1,
      sample: 1,
      threads: 2,
      seed: 3,
    });
    expect(r.trainWords).toBe(3 * 1500 * 8); // both threads' shares, every epoch
    expect(r.wordsPerSec).toBeGreaterThan(0);
    for (const w of r.vectors.words) {
      const group = w.split('w')[0];
      expect(r.vectors.nearest(w, { k: 5 }).map((s) => s.word.split('w')[0])).toEqual(Array(5).fill(group));
    }
  }, 30_000);

  it('learns from a slice of WordNet: synonyms closer than random pairs', async () => {
    const sentences = tokenizeCorpus(wordnetCorpusLines().slice(0, 40000));
    const { vectors } = await trainSkipgram(sentences, { dim: 50, epochs: 5, lr: 0.05, threads: 2, seed: 1 });
    const scores = evaluateEmbeddings(vectors, { capitalPairs: [], maxQuestions: 200 });
    expect(scores.counts.synonymPairs).toBeGreaterThan(200);
    expect(scores.synonymAuc).toBeGreaterThan(0.58); // 0.62 measured; 0.5 is chance
  }, 60_000);
});
